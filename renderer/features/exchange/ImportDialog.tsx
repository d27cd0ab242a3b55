/** The import preview: what the chosen file would add, update and skip per kind, then "Importeren". */
import { format, parseISO } from 'date-fns';
import { useId, useRef, useState } from 'react';
import type { ExchangeCounts, ExchangeSummary, RecordKind } from '../../../shared/exchange-format';
import type { Translate } from '../../i18n/i18n';
import { useLocale, useT } from '../../i18n/use-t';
import { Dialog } from '../../ui/Dialog';
import type { PreviewedFile } from './use-exchange';

const SETUP_KINDS: readonly RecordKind[] = ['journeys', 'touchpoints', 'values', 'people', 'settings'];
const IDEA_KINDS: readonly RecordKind[] = ['ideas', 'comments', 'events', 'thanks', 'people', 'touchpoints', 'journeys', 'values'];

/** "12 nieuw, 3 bijgewerkt, 0 overgeslagen": the ideas of an ideas file, everything of a setup file. */
export function headline(t: Translate, summary: Pick<ExchangeSummary, 'kind' | 'counts'>): string {
  const kinds = summary.kind === 'ideas' ? (['ideas'] as const) : SETUP_KINDS;
  const total = { added: 0, updated: 0, skipped: 0 };
  for (const kind of kinds) {
    const c = summary.counts[kind];
    total.added += c.added;
    total.updated += c.updated;
    total.skipped += c.skipped;
  }
  return t('exchange.preview.summary', total);
}

const changes = (counts: ExchangeCounts) => Object.values(counts).reduce((n, c) => n + c.added + c.updated, 0);

interface Props {
  file: PreviewedFile;
  onApply: () => Promise<string | null>;
  onClose: () => void;
}

export function ImportDialog({ file, onApply, onClose }: Props) {
  const t = useT();
  const { dateLocale } = useLocale();
  const ids = { meta: useId(), problem: useId() };
  const applyRef = useRef<HTMLButtonElement>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const { summary } = file;
  const kinds = summary.kind === 'ideas' ? IDEA_KINDS : SETUP_KINDS;
  const nothing = changes(summary.counts) === 0;

  const apply = async () => {
    setBusy(true);
    setProblem(null);
    const failed = await onApply();
    // On success the parent closes the dialog; on failure the reason stays here and nothing was changed.
    if (failed) {
      setProblem(failed);
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={t('exchange.preview.title', { file: file.name })}
      onClose={onClose}
      describedBy={ids.meta}
      className="dialog--wide exchange-preview"
      initialFocus={applyRef}
    >
      <p id={ids.meta} className="exchange-preview__meta">
        {t('exchange.preview.meta', {
          kind: t(`exchange.preview.kind.${summary.kind}`),
          date: format(parseISO(summary.exportedAt), 'PPPp', { locale: dateLocale }),
        })}
        <br />
        <strong className="exchange-preview__headline">{headline(t, summary)}</strong>
      </p>
      <table className="exchange-preview__table">
        <caption>{t('exchange.preview.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('exchange.preview.what')}</th>
            <th scope="col">{t('exchange.preview.added')}</th>
            <th scope="col">{t('exchange.preview.updated')}</th>
            <th scope="col">{t('exchange.preview.skipped')}</th>
          </tr>
        </thead>
        <tbody>
          {kinds.map((kind) => {
            const c = summary.counts[kind];
            return (
              <tr key={kind}>
                <th scope="row">{t(`exchange.kind.${kind}`)}</th>
                <td className={c.added ? 'exchange-preview__num exchange-preview__num--added' : 'exchange-preview__num'}>{c.added}</td>
                <td className={c.updated ? 'exchange-preview__num exchange-preview__num--updated' : 'exchange-preview__num'}>{c.updated}</td>
                <td className="exchange-preview__num">{c.skipped}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="field__hint">{nothing ? t('exchange.preview.nothing') : t('exchange.preview.rules')}</p>
      {problem && (
        <p id={ids.problem} className="field__error exchange__problem" role="alert">
          {problem}
        </p>
      )}
      <div className="exchange-preview__buttons">
        <button type="button" className="button" onClick={onClose}>
          {t('action.cancel')}
        </button>
        <button
          ref={applyRef}
          type="button"
          className="button button--primary"
          onClick={() => void apply()}
          disabled={busy}
          aria-describedby={problem ? ids.problem : undefined}
        >
          {busy ? t('exchange.busy') : t('exchange.preview.apply')}
        </button>
      </div>
    </Dialog>
  );
}
