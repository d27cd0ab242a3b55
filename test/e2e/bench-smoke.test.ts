/** A tiny run of every renderer benchmark (npm run bench) in Chromium, to keep the suite working. Timings are never asserted. */
import { expect, it } from 'vitest';
import { runRendererBench } from '../bench/renderer';
import { Report } from '../bench/stats';
import { describeE2E } from './support';

describeE2E('npm run bench (renderer, tiny)', () => {
  it('measures first paint, JS size, cards vs static HTML, drag frames and typing', async () => {
    const report = new Report(() => undefined);
    await runRendererBench({ quick: true, report });
    const names = report.figures.map((f) => f.name);
    for (const pattern of [
      /^renderer JS loaded at start, gzip$/,
      /^renderer JS all chunks \(\d+\), gzip$/,
      /^board first paint, 60 ideas/,
      /^board with \d+ cards vs static HTML$/,
      /^kind filter click to paint/,
      /^drag across 40 cards, p95 frame$/,
      /^typing in search, input to paint, 300 ideas \(p95 of \d+ keys\)$/,
      /^typing in capture, input to paint, 300 ideas \(p95\)$/,
    ]) {
      expect(names.some((n) => pattern.test(n)), String(pattern)).toBe(true);
    }
    for (const f of report.figures) {
      expect(Number.isFinite(f.value) && f.value > 0, f.name).toBe(true);
      if (f.baseline !== undefined) expect(f.baseline, f.name).toBeGreaterThan(0);
    }
    // The page-load figures carry the static page as their baseline in the same run.
    expect(report.figures.find((f) => /vs static HTML$/.test(f.name))!.ratio).toBeGreaterThan(0);
  }, 180_000);
});
