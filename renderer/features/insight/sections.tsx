/** The five parts of the Inzicht view; each figure has its chart (where one helps) and a data table. */
import { AlertTriangle, CircleSlash, Sparkles } from 'lucide-react';
import { useId, type CSSProperties, type ReactNode } from 'react';
import type { InsightReport } from '../../../shared/contract-insight';
import { KINDS, STAGES, type Stage } from '../../../shared/domain';
import type { Translate } from '../../i18n/i18n';
import { Bars, Lines, type Row, type Series } from './charts';
import { DataTable } from './DataTable';
import { Figure } from './Figure';
import type { Formats } from './format';

interface Props {
  report: InsightReport;
  t: Translate;
  f: Formats;
}

function Part({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="insight-part" aria-labelledby={id}>
      <h3 id={id} className="insight-part__title">
        {title}
      </h3>
      <div className="insight-part__grid">{children}</div>
    </section>
  );
}

const kindSeries = (t: Translate): Series[] => [
  { key: 'verbeter', label: t('kind.verbeter'), color: 'var(--verbeter)' },
  { key: 'verleuk', label: t('kind.verleuk'), color: 'var(--verleuk)', pattern: 'insight-hatch-verleuk' },
];

const WORK_STAGES = STAGES.filter((s) => s !== 'afgerond');
const DASHES: Record<Stage, string | undefined> = { nieuw: undefined, plan: '8 4', do: '2 3', check: '10 3 2 3', act: '4 4', afgerond: undefined };

export function Participation({ report, t, f }: Props) {
  const weeks: Row[] = report.ideasPerWeek.map((w) => ({ label: f.weekShort(w.start), verbeter: w.verbeter, verleuk: w.verleuk }));
  const total = report.ideasPerWeek.reduce((n, w) => n + w.verbeter + w.verleuk, 0);
  const { active, team, since } = report.activeShare;
  const perPerson = (ideas: number) => (team > 0 ? ideas / team : 0);
  const months: Row[] = report.ideasPerMonth.map((m) => ({ label: f.month(m.start), perPerson: Math.round(perPerson(m.ideas) * 10) / 10 }));
  const perWeekTitle = t('insight.participation.perWeek');
  const perMonthTitle = t('insight.participation.perMonth');
  return (
    <Part title={t('insight.participation.title')}>
      <Figure
        title={perWeekTitle}
        empty={total === 0}
        chart={<Bars title={perWeekTitle} data={weeks} series={kindSeries(t)} stacked formatValue={f.number} />}
        table={
          <DataTable
            caption={perWeekTitle}
            columns={[t('insight.week'), t('kind.verbeter'), t('kind.verleuk'), t('insight.total')]}
            rows={report.ideasPerWeek.map((w) => ({
              key: w.start,
              cells: [f.weekLong(w.start), f.number(w.verbeter), f.number(w.verleuk), f.number(w.verbeter + w.verleuk)],
            }))}
          />
        }
      />
      <Figure
        title={t('insight.participation.active')}
        summary={
          <>
            <strong className="insight-stat">{team > 0 ? f.percent(active / team) : t('insight.duration.none')}</strong>{' '}
            {t('insight.participation.activeValue', { active: f.number(active), team: f.number(team) })}
          </>
        }
        table={<p className="insight-figure__note">{t('insight.participation.activeHint', { since: f.date(since) })}</p>}
      />
      <Figure
        title={perMonthTitle}
        empty={total === 0}
        chart={
          <Bars
            title={perMonthTitle}
            data={months}
            series={[{ key: 'perPerson', label: t('insight.participation.perPerson'), color: 'var(--primary)' }]}
            formatValue={f.decimal}
            labels
            height={200}
          />
        }
        table={
          <DataTable
            caption={perMonthTitle}
            columns={[t('insight.month'), t('insight.participation.ideas'), t('insight.participation.authors'), t('insight.participation.perPerson')]}
            rows={report.ideasPerMonth.map((m) => ({
              key: m.start,
              cells: [f.month(m.start), f.number(m.ideas), f.number(m.authors), f.decimal(perPerson(m.ideas))],
            }))}
          />
        }
      />
      <Figure
        title={t('insight.participation.quiet')}
        summary={report.quietPeople.length > 0 ? t('insight.participation.quietIntro') : t('insight.participation.quietNone')}
        table={
          report.quietPeople.length > 0 && (
            <ul className="insight-invite" aria-label={t('insight.participation.quiet')}>
              {report.quietPeople.map((p) => (
                <li key={p.id}>
                  <Sparkles size={14} aria-hidden="true" /> {p.name}
                </li>
              ))}
            </ul>
          )
        }
      />
    </Part>
  );
}

