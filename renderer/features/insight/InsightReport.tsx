/**
 * The Inzicht view (loaded lazily with recharts): period and filters, CSV export of the ideas in view, printing,
 * and the five parts: participation, flow, outcome, where, WIP limits. Every figure comes from the core.
 */
import { Download, Printer, RefreshCw } from 'lucide-react';
import { useEffect, useId } from 'react';
import { KINDS, type Kind } from '../../../shared/domain';
import { getHost } from '../../api/host';
import { describeError } from '../../i18n/i18n';
import { useLocale, useT } from '../../i18n/use-t';
import { useApp, useAppStoreApi } from '../../store/store';
import { PersonOptions, TouchpointOptions } from '../board/filter-options';
import { ChartPatterns } from './charts';
import { useFormats } from './format';
import { csvFileName, ideasCsv } from './ideas-csv';
import { PERIOD_CHOICES } from './period';
import { Flow, Outcome, Participation, WipHistory, Where } from './sections';
import './insight.css';

export default function InsightReport() {
  const t = useT();
  const f = useFormats(t);
  const store = useAppStoreApi();
  const titleId = useId();
  const { weeks, report, loading, error } = useApp((s) => s.insight);
  const loadInsight = useApp((s) => s.loadInsight);

  useEffect(() => {
    void loadInsight();
  }, [loadInsight]);

  const total = report ? report.ideasPerWeek.reduce((n, w) => n + w.verbeter + w.verleuk, 0) : 0;
  const last = report ? new Date(new Date(report.to).getTime() - 1).toISOString() : null;

  return (
    <section className="insight" aria-labelledby={titleId} aria-busy={loading}>
      <ChartPatterns />
      <header className="insight__header">
        <div>
          <h2 id={titleId} className="insight__title">
            {t('insight.title')}
          </h2>
          <p className="insight__intro">{t('insight.intro')}</p>
          {report && last && (
            <p className="insight__range">{t('insight.period.range', { from: f.date(report.from), to: f.date(last) })}</p>
          )}
        </div>
        <Actions />
      </header>
      <InsightFilters />
      {error && (
        <div className="insight__error" role="alert">
          <p>{t('insight.loadFailed', { message: describeError(t, error) })}</p>
          <button type="button" className="button" onClick={() => void store.getState().loadInsight()}>
            <RefreshCw size={16} aria-hidden="true" /> {t('insight.retry')}
          </button>
        </div>
      )}
      {!report && !error && (
        <p className="insight__loading" role="status">
          {t('insight.loading')}
        </p>
      )}
      {report && (
        <>
          {total === 0 && (
            <p className="insight__empty" role="status">
              {t('insight.empty')}
            </p>
          )}
          <p className="visually-hidden" role="status">
            {loading ? t('insight.loading') : t('insight.period.weeks', { count: weeks })}
          </p>
          <Participation report={report} t={t} f={f} />
          <Flow report={report} t={t} f={f} />
          <Outcome report={report} t={t} f={f} />
          <Where report={report} t={t} f={f} />
          <WipHistory report={report} t={t} f={f} />
        </>
      )}
    </section>
  );
}

function Actions() {
  const t = useT();
  const { language } = useLocale();
  const store = useAppStoreApi();
  const hintId = useId();

  const exportCsv = async () => {
    const state = store.getState();
    const ideas = await state.fetchIdeasInView();
    if (!ideas) return;
    const text = ideasCsv(ideas, state, t, state.settings.csvSeparator);
    const outcome = await getHost().saveFile({
      suggestedName: csvFileName(new Date(), language),
      text,
      mime: 'text/csv;charset=utf-8',
      filters: [{ name: t('insight.export.fileType'), extensions: ['csv'] }],
      title: t('insight.export.title'),
    });
    if (!outcome.ok) state.notify({ tone: 'error', key: 'insight.export.failed', vars: { message: outcome.error.message } });
    else if (outcome.value === 'done') state.notify({ tone: 'info', key: 'insight.export.done', vars: { count: ideas.length } });
  };

  const print = async () => {
    const outcome = await getHost().print({ suggestedName: `kaizenbord-${t('insight.title').toLowerCase()}.pdf`, title: t('insight.print.title') });
    if (!outcome.ok) store.getState().notify({ tone: 'error', key: 'insight.print.failed', vars: { message: outcome.error.message } });
  };

  return (
    <div className="insight__actions">
      <button type="button" className="button" aria-describedby={hintId} onClick={() => void exportCsv()}>
        <Download size={16} aria-hidden="true" /> {t('insight.export')}
      </button>
      <button type="button" className="button" onClick={() => void print()}>
        <Printer size={16} aria-hidden="true" /> {t('insight.print')}
      </button>
      <p id={hintId} className="insight__hint">
        {t('insight.export.hint')}
      </p>
    </div>
  );
}

function InsightFilters() {
  const t = useT();
  const { weeks, filter } = useApp((s) => s.insight);
  const setWeeks = useApp((s) => s.setInsightWeeks);
  const setFilter = useApp((s) => s.setInsightFilter);
  const ids = { period: useId(), kind: useId(), touchpoint: useId(), person: useId() };

  return (
    <div className="insight__filters" role="group" aria-label={t('insight.filter.label')}>
      <div className="insight__field">
        <label htmlFor={ids.period}>{t('insight.period')}</label>
        <select id={ids.period} value={weeks} onChange={(e) => setWeeks(Number(e.target.value))}>
          {PERIOD_CHOICES.map((n) => (
            <option key={n} value={n}>
              {t('insight.period.weeks', { count: n })}
            </option>
          ))}
        </select>
      </div>
      <div className="insight__field">
        <label htmlFor={ids.kind}>{t('board.filter.kind')}</label>
        <select id={ids.kind} value={filter.kind ?? ''} onChange={(e) => setFilter({ kind: (e.target.value || undefined) as Kind | undefined })}>
          <option value="">{t('board.filter.kind.all')}</option>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kind.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="insight__field">
        <label htmlFor={ids.touchpoint}>{t('board.filter.touchpoint')}</label>
        <select id={ids.touchpoint} value={filter.touchpointId ?? ''} onChange={(e) => setFilter({ touchpointId: e.target.value || undefined })}>
          <TouchpointOptions />
        </select>
      </div>
      <div className="insight__field">
        <label htmlFor={ids.person}>{t('board.filter.person')}</label>
        <select id={ids.person} value={filter.personId ?? ''} onChange={(e) => setFilter({ personId: e.target.value || undefined })}>
          <PersonOptions />
        </select>
      </div>
    </div>
  );
}
