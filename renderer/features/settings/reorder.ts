/** Ordered lists: board order, touchpoints grouped by journey, and moving one item up or down past its nearest visible neighbour. */
import type { Journey, Touchpoint } from '../../../shared/domain';

interface Ordered {
  id: string;
  position: number;
}

export const byPosition = <T extends Ordered>(items: readonly T[]): T[] =>
  [...items].sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));

export interface TouchpointGroup {
  journey: Journey;
  touchpoints: Touchpoint[];
}

/** Journeys with the touchpoints `keep` lets through, both in board order; journeys left empty are left out. */
export function touchpointGroups(
  journeys: readonly Journey[],
  touchpoints: readonly Touchpoint[],
  keep: (touchpoint: Touchpoint, journey: Journey) => boolean = () => true,
): TouchpointGroup[] {
  return byPosition(journeys)
    .map((journey) => ({
      journey,
      touchpoints: byPosition(touchpoints.filter((tp) => tp.journeyId === journey.id && keep(tp, journey))),
    }))
    .filter((g) => g.touchpoints.length > 0);
}

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
