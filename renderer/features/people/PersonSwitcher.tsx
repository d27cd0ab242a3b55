/** The header button showing who is working; one click opens "Wie ben je?", a second click picks someone else. */
import { useT } from '../../i18n/use-t';
import { useApp } from '../../store/store';
import { initials } from './initials';
import './people.css';

export function PersonSwitcher() {
  const t = useT();
  const openPicker = useApp((s) => s.openPersonPicker);
  const person = useApp((s) => s.people.find((p) => p.id === s.settings.currentPersonId));

  if (!person) {
    return (
      <button type="button" className="button people-switcher" onClick={openPicker}>
        {t('people.switcher.choose')}
      </button>
    );
  }
  return (
    <button
      type="button"
      className="people-switcher"
      aria-label={t('people.switcher.label', { name: person.name })}
      title={t('people.loggedInAs', { name: person.name })}
      onClick={openPicker}
    >
      <span className="people-avatar people-avatar--small" aria-hidden="true">
        {initials(person.name)}
      </span>
      <span className="people-switcher__name">{person.name}</span>
    </button>
  );
}
