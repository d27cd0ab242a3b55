/** A tiny run of every core benchmark (npm run bench), to keep the suite working. Timings are never asserted. */
import { describe, expect, it } from 'vitest';
import { insightCalls } from '../../shared/contract-insight';
import { standupCalls } from '../../shared/contract-standup';
import { runCoreBench } from '../bench/core';
import { figure, formatFigure, median, percentile, Report } from '../bench/stats';
import { tempDir } from './support';

describe('npm run bench (core, tiny)', () => {
  it('measures every core figure on a small generated database', async () => {
    const lines: string[] = [];
    const report = new Report((line) => lines.push(line));
    await runCoreBench({ sizes: [40], runs: 3, report, tmp: tempDir() });
    const names = report.figures.map((f) => f.name);
    for (const expected of [
      'generate 40 ideas (seedDemo)',
      'database size per 1,000 ideas @40',
      'create idea (core call vs raw insert) @40',
      'create idea absolute @40',
      'create idea without fsync (core vs raw) @40',
      'move idea @40',
      'move idea without fsync @40',
      'board load, kind filter @40',
      'search as you type, median of prefixes @40',
      'search as you type, slowest prefix @40',
    ]) {
      expect(names).toContain(expected);
    }
    expect(names.some((n) => /^board load \(\d+ cards sent\) @40$/.test(n))).toBe(true);
    // Inzicht's budget is per figure: each is timed on its own, and the slowest reported with its name.
    expect(names.some((n) => /^insight, slowest figure on its own \(\w+\) @40$/.test(n))).toBe(true);
    // The stand-up and Inzicht calls of this build are covered (or said to be skipped), whatever they are.
    for (const call of [...Object.keys(standupCalls), ...Object.keys(insightCalls)]) {
      const covered = names.includes(`${call} @40`) || lines.some((l) => l.startsWith(`${call} @40: skipped`));
      const needsIds = call === 'standup:finish' || call === 'thanks:add';
      if (!needsIds) expect(covered, call).toBe(true);
    }
    for (const f of report.figures) {
      expect(Number.isFinite(f.value), f.name).toBe(true);
      expect(f.value, f.name).toBeGreaterThan(0);
      expect(f.unit, f.name).toMatch(/^(ms|MB|kB)$/);
    }
    const create = report.figures.find((f) => f.name === 'create idea (core call vs raw insert) @40')!;
    expect(create.baseline).toBeGreaterThan(0);
    expect(create.ratio).toBeCloseTo(create.value / create.baseline!, 1);
    expect(lines).toHaveLength(report.figures.length + lines.filter((l) => l.includes(': skipped')).length);
  });

  it('computes medians, percentiles and ratios, and prints one line per figure with its budget', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(percentile([...Array(100).keys()].map((i) => i + 1), 95)).toBe(95);
    expect(percentile([10, 20], 95)).toBe(20);
    const f = figure('x', 3, 'ms', 2);
    expect(f).toEqual({ name: 'x', value: 3, unit: 'ms', ratio: 1.5, baseline: 2 });
    expect(formatFigure(f, { max: 2, of: 'ratio' })).toMatch(/ratio 1\.5 \(baseline 2 ms\)\s+\[budget ratio ≤ 2: ok\]$/);
    expect(formatFigure(figure('y', 12, 'ms'), { max: 10 })).toMatch(/\[budget < 10 ms: MISSED\]$/);
    const report = new Report(() => undefined);
    report.add(figure('y', 12, 'ms'), { max: 10 });
    report.add(figure('z', 1, 'ms'), { max: 10 });
    expect(report.missed).toEqual(['y']);
  });
});