export function Flow({ report, t, f }: Props) {
  const finishedTitle = t('insight.flow.finished');
  const stageTitle = t('insight.flow.stageTime');
  const wipTitle = t('insight.flow.wip');
  const cyclesTitle = t('insight.flow.cycles');
  const finishedTotal = report.finishedPerWeek.reduce((n, w) => n + w.count, 0);
  const { leadTime } = report;
  const stays = report.timeInStage.reduce((n, s) => n + s.count, 0);
  const wipAny = report.wipPerWeek.some((w) => WORK_STAGES.some((s) => w[s] > 0));
  const stageSeries: Series[] = [
    { key: 'median', label: t('insight.flow.median'), color: 'var(--primary)' },
    { key: 'p85', label: t('insight.flow.p85'), color: 'var(--primary)', pattern: 'insight-hatch-primary' },
  ];
  return (
    <Part title={t('insight.flow.title')}>
      <Figure
        title={finishedTitle}
        empty={finishedTotal === 0}
        chart={
          <Bars
            title={finishedTitle}
            data={report.finishedPerWeek.map((w) => ({ label: f.weekShort(w.start), count: w.count }))}
            series={[{ key: 'count', label: t('insight.flow.finishedCount'), color: 'var(--primary)' }]}
            formatValue={f.number}
          />
        }
        table={
          <DataTable
            caption={finishedTitle}
            columns={[t('insight.week'), t('insight.flow.finishedCount')]}
            rows={report.finishedPerWeek.map((w) => ({ key: w.start, cells: [f.weekLong(w.start), f.number(w.count)] }))}
          />
        }
      />
      <Figure
        title={t('insight.flow.leadTime')}
        summary={
          leadTime.count > 0
            ? t('insight.flow.leadTimeValue', {
                median: f.duration(leadTime.medianMs),
                p85: f.duration(leadTime.p85Ms),
                count: f.number(leadTime.count),
              })
            : undefined
        }
        empty={leadTime.count === 0}
        table={null}
      />
      <Figure
        title={stageTitle}
        empty={stays === 0}
        chart={
          <Bars
            title={stageTitle}
            horizontal
            height={230}
            data={report.timeInStage.map((s) => ({ label: t(`stage.${s.stage}`), median: f.days(s.medianMs), p85: f.days(s.p85Ms) }))}
            series={stageSeries}
            formatValue={f.decimal}
          />
        }
        table={
          <DataTable
            caption={`${stageTitle} (${t('insight.days').toLowerCase()})`}
            columns={[t('insight.flow.stage'), t('insight.flow.median'), t('insight.flow.p85'), t('insight.flow.count')]}
            rows={report.timeInStage.map((s) => ({
              key: s.stage,
              cells: [t(`stage.${s.stage}`), f.duration(s.medianMs), f.duration(s.p85Ms), f.number(s.count)],
            }))}
          />
        }
      />
      <Figure
        title={wipTitle}
        empty={!wipAny}
        chart={
          <Lines
            title={wipTitle}
            data={report.wipPerWeek.map((w) => ({ label: f.weekShort(w.start), ...Object.fromEntries(WORK_STAGES.map((s) => [s, w[s]])) }))}
            series={WORK_STAGES.map((s, i) => ({ key: s, label: t(`stage.${s}`), color: `var(--chart-${i + 1})`, dash: DASHES[s] }))}
          />
        }
        table={
          <DataTable
            caption={wipTitle}
            columns={[t('insight.week'), ...WORK_STAGES.map((s) => t(`stage.${s}`))]}
            rows={report.wipPerWeek.map((w) => ({ key: w.start, cells: [f.weekLong(w.start), ...WORK_STAGES.map((s) => f.number(w[s]))] }))}
          />
        }
      />
      <Figure
        title={cyclesTitle}
        empty={report.cycles.length === 0}
        table={
          <DataTable
            caption={cyclesTitle}
            columns={[t('insight.flow.cyclesColumn'), t('insight.outcome.ideas')]}
            rows={report.cycles.map((c) => ({
              key: String(c.cycles),
              cells: [t('insight.flow.cyclesCount', { count: c.cycles }), f.number(c.ideas)],
            }))}
          />
        }
      />
    </Part>
  );
}

