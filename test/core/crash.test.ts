/**
 * Crash safety: 50 SIGKILLs of a child process committing writes through the contract (build/scripts/crash-soak.ts);
 * after each kill the file passes integrity_check and holds every acknowledged write. `npm run soak:crash` does 1,000.
 */
import { describe, expect, it } from 'vitest';
import { runSoak } from '../../build/scripts/crash-soak';

describe('crash safety', () => {
  it('loses no acknowledged write over 50 random SIGKILLs, and the file stays intact', async () => {
    const result = await runSoak({ kills: 50, log: (line) => console.log(line) });
    console.log(
      `crash test: kills ${result.kills}, acknowledged writes ${result.acknowledged}, writes lost ${result.lost}`,
    );
    expect(result.kills).toBe(50);
    // The kills must land mid-burst: a run where children wrote nothing would prove nothing.
    expect(result.acknowledged).toBeGreaterThan(50);
    expect(result.integrityFailures).toBe(0);
    expect(result.lostExamples).toEqual([]);
    expect(result.lost).toBe(0);
  }, 90_000);
});
