/**
 * "Wie ben je?": pick or add the person using this laptop. Shown on first run (no way out until someone is chosen)
 * and from the person switcher in the header.
 */
import { useId, useRef } from 'react';
import type { Person } from '../../../shared/domain';
import { useT } from '../../i18n/use-t';
import { useApp, useAppShallow, useAppStoreApi } from '../../store/store';
import { Dialog } from '../../ui/Dialog';
import { NameForm } from '../settings/NameForm';
import { initials } from './initials';
import './people.css';

export function WhoAreYou() {
  const t = useT();
  const store = useAppStoreApi();
  const currentId = useApp((s) => s.settings.currentPersonId);
  const people = useAppShallow((s) => s.people.filter((p) => !p.archived));
  const firstRun = currentId === null;
  const introId = useId();
  const nameRef = useRef<HTMLInputElement>(null);
  const personRef = useRef<HTMLButtonElement>(null);
  const focusTarget = people.length > 0 ? personRef : nameRef;
  // The current person gets focus first, else the first in the list.
  const focusIndex = Math.max(0, people.findIndex((p) => p.id === currentId));

  const choose = async (person: Person) => {
    const s = store.getState();
    const saved = await s.updateSettings({ currentPersonId: person.id });
    if (!saved) return;
    s.closePersonPicker();
    s.announce(t('people.announce.switched', { name: person.name }));
  };

  const add = async (name: string) => {
    const person = (await store.getState().editReference('people:create', { name })) as Person | undefined;
    if (!person) return false;
    await choose(person);
    return true;
  };

  const close = () => {
    // On first run a person must be chosen before anything else.
    if (!firstRun) store.getState().closePersonPicker();
  };

  return (
    <Dialog
      title={t('people.whoAreYou.title')}
      onClose={close}
      hideClose={firstRun}
      className="people-dialog"
      initialFocus={focusTarget}
      describedBy={introId}
    >
      <p id={introId} className="people-intro">
        {t('people.whoAreYou.intro')}
      </p>
      {people.length === 0 ? (
        <p className="people-empty">{t('people.whoAreYou.empty')}</p>
      ) : (
        <ul className="people-list" aria-label={t('people.whoAreYou.listLabel')}>
          {people.map((person, index) => {
            const current = person.id === currentId;
            return (
              <li key={person.id}>
                <button
                  type="button"
                  ref={index === focusIndex ? personRef : undefined}
                  className={`people-choice${current ? ' people-choice--current' : ''}`}
                  aria-current={current ? 'true' : undefined}
                  onClick={() => void choose(person)}
                >
                  <span className="people-avatar" aria-hidden="true">
                    {initials(person.name)}
                  </span>
                  <span className="people-choice__name">{person.name}</span>
                  {current && (
                    <span className="people-choice__badge" aria-hidden="true">
                      {t('people.whoAreYou.current')}
                    </span>
                  )}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <section className="people-add" aria-labelledby={`${introId}-add`}>
        <h3 id={`${introId}-add`} className="people-add__title">
          {t('people.whoAreYou.add')}
        </h3>
        <NameForm
          label={t('people.whoAreYou.name')}
          submitLabel={t('people.whoAreYou.submit')}
          taken={people.map((p) => p.name)}
          duplicateText={(name) => t('people.whoAreYou.duplicate', { name })}
          onSubmit={add}
          inputRef={nameRef}
          className="people-add__form"
        />
      </section>
      <p className="people-note">{t('people.whoAreYou.remembered')}</p>
    </Dialog>
  );
}
