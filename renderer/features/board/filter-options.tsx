/**
 * The options of the touchpoint and person filters (touchpoints grouped by journey, people by name, archived ones
 * marked), shared by the board's filter bar and Inzicht's filters so both list the same choices the same way.
 */
import { useMemo } from 'react';
import { useT } from '../../i18n/use-t';
import { useAppShallow } from '../../store/store';
import { touchpointGroups } from '../settings/reorder';

function useNamed() {
  const t = useT();
  return (name: string, archived: boolean) => (archived ? t('board.filter.archived', { name }) : name);
}

/** `<option>`s for a touchpoint filter: "all" (empty value), then each journey's touchpoints in an optgroup. */
export function TouchpointOptions() {
  const t = useT();
  const named = useNamed();
  const { journeys, touchpoints } = useAppShallow((s) => ({ journeys: s.journeys, touchpoints: s.touchpoints }));
  const groups = useMemo(() => touchpointGroups(journeys, touchpoints), [journeys, touchpoints]);
  return (
    <>
      <option value="">{t('board.filter.touchpoint.all')}</option>
      {groups.map((g) => (
        <optgroup key={g.journey.id} label={named(g.journey.name, g.journey.archived)}>
          {g.touchpoints.map((tp) => (
            <option key={tp.id} value={tp.id}>
              {named(tp.name, tp.archived)}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}

/** `<option>`s for a person filter: "everyone" (empty value), then people by name. */
export function PersonOptions() {
  const t = useT();
  const named = useNamed();
  const people = useAppShallow((s) => s.people);
  const sorted = useMemo(() => [...people].sort((a, b) => a.name.localeCompare(b.name)), [people]);
  return (
    <>
      <option value="">{t('board.filter.person.all')}</option>
      {sorted.map((p) => (
        <option key={p.id} value={p.id}>
          {named(p.name, p.archived)}
        </option>
      ))}
    </>
  );
}
