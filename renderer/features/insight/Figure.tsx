/** One figure of the Inzicht view: a heading, an optional summary, the chart, and its data table behind a toggle. */
import { useId, useState, type ReactNode } from 'react';
import { Table2 } from 'lucide-react';
import { useT } from '../../i18n/use-t';

interface FigureProps {
  title: string;
  /** One sentence with the key figure, read before the chart. */
  summary?: ReactNode;
  /** True when the period has nothing to show: says so instead of drawing empty axes. */
  empty?: boolean;
  /** The chart; omitted for figures that are a table or a list already. */
  chart?: ReactNode;
  /** The data table alternative (always shown when there is no chart). */
  table: ReactNode;
}

export function Figure({ title, summary, empty = false, chart, table }: FigureProps) {
  const t = useT();
  const headingId = useId();
  const tableId = useId();
  const [showTable, setShowTable] = useState(false);
  return (
    <section className="insight-figure" aria-labelledby={headingId}>
      <h4 id={headingId} className="insight-figure__title">
        {title}
      </h4>
      {summary !== undefined && <p className="insight-figure__summary">{summary}</p>}
      {empty ? (
        <p className="insight-figure__empty">{t('insight.none')}</p>
      ) : chart ? (
        <>
          <div className="insight-figure__chart">{chart}</div>
          <button
            type="button"
            className="button button--small insight-figure__toggle"
            aria-expanded={showTable}
            aria-controls={tableId}
            onClick={() => setShowTable((v) => !v)}
          >
            <Table2 size={16} aria-hidden="true" /> {showTable ? t('insight.hideTable') : t('insight.showTable')}
          </button>
          <div id={tableId} className={`insight-figure__table${showTable ? '' : ' insight-figure__table--hidden'}`}>
            {table}
          </div>
        </>
      ) : (
        <div className="insight-figure__table insight-figure__table--plain">{table}</div>
      )}
    </section>
  );
}
