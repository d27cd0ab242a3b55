/**
 * The Inzicht charts, drawn with recharts (SVG, keyboard layer on: Tab to a chart, arrow keys walk its points and
 * show the tooltip). Colour is never the only signal: verleuk bars are hatched, WIP lines have their own dash
 * pattern, every series is named in the legend, and each chart has a data table beside it (Figure.tsx).
 */
import type { ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, LabelList, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';

export interface Series {
  key: string;
  label: string;
  /** A CSS colour, usually a var() of the theme. */
  color: string;
  /** Fill with this SVG pattern id (see ChartPatterns) instead of the flat colour. */
  pattern?: string;
  /** Line dash pattern (WIP lines). */
  dash?: string;
}

export type Row = { label: string } & Record<string, string | number>;

const AXIS = { stroke: 'var(--text-muted)', fontSize: 12 } as const;
const TICK = { fill: 'var(--text-muted)', fontSize: 12 } as const;
const TOOLTIP_STYLE = {
  contentStyle: { background: 'var(--surface)', border: '1px solid var(--border)', borderRadius: 6, color: 'var(--text)' },
  labelStyle: { color: 'var(--text)', fontWeight: 600 },
  itemStyle: { color: 'var(--text)' },
  cursor: { fill: 'var(--column)' },
} as const;
const LEGEND_STYLE = { color: 'var(--text)', fontSize: 13 } as const;

/** The SVG patterns the charts fill with; rendered once per Inzicht view. */
export function ChartPatterns() {
  return (
    <svg width="0" height="0" className="insight-patterns" aria-hidden="true" focusable="false">
      <defs>
        <pattern id="insight-hatch-verleuk" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" fill="var(--verleuk)" />
          <line x1="0" y1="0" x2="0" y2="6" stroke="var(--surface)" strokeWidth="2" />
        </pattern>
        <pattern id="insight-hatch-primary" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)">
          <rect width="6" height="6" fill="var(--primary)" />
          <line x1="0" y1="0" x2="0" y2="6" stroke="var(--surface)" strokeWidth="2" />
        </pattern>
      </defs>
    </svg>
  );
}

const fillOf = (s: Series) => (s.pattern ? `url(#${s.pattern})` : s.color);

interface BarsProps {
  title: string;
  data: Row[];
  series: Series[];
  stacked?: boolean;
  /** Bars run left to right with the categories down the side. */
  horizontal?: boolean;
  height?: number;
  formatValue?: (value: number) => string;
  /** Write each bar's value at its end. */
  labels?: boolean;
  children?: ReactNode;
}

export function Bars({ title, data, series, stacked = false, horizontal = false, height = 240, formatValue, labels = false }: BarsProps) {
  const format = (v: unknown) => (formatValue && typeof v === 'number' ? formatValue(v) : String(v));
  return (
    <BarChart
      responsive
      style={{ width: '100%', height }}
      data={data}
      layout={horizontal ? 'vertical' : 'horizontal'}
      title={title}
      margin={{ top: 8, right: labels ? 40 : 16, bottom: 4, left: 4 }}
    >
      <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={horizontal} horizontal={!horizontal} />
      {horizontal ? (
        <>
          <XAxis type="number" allowDecimals={false} {...AXIS} tick={TICK} tickFormatter={format} />
          <YAxis type="category" dataKey="label" width={150} {...AXIS} tick={TICK} interval={0} />
        </>
      ) : (
        <>
          <XAxis dataKey="label" {...AXIS} tick={TICK} />
          <YAxis allowDecimals={false} width={36} {...AXIS} tick={TICK} tickFormatter={format} />
        </>
      )}
      <Tooltip {...TOOLTIP_STYLE} formatter={(value) => format(value)} />
      {series.length > 1 && <Legend wrapperStyle={LEGEND_STYLE} itemSorter={null} />}
      {series.map((s) => (
        <Bar
          key={s.key}
          dataKey={s.key}
          name={s.label}
          fill={fillOf(s)}
          stroke={s.color}
          {...(stacked ? { stackId: 'all' } : {})}
          isAnimationActive={false}
        >
          {labels && <LabelList dataKey={s.key} position={horizontal ? 'right' : 'top'} fill="var(--text)" fontSize={12} formatter={format} />}
        </Bar>
      ))}
    </BarChart>
  );
}

interface LinesProps {
  title: string;
  data: Row[];
  series: Series[];
  height?: number;
}

export function Lines({ title, data, series, height = 260 }: LinesProps) {
  return (
    <LineChart responsive style={{ width: '100%', height }} data={data} title={title} margin={{ top: 8, right: 16, bottom: 4, left: 4 }}>
      <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
      <XAxis dataKey="label" {...AXIS} tick={TICK} />
      <YAxis allowDecimals={false} width={36} {...AXIS} tick={TICK} />
      <Tooltip {...TOOLTIP_STYLE} cursor={{ stroke: 'var(--text-muted)' }} />
      <Legend wrapperStyle={LEGEND_STYLE} itemSorter={null} />
      {series.map((s) => (
        <Line
          key={s.key}
          type="monotone"
          dataKey={s.key}
          name={s.label}
          stroke={s.color}
          strokeWidth={2}
          {...(s.dash ? { strokeDasharray: s.dash } : {})}
          dot={{ r: 3, fill: s.color }}
          isAnimationActive={false}
        />
      ))}
    </LineChart>
  );
}
