/** Exchange actions for the settings view: export to a file, preview a chosen file, apply it. */
import { format } from 'date-fns';
import { useCallback } from 'react';
import { EXCHANGE_EXTENSIONS, EXCHANGE_SUFFIX, type ExchangeExport, type ExchangeSummary } from '../../../shared/exchange-format';
import type { HostError } from '../../../shared/host';
import { OPEN_FILE_MAX_BYTES } from '../../../shared/host';
import type { CallError } from '../../../shared/result';
import { getHost } from '../../api/host';
import { describeError, type Translate } from '../../i18n/i18n';
import { useT } from '../../i18n/use-t';
import { useAppStoreApi } from '../../store/store';

/** A problem to show next to the control that caused it, already in the user's language. */
export type Problem = string;

export interface PreviewedFile {
  name: string;
  text: string;
  summary: ExchangeSummary;
}

/** A file name part from a person's name: lower case, accents and odd characters dropped. */
export function slug(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'team'
  );
}

const MB = 1024 * 1024;
const megabytes = (bytes: number) => Math.max(1, Math.round(bytes / MB));

/**
 * A sentence for a refusal from the core, with the file-size case said in megabytes: the core's own limit on the
 * text, or a smaller limit of the transport (the browser harness takes requests up to 1 MB).
 */
export function describeExchangeError(t: Translate, error: CallError): string {
  const tooLarge = error.issue === 'too_long' || error.issue === 'too_big';
  if (error.code === 'validation' && tooLarge && (error.field === undefined || error.field === 'text')) {
    const limit = error.field === 'text' || !error.limit ? OPEN_FILE_MAX_BYTES : error.limit;
    return t('exchange.error.tooLarge', { mb: megabytes(limit) });
  }
  return describeError(t, error);
}

function describeHostError(t: Translate, error: HostError): string {
  if (error.code === 'too-large') return t('exchange.error.tooLarge', { mb: megabytes(OPEN_FILE_MAX_BYTES) });
  if (error.code === 'not-text') return t('exchange.error.notText');
  return t('exchange.error.io');
}

const filters = (t: Translate) => [{ name: t('exchange.fileFilter'), extensions: EXCHANGE_EXTENSIONS }];

export function useExchange() {
  const store = useAppStoreApi();
  const t = useT();

  /** Save an export under a dated name; returns a problem sentence, or null when saved or cancelled. */
  const save = useCallback(
    async (exported: ExchangeExport, base: string, title: string, done: (file: string) => string): Promise<Problem | null> => {
      const file = `${base}-${format(new Date(), 'yyyy-MM-dd')}${EXCHANGE_SUFFIX}`;
      const outcome = await getHost().saveFile({ suggestedName: file, text: exported.text, mime: 'application/json', filters: filters(t), title });
      if (!outcome.ok) return describeHostError(t, outcome.error);
      if (outcome.value === 'done') store.getState().announce(done(file));
      return null;
    },
    [store, t],
  );

  const exportSetup = useCallback(async (): Promise<Problem | null> => {
    const res = await store.getState().api['setup:export']({});
    if (!res.ok) return describeExchangeError(t, res.error);
    return save(res.value, t('exchange.fileName.setup'), t('exchange.save.setupTitle'), (file) => t('exchange.saved.setup', { file }));
  }, [save, store, t]);

  const exportIdeas = useCallback(
    async (options: { person?: { id: string; name: string }; since?: string }): Promise<Problem | null> => {
      const res = await store.getState().api['ideas:export']({
        ...(options.person ? { personId: options.person.id } : {}),
        ...(options.since ? { since: options.since } : {}),
      });
      if (!res.ok) return describeExchangeError(t, res.error);
      const base = options.person ? t('exchange.fileName.mine', { name: slug(options.person.name) }) : t('exchange.fileName.ideas');
      return save(res.value, base, t('exchange.save.ideasTitle'), (file) =>
        t('exchange.saved.ideas', { count: res.value.totals.ideas, file }),
      );
    },
    [save, store, t],
  );

  /** Let the user pick a file and preview it; null value = cancelled. */
  const pickAndPreview = useCallback(async (): Promise<{ ok: true; value: PreviewedFile | null } | { ok: false; problem: Problem }> => {
    const opened = await getHost().openFile({ filters: filters(t), title: t('exchange.open.title') });
    if (!opened.ok) return { ok: false, problem: describeHostError(t, opened.error) };
    if (!opened.value) return { ok: true, value: null };
    const { name, text } = opened.value;
    const res = await store.getState().api['exchange:preview']({ text });
    if (!res.ok) return { ok: false, problem: describeExchangeError(t, res.error) };
    return { ok: true, value: { name, text, summary: res.value } };
  }, [store, t]);

  /** Apply a previewed file, then reload reference data and the board. */
  const apply = useCallback(
    async (file: PreviewedFile): Promise<{ ok: true; value: ExchangeSummary } | { ok: false; problem: Problem }> => {
      const res = await store.getState().api['exchange:apply']({ text: file.text, token: file.summary.token });
      if (!res.ok) return { ok: false, problem: describeExchangeError(t, res.error) };
      await store.getState().refreshReference();
      await store.getState().loadBoard();
      return { ok: true, value: res.value };
    },
    [store, t],
  );

  return { exportSetup, exportIdeas, pickAndPreview, apply };
}
