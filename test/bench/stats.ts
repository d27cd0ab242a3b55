/** Figures of the benchmark suite: how they are measured (median after warm-up), printed and written as JSON. */

export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** value / baseline, for figures measured against a baseline in the same run. */
  ratio?: number;
  baseline?: number;
}

/** A budget a figure should meet: on the value itself, or on its ratio. */
export interface Budget {
  max: number;
  of?: 'value' | 'ratio';
}

export function median(samples: readonly number[]): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The p-th percentile (0–100), nearest rank. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

/** Milliseconds of each of `runs` calls of fn, after `warmup` calls that are not counted. */
export async function sample(fn: (i: number) => unknown, runs: number, warmup = Math.max(1, Math.ceil(runs / 5))): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn(-1 - i);
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn(i);
    out.push(performance.now() - start);
  }
  return out;
}

const round = (n: number): number => (Math.abs(n) >= 100 ? Math.round(n * 10) / 10 : Math.round(n * 1000) / 1000);

/** A figure, with ratio and baseline when a baseline is given. Values are rounded for reading. */
export function figure(name: string, value: number, unit: string, baseline?: number): Figure {
  const f: Figure = { name, value: round(value), unit };
  if (baseline !== undefined) {
    f.baseline = round(baseline);
    f.ratio = Math.round((value / baseline) * 100) / 100;
  }
  return f;
}

/** One line per figure: name, value, ratio against the baseline, and the budget when there is one. */
export function formatFigure(f: Figure, budget?: Budget): string {
  const main = `${f.name.padEnd(46)} ${String(f.value).padStart(10)} ${f.unit}`;
  const ratio = f.ratio !== undefined ? `  ratio ${f.ratio} (baseline ${f.baseline} ${f.unit})` : '';
  if (!budget) return main + ratio;
  const measured = budget.of === 'ratio' ? f.ratio : f.value;
  const ok = measured !== undefined && measured <= budget.max;
  const limit = budget.of === 'ratio' ? `ratio ≤ ${budget.max}` : budget.max === 0 ? `no ${f.unit}` : `< ${budget.max} ${f.unit}`;
  return `${main}${ratio}  [budget ${limit}: ${ok ? 'ok' : 'MISSED'}]`;
}

/** Collects figures and prints each as it arrives. */
export class Report {
  readonly figures: Figure[] = [];
  readonly missed: string[] = [];
  constructor(private readonly print: (line: string) => void = (line) => process.stdout.write(`${line}\n`)) {}

  add(f: Figure, budget?: Budget): Figure {
    this.figures.push(f);
    if (budget) {
      const measured = budget.of === 'ratio' ? f.ratio : f.value;
      if (!(measured !== undefined && measured <= budget.max)) this.missed.push(f.name);
    }
    this.print(formatFigure(f, budget));
    return f;
  }

  note(line: string): void {
    this.print(line);
  }
}
