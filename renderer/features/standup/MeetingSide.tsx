/** The lead's side of the meeting: who is present (ticks), notes and agreed actions; all kept until "afronden". */
import { useId, useRef } from 'react';
import { Plus, X } from 'lucide-react';
import { STANDUP_ACTION_MAX, STANDUP_NOTES_MAX } from '../../../shared/domain';
import { useT } from '../../i18n/use-t';
import { useApp, useAppStoreApi } from '../../store/store';
import type { DraftAction } from '../../store/standup-slice';
import { initials } from '../people/initials';

export function MeetingSide() {
  const t = useT();
  return (
    <aside className="standup-side" aria-label={t('standup.side.label')}>
      <Attendees />
      <Notes />
      <Actions />
    </aside>
  );
}

function Attendees() {
  const t = useT();
  const id = useId();
  const people = useApp((s) => s.people);
  const attendeeIds = useApp((s) => s.standup.session.attendeeIds);
  const toggle = useApp((s) => s.toggleAttendee);
  const active = people.filter((p) => !p.archived).sort((a, b) => a.name.localeCompare(b.name));
  const present = active.filter((p) => attendeeIds.includes(p.id)).length;
  return (
    <fieldset className="standup-panel standup-attendees">
      <legend className="standup-panel__title">
        {t('standup.attendees')} <span className="standup-panel__count">{t('standup.attendees.count', { count: present, total: active.length })}</span>
      </legend>
      {active.length === 0 ? (
        <p className="standup-none">{t('standup.attendees.none')}</p>
      ) : (
        <ul className="standup-attendees__list">
          {active.map((p) => (
            <li key={p.id}>
              <label className="standup-attendee" htmlFor={`${id}-${p.id}`}>
                <input id={`${id}-${p.id}`} type="checkbox" checked={attendeeIds.includes(p.id)} onChange={() => toggle(p.id)} />
                <span className="standup-avatar" aria-hidden="true">
                  {initials(p.name)}
                </span>
                <span>{p.name}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}

function Notes() {
  const t = useT();
  const id = useId();
  const notes = useApp((s) => s.standup.session.notes);
  const update = useApp((s) => s.updateSession);
  const tooLong = notes.length > STANDUP_NOTES_MAX;
  return (
    <div className="standup-panel field">
      <label className="standup-panel__title" htmlFor={`${id}-notes`}>
        {t('standup.notes')}
      </label>
      <textarea
        id={`${id}-notes`}
        rows={4}
        value={notes}
        aria-describedby={`${id}-hint${tooLong ? ` ${id}-error` : ''}`}
        aria-invalid={tooLong || undefined}
        onChange={(e) => update({ notes: e.target.value })}
      />
      <p id={`${id}-hint`} className="field__hint">
        {t('standup.notes.hint')}
      </p>
      {tooLong && (
        <p id={`${id}-error`} className="field__error" role="alert">
          {t('standup.notes.tooLong', { max: STANDUP_NOTES_MAX, count: notes.length })}
        </p>
      )}
    </div>
  );
}

function Actions() {
  const t = useT();
  const id = useId();
  const store = useAppStoreApi();
  const actions = useApp((s) => s.standup.session.actions);
  const people = useApp((s) => s.people);
  const newRef = useRef<HTMLInputElement>(null);
  const active = people.filter((p) => !p.archived);

  const set = (list: DraftAction[]) => store.getState().updateSession({ actions: list });
  const change = (key: number, patch: Partial<DraftAction>) => set(actions.map((a) => (a.key === key ? { ...a, ...patch } : a)));

  const add = () => {
    const input = newRef.current;
    const text = input?.value.trim() ?? '';
    if (!input || text === '') return;
    // Keys stay unique also for actions restored after a reload.
    const key = actions.reduce((max, a) => Math.max(max, a.key), 0) + 1;
    set([...actions, { key, text, ownerId: null, ideaId: null }]);
    input.value = '';
    input.focus();
  };

  return (
    <section className="standup-panel standup-actions" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="standup-panel__title">
        {t('standup.actions')}
      </h3>
      {actions.length === 0 ? (
        <p className="standup-none">{t('standup.actions.empty')}</p>
      ) : (
        <ol className="standup-actions__list">
          {actions.map((a, i) => {
            const n = i + 1;
            const tooLong = a.text.trim().length > STANDUP_ACTION_MAX;
            return (
              <li key={a.key} className="standup-action">
                <input
                  type="text"
                  aria-label={t('standup.actions.text', { n })}
                  value={a.text}
                  aria-invalid={tooLong || undefined}
                  onChange={(e) => change(a.key, { text: e.target.value })}
                />
                <select
                  aria-label={`${t('standup.actions.owner')} (${t('standup.actions.text', { n })})`}
                  value={a.ownerId ?? ''}
                  onChange={(e) => change(a.key, { ownerId: e.target.value || null })}
                >
                  <option value="">{t('standup.actions.nobody')}</option>
                  {active.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                </select>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={t('standup.actions.remove', { n })}
                  onClick={() => set(actions.filter((x) => x.key !== a.key))}
                >
                  <X size={16} aria-hidden="true" />
                </button>
                {tooLong && (
                  <p className="field__error standup-action__error" role="alert">
                    {t('standup.actions.tooLong', { max: STANDUP_ACTION_MAX })}
                  </p>
                )}
              </li>
            );
          })}
        </ol>
      )}
      <form
        className="standup-actions__new"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <input type="text" ref={newRef} aria-label={t('standup.actions.new')} placeholder={t('standup.actions.new')} maxLength={STANDUP_ACTION_MAX} />
        <button type="submit" className="button button--small">
          <Plus size={14} aria-hidden="true" />
          {t('standup.actions.add')}
        </button>
      </form>
    </section>
  );
}
