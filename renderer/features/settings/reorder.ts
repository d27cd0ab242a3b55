/** Moving one item of an ordered list up or down past its nearest visible neighbour. */

interface Ordered {
  id: string;
  position: number;
}

export const byPosition = <T extends Ordered>(items: readonly T[]): T[] =>
  [...items].sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));

/**
 * The ids of `all` in their new order after moving `id` one place in `direction`, swapping it with the nearest
 * item for which `isPeer` holds (e.g. active items on the same level). Null when there is no such neighbour.
 */
export function reorderedIds<T extends Ordered>(
  all: readonly T[],
  id: string,
  direction: -1 | 1,
  isPeer: (item: T) => boolean,
): string[] | null {
  const sorted = byPosition(all);
  const from = sorted.findIndex((x) => x.id === id);
  if (from < 0) return null;
  let to = from + direction;
  while (to >= 0 && to < sorted.length && !isPeer(sorted[to]!)) to += direction;
  if (to < 0 || to >= sorted.length) return null;
  const moved = sorted[from]!;
  sorted[from] = sorted[to]!;
  sorted[to] = moved;
  return sorted.map((x) => x.id);
}