export function Outcome({ report, t, f }: Props) {
  const { adopted, stopped } = report.outcomes;
  const finished = adopted + stopped;
  const splitTitle = t('insight.outcome.split');
  const improvedTitle = t('insight.outcome.improved');
  const { grades } = report;
  return (
    <Part title={t('insight.outcome.title')}>
      <Figure
        title={splitTitle}
        empty={finished === 0}
        summary={finished > 0 ? t('insight.outcome.share', { percent: f.percent(adopted / finished) }) : undefined}
        chart={
          <Bars
            title={splitTitle}
            horizontal
            height={120}
            labels
            data={[
              { label: t('outcome.adopted'), count: adopted },
              { label: t('outcome.stopped'), count: stopped },
            ]}
            series={[{ key: 'count', label: t('insight.outcome.ideas'), color: 'var(--primary)' }]}
            formatValue={f.number}
          />
        }
        table={
          <DataTable
            caption={splitTitle}
            columns={[t('field.outcome'), t('insight.outcome.ideas')]}
            rows={[
              { key: 'adopted', cells: [t('outcome.adopted'), f.number(adopted)] },
              { key: 'stopped', cells: [t('outcome.stopped'), f.number(stopped)] },
            ]}
          />
        }
      />
      <Figure
        title={t('insight.outcome.grades')}
        summary={
          grades.ideas > 0 && grades.averageChange !== null ? (
            <>
              {t('insight.outcome.gradesValue', {
                change: `${grades.averageChange > 0 ? '+' : ''}${f.decimal(grades.averageChange)}`,
                count: f.number(grades.ideas),
              })}
              <br />
              {t('insight.outcome.lifted', { count: grades.liftedToNine })}
            </>
          ) : (
            t('insight.outcome.noGrades')
          )
        }
        table={
          report.touchpointsImproved.length > 0 && (
            <DataTable
              caption={improvedTitle}
              columns={[t('insight.where.touchpoint'), t('insight.outcome.before'), t('insight.outcome.after'), t('insight.outcome.ideas')]}
              rows={report.touchpointsImproved.map((r) => ({
                key: r.touchpointId,
                cells: [
                  r.archived ? t('insight.where.archived', { name: r.name }) : r.name,
                  f.decimal(r.averageBefore),
                  f.decimal(r.averageAfter),
                  f.number(r.ideas),
                ],
              }))}
            />
          )
        }
      />
    </Part>
  );
}

