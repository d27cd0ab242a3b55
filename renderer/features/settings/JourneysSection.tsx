/** Klantreizen and their touchpoints: add, rename, reorder, archive and restore. */
import type { Journey, Touchpoint } from '../../../shared/domain';
import { useT } from '../../i18n/use-t';
import { SettingsSection } from './SettingsSection';
import { useAppShallow } from '../../store/store';
import { ArchivedPart } from './ArchivedPart';
import { ArchivedRow, ItemRow } from './ItemRow';
import { NameForm } from './NameForm';
import { byPosition, reorderedIds } from './reorder';
import { useReferenceEdit } from './use-reference';

export function JourneysSection() {
  const t = useT();
  const edit = useReferenceEdit();
  const journeys = useAppShallow((s) => s.journeys);
  const touchpoints = useAppShallow((s) => s.touchpoints);

  const active = byPosition(journeys.filter((j) => !j.archived));
  const archivedJourneys = byPosition(journeys.filter((j) => j.archived));
  const journeyName = new Map(journeys.map((j) => [j.id, j.name]));
  const archivedTouchpoints = byPosition(
    touchpoints.filter((tp) => tp.archived && !journeys.find((j) => j.id === tp.journeyId)?.archived),
  );

  const moveJourney = async (journey: Journey, direction: -1 | 1) => {
    const ids = reorderedIds(journeys, journey.id, direction, (j) => !j.archived);
    if (!ids) return;
    const index = active.findIndex((j) => j.id === journey.id) + direction;
    await edit('journeys:reorder', { ids }, [
      'settings.announce.moved',
      { name: journey.name, position: index + 1, total: active.length },
    ]);
  };

  return (
    <SettingsSection title={t('settings.journeys.title')} intro={t('settings.journeys.intro')}>

      {active.length === 0 ? (
        <p className="settings-empty">{t('settings.journeys.empty')}</p>
      ) : (
        <ol className="settings-journeys">
          {active.map((journey, index) => (
            <li key={journey.id} className="settings-journey">
              <ItemRow
                heading
                name={journey.name}
                taken={active.filter((j) => j.id !== journey.id).map((j) => j.name)}
                onRename={(name) =>
                  edit('journeys:update', { id: journey.id, name }, ['settings.announce.renamed', { name }])
                }
                onMove={active.length > 1 ? (direction) => moveJourney(journey, direction) : undefined}
                canMoveUp={index > 0}
                canMoveDown={index < active.length - 1}
                onArchive={() =>
                  edit('journeys:update', { id: journey.id, archived: true }, [
                    'settings.announce.archived',
                    { name: journey.name },
                  ])
                }
                className="settings-journey__header"
              />
              <TouchpointList journey={journey} touchpoints={touchpoints} />
            </li>
          ))}
        </ol>
      )}

      <NameForm
        label={t('settings.journeys.addLabel')}
        submitLabel={t('settings.journeys.addSubmit')}
        taken={active.map((j) => j.name)}
        onSubmit={(name) => edit('journeys:create', { name }, ['settings.announce.added', { name }])}
        className="settings-add"
      />

      <ArchivedPart count={archivedJourneys.length + archivedTouchpoints.length}>
        {archivedJourneys.map((journey) => (
          <li key={journey.id}>
            <ArchivedRow
              name={journey.name}
              detail={t('settings.journeys.archivedCount', {
                count: touchpoints.filter((tp) => tp.journeyId === journey.id).length,
              })}
              onRestore={() =>
                void edit('journeys:update', { id: journey.id, archived: false }, [
                  'settings.announce.restored',
                  { name: journey.name },
                ])
              }
            />
          </li>
        ))}
        {archivedTouchpoints.map((tp) => (
          <li key={tp.id}>
            <ArchivedRow
              name={tp.name}
              detail={t('settings.touchpoints.inJourney', { journey: journeyName.get(tp.journeyId) ?? '' })}
              onRestore={() =>
                void edit('touchpoints:update', { id: tp.id, archived: false }, [
                  'settings.announce.restored',
                  { name: tp.name },
                ])
              }
            />
          </li>
        ))}
      </ArchivedPart>
    </SettingsSection>
  );
}

function TouchpointList({ journey, touchpoints }: { journey: Journey; touchpoints: Touchpoint[] }) {
  const t = useT();
  const edit = useReferenceEdit();
  const own = touchpoints.filter((tp) => tp.journeyId === journey.id);
  const active = byPosition(own.filter((tp) => !tp.archived));

  const move = async (tp: Touchpoint, direction: -1 | 1) => {
    const ids = reorderedIds(own, tp.id, direction, (x) => !x.archived);
    if (!ids) return;
    const index = active.findIndex((x) => x.id === tp.id) + direction;
    await edit('touchpoints:reorder', { journeyId: journey.id, ids }, [
      'settings.announce.moved',
      { name: tp.name, position: index + 1, total: active.length },
    ]);
  };

  return (
    <div className="settings-journey__body">
      {active.length === 0 ? (
        <p className="settings-empty settings-empty--small">{t('settings.touchpoints.empty')}</p>
      ) : (
        <ol className="settings-list" aria-label={t('settings.touchpoints.listLabel', { journey: journey.name })}>
          {active.map((tp, index) => (
            <li key={tp.id}>
              <ItemRow
                name={tp.name}
                taken={active.filter((x) => x.id !== tp.id).map((x) => x.name)}
                onRename={(name) => edit('touchpoints:update', { id: tp.id, name }, ['settings.announce.renamed', { name }])}
                onMove={active.length > 1 ? (direction) => move(tp, direction) : undefined}
                canMoveUp={index > 0}
                canMoveDown={index < active.length - 1}
                onArchive={() =>
                  edit('touchpoints:update', { id: tp.id, archived: true }, ['settings.announce.archived', { name: tp.name }])
                }
              />
            </li>
          ))}
        </ol>
      )}
      <NameForm
        label={t('settings.touchpoints.addLabel', { journey: journey.name })}
        submitLabel={t('settings.touchpoints.addSubmit')}
        submitAriaLabel={t('settings.touchpoints.addAria', { journey: journey.name })}
        taken={active.map((x) => x.name)}
        onSubmit={(name) =>
          edit('touchpoints:create', { journeyId: journey.id, name }, ['settings.announce.added', { name }])
        }
        className="settings-add settings-add--inline"
      />
    </div>
  );
}
