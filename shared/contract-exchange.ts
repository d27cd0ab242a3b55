/**
 * Contract calls of one feature (Issue 3: team setup file and ideas file export/import with merge.) Spread into the
 * one table in shared/contract.ts. The file format lives in shared/exchange-format.ts; the file text travels as a
 * string (at most EXCHANGE_MAX_CHARS).
 */
import { z } from 'zod';
import { EXCHANGE_MAX_CHARS, type ExchangeExport, type ExchangeSummary } from './exchange-format';
import { call, id, instant, returns } from './contract-kit';

const fileText = z.string().max(EXCHANGE_MAX_CHARS);
const token = z.string().regex(/^[0-9a-f]{64}$/);

export const exchangeCalls = {
  'setup:export': call(
    'The team setup file: journeys, touchpoints, belevingswaarden, people and the team settings (stand-up, WIP limits).',
    z.strictObject({}),
    returns<ExchangeExport>(),
  ),
  'ideas:export': call(
    'An ideas file with history, comments and thanks: all ideas, or those of personId (author or owner), or changed since an instant.',
    z.strictObject({ personId: id.optional(), since: instant.optional() }),
    returns<ExchangeExport>(),
  ),
  'exchange:preview': call(
    'Check a setup or ideas file and count what an import would add, update and skip per kind; changes nothing.',
    z.strictObject({ text: fileText }),
    returns<ExchangeSummary>(),
  ),
  'exchange:apply': call(
    'Import a previewed file in one transaction (merge: the later change wins, history is appended); refuses another file than the token names.',
    z.strictObject({ text: fileText, token }),
    returns<ExchangeSummary>(),
  ),
} as const;