export function Where({ report, t, f }: Props) {
  const heatTitle = t('insight.where.heatmap');
  const valuesTitle = t('insight.where.values');
  const levelsTitle = t('insight.where.levels');
  const max = Math.max(1, ...report.heatmap.flatMap((r) => KINDS.map((k) => r[k])));
  const gaps = report.valueCoverage.filter((v) => v.ideas === 0 && !v.archived);
  const levelIdeas = report.levelCoverage.reduce((n, l) => n + l.ideas, 0);
  return (
    <Part title={t('insight.where.title')}>
      <Figure
        title={heatTitle}
        empty={report.heatmap.length === 0}
        table={
          <table className="insight-table insight-heatmap">
            <caption>{heatTitle}</caption>
            <thead>
              <tr>
                <th scope="col">{t('insight.where.touchpoint')}</th>
                {KINDS.map((k) => (
                  <th key={k} scope="col" className="insight-table__num">
                    {t(`kind.${k}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {report.heatmap.map((r) => (
                <tr key={r.touchpointId}>
                  <th scope="row">
                    <span className="insight-heatmap__journey">{r.journeyName} · </span>
                    {r.archived ? t('insight.where.archived', { name: r.name }) : r.name}
                  </th>
                  {KINDS.map((k) => (
                    <td
                      key={k}
                      className={`insight-table__num insight-heatmap__cell insight-heatmap__cell--${k}`}
                      style={{ '--heat': `${Math.round((r[k] / max) * 40)}%` } as CSSProperties}
                    >
                      {f.number(r[k])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        }
      />
      <Figure
        title={valuesTitle}
        empty={report.valueCoverage.length === 0}
        summary={
          gaps.length > 0 ? (
            <span className="insight-gaps">
              <AlertTriangle size={16} aria-hidden="true" /> {t('insight.where.gaps', { count: gaps.length })}{' '}
              {gaps.map((g) => g.name).join(', ')}
            </span>
          ) : undefined
        }
        chart={
          <Bars
            title={valuesTitle}
            horizontal
            labels
            height={Math.max(160, report.valueCoverage.length * 30)}
            data={report.valueCoverage.map((v) => ({ label: v.name, ideas: v.ideas }))}
            series={[{ key: 'ideas', label: t('insight.outcome.ideas'), color: 'var(--primary)' }]}
            formatValue={f.number}
          />
        }
        table={
          <DataTable
            caption={valuesTitle}
            columns={[t('insight.where.value'), t('insight.where.level'), t('insight.outcome.ideas')]}
            rows={report.valueCoverage.map((v) => ({
              key: v.valueId,
              className: v.ideas === 0 ? 'insight-table__gap' : undefined,
              cells: [
                v.archived ? t('insight.where.archived', { name: v.name }) : v.name,
                t(`level.${v.level}`),
                v.ideas === 0 ? (
                  <>
                    <CircleSlash size={14} aria-hidden="true" /> {f.number(0)} ({t('insight.where.noIdeas')})
                  </>
                ) : (
                  f.number(v.ideas)
                ),
              ],
            }))}
          />
        }
      />
      <Figure
        title={levelsTitle}
        empty={levelIdeas === 0}
        table={
          <DataTable
            caption={levelsTitle}
            columns={[t('insight.where.level'), t('insight.outcome.ideas')]}
            rows={report.levelCoverage.map((l) => ({
              key: String(l.level),
              className: l.ideas === 0 && l.level !== null ? 'insight-table__gap' : undefined,
              cells: [l.level === null ? t('insight.where.noLevel') : t(`level.${l.level}`), f.number(l.ideas)],
            }))}
          />
        }
      />
    </Part>
  );
}

export function WipHistory({ report, t, f }: Props) {
  const title = t('insight.wip.title');
  return (
    <Part title={title}>
      <Figure
        title={t('insight.wip.intro')}
        summary={report.wipExceeded.length === 0 ? t('insight.wip.none') : undefined}
        table={
          report.wipExceeded.length > 0 && (
            <DataTable
              caption={title}
              columns={[t('insight.flow.stage'), t('insight.wip.limit'), t('insight.wip.times'), t('insight.wip.over'), t('insight.wip.peak')]}
              rows={report.wipExceeded.map((w) => ({
                key: w.stage,
                className: w.times > 0 ? 'insight-table__over' : undefined,
                cells: [t(`stage.${w.stage}`), f.number(w.limit), f.number(w.times), w.msOver > 0 ? f.duration(w.msOver) : f.number(0), f.number(w.peak)],
              }))}
            />
          )
        }
      />
    </Part>
  );
}
