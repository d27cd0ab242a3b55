/**
 * The printable stand-up summary: only on paper (or PDF), laid out by the @media print rules in standup.css to fit
 * a typical stand-up on one page. Shows the meeting as it is now: who, how long, what came up, notes, actions.
 */
import type { StandupCard, StandupDigest } from '../../../shared/contract-standup';
import { useLocale, useT } from '../../i18n/use-t';
import { useApp } from '../../store/store';
import { formatDay, formatMoment, minutesOf, nameLookup, todayLocal } from './format';

export function PrintSummary({ digest }: { digest: StandupDigest }) {
  const t = useT();
  const { dateLocale } = useLocale();
  const session = useApp((s) => s.standup.session);
  const people = useApp((s) => s.people);
  const me = useApp((s) => s.settings.currentPersonId);
  const nameOf = nameLookup(people, t);
  const cards = new Map<string, StandupCard>(digest.cards.map((c) => [c.id, c]));
  const title = (id: string) => cards.get(id)?.title ?? t('standup.past.deletedIdea');
  const minutes = minutesOf(Math.round((Date.now() - session.startedAt) / 1000));

  const rows: [string, string[]][] = [
    [t('standup.digest.newIdeas'), digest.newIdeas.flatMap((g) => g.ideaIds.map((id) => `${title(id)} (${nameOf(g.personId)})`))],
    [t('standup.digest.moved'), digest.moved.map((m) => `${title(m.ideaId)}: ${m.fromStage ? t(`stage.${m.fromStage}`) : '…'} → ${t(`stage.${m.toStage}`)}`)],
    [t('standup.digest.readyForCheck'), digest.readyForCheck.map((d) => title(d.ideaId))],
    [t('standup.digest.stuck'), digest.stuck.map((d) => title(d.ideaId))],
    [t('standup.digest.withoutOwner'), digest.withoutOwner.map(title)],
    [t('standup.digest.adopted'), digest.adopted.map(title)],
    [t('standup.digest.thanks'), digest.thanks.map((x) => `${nameOf(x.fromId)} → ${nameOf(x.toId)}: ${x.message}`)],
  ];
  const actions = session.actions.filter((a) => a.text.trim() !== '');

  return (
    <section className="standup-print" aria-hidden="true">
      <h1>{t('standup.print.title', { date: formatDay(todayLocal(), dateLocale) })}</h1>
      <p className="standup-print__meta">
        {t('standup.print.duration')}: {minutes} min · {t('standup.past.lead')}: {me ? nameOf(me) : '—'} ·{' '}
        {digest.sinceStandupId ? t('standup.digest.sinceStandup', { date: formatMoment(digest.since, dateLocale) }) : t('standup.digest.sinceDays')}
      </p>
      <p>
        <strong>{t('standup.past.attendees')}:</strong>{' '}
        {session.attendeeIds.length ? session.attendeeIds.map(nameOf).join(', ') : t('standup.past.nobody')}
      </p>
      <div className="standup-print__digest">
        {rows.map(([heading, items]) => (
          <div key={heading} className="standup-print__block">
            <h2>
              {heading} ({items.length})
            </h2>
            {items.length === 0 ? (
              <p>{t('standup.digest.none')}</p>
            ) : (
              <ul>
                {items.slice(0, 8).map((item, i) => (
                  <li key={i}>{item}</li>
                ))}
                {items.length > 8 && <li>{t('standup.digest.more', { count: items.length - 8 })}</li>}
              </ul>
            )}
          </div>
        ))}
      </div>
      <h2>{t('standup.past.notes')}</h2>
      <p className="standup-print__notes">{session.notes.trim() || t('standup.past.none')}</p>
      <h2>{t('standup.past.actions')}</h2>
      {actions.length === 0 ? (
        <p>{t('standup.past.none')}</p>
      ) : (
        <ol>
          {actions.map((a) => (
            <li key={a.key}>
              {a.text.trim()}
              {a.ownerId && ` — ${nameOf(a.ownerId)}`}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
