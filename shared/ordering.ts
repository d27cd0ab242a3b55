/**
 * Sparse sort keys for drag and drop: cards sit at positions with large gaps, a moved card takes the
 * midpoint of its new neighbours, so a move normally writes one row. When a gap runs out the caller
 * renumbers the column (rare).
 */

export const POSITION_GAP = 1024;

/** Smallest gap we still split; below it the column is renumbered. */
export const MIN_GAP = 1e-6;

/**
 * Key for a card placed between `above` and `below` (either may be missing).
 * Returns null when the gap is too small and the column must be renumbered first.
 */
export function positionBetween(above: number | null, below: number | null): number | null {
  if (above === null && below === null) return POSITION_GAP;
  if (above === null) return (below as number) - POSITION_GAP;
  if (below === null) return above + POSITION_GAP;
  if (below - above <= MIN_GAP) return null;
  return above + (below - above) / 2;
}

/** Fresh, evenly spaced keys for `count` cards. */
export function renumbered(count: number): number[] {
  return Array.from({ length: count }, (_, i) => (i + 1) * POSITION_GAP);
}
