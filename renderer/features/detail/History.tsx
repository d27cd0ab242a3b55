/** Every event of an idea, newest first, as a readable sentence with who and when. */
import { useId, useState } from 'react';
import type { IdeaEvent } from '../../../shared/domain';
import type { Translate } from '../../i18n/i18n';
import { useLocale, useT } from '../../i18n/use-t';
import { useApp } from '../../store/store';
import { formatAgo, formatDateTime } from './format';

function eventSentence(
  t: Translate,
  event: IdeaEvent,
  nameOf: (personId: string | null) => string,
  listFormat: Intl.ListFormat,
  language: string,
): string {
  const who = nameOf(event.personId);
  const stage = (s: string | null) => (s ? t(`stage.${s}`) : '');
  switch (event.type) {
    case 'created':
      return t('detail.history.created', { who });
    case 'moved':
      return event.fromStage
        ? t('detail.history.moved', { who, from: stage(event.fromStage), to: stage(event.toStage) })
        : t('detail.history.movedTo', { who, to: stage(event.toStage) });
    case 'edited': {
      const labels = event.fields.map((f) => {
        const key = `detail.field.${f}`;
        const label = t(key);
        return (label === key ? f : label).toLocaleLowerCase(language);
      });
      return t('detail.history.edited', { who, fields: listFormat.format(labels) });
    }
    case 'cycle':
      return t('detail.history.cycle', { who, to: stage(event.toStage ?? 'plan') });
    case 'deleted':
      return t('detail.history.deleted', { who });
    case 'restored':
      return t('detail.history.restored', { who });
    case 'commented':
      return t('detail.history.commented', { who });
    case 'thanked':
      return t('detail.history.thanked', { who, to: nameOf(event.fields[0] ?? null) });
  }
}

/** The most recent events shown before "Toon alle". */
const HISTORY_FIRST = 8;

export function History({ events }: { events: IdeaEvent[] }) {
  const t = useT();
  const id = useId();
  const { dateLocale, numberLocale, language } = useLocale();
  const people = useApp((s) => s.people);
  const listFormat = new Intl.ListFormat(numberLocale, { style: 'long', type: 'conjunction' });
  const newestFirst = [...events].reverse();
  const [all, setAll] = useState(false);
  const shown = all ? newestFirst : newestFirst.slice(0, HISTORY_FIRST);

  const nameOf = (personId: string | null) =>
    personId === null
      ? t('detail.history.someone')
      : (people.find((p) => p.id === personId)?.name ?? t('person.unknown'));

  return (
    <section className="detail-section detail-history" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="detail-section__title">
        {t('detail.history.title')}
      </h3>
      <ol className="detail-history__list">
        {shown.map((event) => (
          <li key={event.id} className={`detail-event detail-event--${event.type}`}>
            <span className="detail-event__dot" aria-hidden="true" />
            <span className="detail-event__text">
              {eventSentence(t, event, nameOf, listFormat, language)}
              {' · '}
              <time dateTime={event.createdAt} title={formatDateTime(event.createdAt, dateLocale)} className="detail-event__time">
                {formatAgo(event.createdAt, dateLocale, t)}
              </time>
            </span>
          </li>
        ))}
      </ol>
      {newestFirst.length > HISTORY_FIRST && (
        <button type="button" className="detail-link-button detail-history__more" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? t('detail.history.showFewer') : t('detail.history.showAll', { count: newestFirst.length })}
        </button>
      )}
    </section>
  );
}
