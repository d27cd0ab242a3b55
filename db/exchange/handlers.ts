/** Core handlers for the calls in shared/contract-exchange.ts; each runs inside the transaction runCall opens. */
import type { exchangeCalls } from '../../shared/contract-exchange';
import type { ExchangeSummary } from '../../shared/exchange-format';
import type { Db, HandlersFor } from '../core-types';
import { conflict, notFound } from '../errors';
import { getPerson } from '../queries/reference';
import { exportIdeas, exportSetup } from './export';
import { readFile, type ReadFile } from './file';
import { mergeFile } from './merge';

/** Thrown inside the preview's savepoint to roll the trial merge back. */
const ROLLBACK = Symbol('preview rollback');

const summary = (file: ReadFile, counts: ExchangeSummary['counts']): ExchangeSummary => ({
  kind: file.kind,
  exportedAt: file.exportedAt,
  counts,
  token: file.token,
});

/** Run the real merge in a savepoint and roll it back: the preview counts exactly what apply would do. */
function trialMerge(db: Db, file: ReadFile, at: string): ExchangeSummary['counts'] {
  let counts: ExchangeSummary['counts'] | undefined;
  try {
    db.transaction(() => {
      counts = mergeFile(db, file, at);
      throw ROLLBACK;
    })();
  } catch (error) {
    if (error !== ROLLBACK) throw error;
  }
  return counts!;
}

export const exchangeHandlers: HandlersFor<typeof exchangeCalls> = {
  'setup:export': ({ db, at }) => exportSetup(db, at),

  'ideas:export': ({ db, at }, { personId, since }) => {
    if (personId && !getPerson(db, personId)) throw notFound('personId', 'Person');
    return exportIdeas(db, at, { personId, since: since && new Date(since).toISOString() });
  },

  'exchange:preview': ({ db, at }, { text }) => {
    const file = readFile(text);
    return summary(file, trialMerge(db, file, at));
  },

  'exchange:apply': ({ db, at }, { text, token }) => {
    const file = readFile(text);
    if (file.token !== token) throw conflict('file_changed', 'The file differs from the one that was previewed', 'token');
    return summary(file, mergeFile(db, file, at));
  },
};
