/** The team: add, rename, archive and restore people. Archived people keep their ideas. */
import { useT } from '../../i18n/use-t';
import { SettingsSection } from './SettingsSection';
import { useApp, useAppShallow } from '../../store/store';
import { initials } from '../people/initials';
import { ArchivedPart } from './ArchivedPart';
import { ArchivedRow, ItemRow } from './ItemRow';
import { NameForm } from './NameForm';
import { useReferenceEdit } from './use-reference';

export function PeopleSection() {
  const t = useT();
  const edit = useReferenceEdit();
  const people = useAppShallow((s) => s.people);
  const currentId = useApp((s) => s.settings.currentPersonId);
  const active = people.filter((p) => !p.archived);
  const archived = people.filter((p) => p.archived);

  return (
    <SettingsSection title={t('settings.people.title')} intro={t('settings.people.intro')}>

      {active.length === 0 ? (
        <p className="settings-empty">{t('settings.people.empty')}</p>
      ) : (
        <ul className="settings-list settings-people" aria-label={t('settings.people.title')}>
          {active.map((person) => {
            const you = person.id === currentId;
            return (
              <li key={person.id} className="settings-person">
                <span className="people-avatar people-avatar--small" aria-hidden="true">
                  {initials(person.name)}
                </span>
                <ItemRow
                  name={person.name}
                  badge={you ? t('settings.people.you') : undefined}
                  taken={active.filter((p) => p.id !== person.id).map((p) => p.name)}
                  onRename={(name) => edit('people:update', { id: person.id, name }, ['settings.announce.renamed', { name }])}
                  onArchive={() =>
                    edit('people:update', { id: person.id, archived: true }, ['settings.announce.archived', { name: person.name }])
                  }
                  archiveBlocked={you ? t('settings.people.cannotArchiveSelf') : undefined}
                />
              </li>
            );
          })}
        </ul>
      )}

      <NameForm
        label={t('settings.people.addLabel')}
        submitLabel={t('settings.people.addSubmit')}
        taken={active.map((p) => p.name)}
        onSubmit={(name) => edit('people:create', { name }, ['settings.announce.added', { name }])}
        className="settings-add"
      />

      <ArchivedPart count={archived.length}>
        {archived.map((person) => (
          <li key={person.id}>
            <ArchivedRow
              name={person.name}
              onRestore={() =>
                void edit('people:update', { id: person.id, archived: false }, ['settings.announce.restored', { name: person.name }])
              }
            />
          </li>
        ))}
      </ArchivedPart>
    </SettingsSection>
  );
}
