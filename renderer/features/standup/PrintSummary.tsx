/**
 * Printable stand-up summaries: only on paper (or PDF), laid out by the @media print rules in standup.css to fit a
 * typical stand-up on one page. `MeetingPrint` shows the running meeting (who, how long, the digest, notes,
 * actions); `RecordPrint` a finished one from the list of past stand-ups.
 */
import type { StandupCard, StandupDigest, StandupRecord } from '../../../shared/contract-standup';
import { useLocale, useT } from '../../i18n/use-t';
import { useApp } from '../../store/store';
import { formatDay, formatMoment, minutesOf, nameLookup, todayLocal } from './format';

/** At most this many lines per block; the rest is "en nog n". */
const BLOCK_LINES = 8;

interface PrintLayoutProps {
  title: string;
  meta: string;
  attendees: string[];
  /** Heading, lines, and how many there are in all when the lines are only the first ones. */
  blocks: [string, string[], number?][];
  notes: string;
  actions: string[];
}

function PrintLayout({ title, meta, attendees, blocks, notes, actions }: PrintLayoutProps) {
  const t = useT();
  return (
    <section className="standup-print" aria-hidden="true">
      <h1>{title}</h1>
      <p className="standup-print__meta">{meta}</p>
      <p>
        <strong>{t('standup.past.attendees')}:</strong> {attendees.length ? attendees.join(', ') : t('standup.past.nobody')}
      </p>
      <div className="standup-print__digest">
        {blocks.map(([heading, items, count]) => (
          <div key={heading} className="standup-print__block">
            <h2>
              {heading} ({count ?? items.length})
            </h2>
            {items.length === 0 ? (
              <p>{t('standup.digest.none')}</p>
            ) : (
              <ul>
                {items.slice(0, BLOCK_LINES).map((item, i) => (
                  <li key={i}>{item}</li>
                ))}
                {(count ?? items.length) > BLOCK_LINES && <li>{t('standup.digest.more', { count: (count ?? items.length) - BLOCK_LINES })}</li>}
              </ul>
            )}
          </div>
        ))}
      </div>
      <h2>{t('standup.past.notes')}</h2>
      <p className="standup-print__notes">{notes.trim() || t('standup.past.none')}</p>
      <h2>{t('standup.past.actions')}</h2>
      {actions.length === 0 ? (
        <p>{t('standup.past.none')}</p>
      ) : (
        <ol>
          {actions.map((a, i) => (
            <li key={i}>{a}</li>
          ))}
        </ol>
      )}
    </section>
  );
}

export function MeetingPrint({ digest }: { digest: StandupDigest }) {
  const t = useT();
  const { dateLocale } = useLocale();
  const session = useApp((s) => s.standup.session);
  const people = useApp((s) => s.people);
  const me = useApp((s) => s.settings.currentPersonId);
  const nameOf = nameLookup(people, t);
  const cards = new Map<string, StandupCard>(digest.cards.map((c) => [c.id, c]));
  const title = (id: string) => cards.get(id)?.title ?? t('standup.past.deletedIdea');
  const minutes = minutesOf(Math.round((Date.now() - session.startedAt) / 1000));
  const since = digest.sinceStandupId
    ? t('standup.digest.sinceStandup', { date: formatMoment(digest.since, dateLocale) })
    : t('standup.digest.sinceDays');

  return (
    <PrintLayout
      title={t('standup.print.title', { date: formatDay(todayLocal(), dateLocale) })}
      meta={`${t('standup.print.duration')}: ${minutes} min · ${t('standup.past.lead')}: ${me ? nameOf(me) : '—'} · ${since}`}
      attendees={session.attendeeIds.map(nameOf)}
      blocks={[
        [
          t('standup.digest.newIdeas'),
          digest.newIdeas.flatMap((g) => g.ideaIds.map((id) => `${title(id)} (${nameOf(g.personId)})`)),
          digest.counts.newIdeas,
        ],
        [
          t('standup.digest.moved'),
          digest.moved.map((m) => `${title(m.ideaId)}: ${m.fromStage ? t(`stage.${m.fromStage}`) : '…'} → ${t(`stage.${m.toStage}`)}`),
          digest.counts.moved,
        ],
        [t('standup.digest.readyForCheck'), digest.readyForCheck.map((d) => title(d.ideaId)), digest.counts.readyForCheck],
        [t('standup.digest.stuck'), digest.stuck.map((d) => title(d.ideaId)), digest.counts.stuck],
        [t('standup.digest.withoutOwner'), digest.withoutOwner.map(title), digest.counts.withoutOwner],
        [t('standup.digest.adopted'), digest.adopted.map(title), digest.counts.adopted],
        [t('standup.digest.thanks'), digest.thanks.map((x) => `${nameOf(x.fromId)} → ${nameOf(x.toId)}: ${x.message}`)],
      ]}
      notes={session.notes}
      actions={session.actions
        .filter((a) => a.text.trim() !== '')
        .map((a) => `${a.text.trim()}${a.ownerId ? ` — ${nameOf(a.ownerId)}` : ''}`)}
    />
  );
}

export function RecordPrint({ record }: { record: StandupRecord }) {
  const t = useT();
  const { dateLocale } = useLocale();
  const people = useApp((s) => s.people);
  const nameOf = nameLookup(people, t);
  return (
    <PrintLayout
      title={t('standup.print.title', { date: formatDay(record.date, dateLocale) })}
      meta={`${t('standup.print.duration')}: ${minutesOf(record.durationSeconds)} min · ${t('standup.past.lead')}: ${
        record.leadId ? nameOf(record.leadId) : '—'
      } · ${formatMoment(record.startedAt, dateLocale)}`}
      attendees={record.attendeeIds.map(nameOf)}
      blocks={[[t('standup.past.ideas'), record.ideaIds.map((id) => record.ideaTitles[id] ?? t('standup.past.deletedIdea'))]]}
      notes={record.notes}
      actions={record.actions.map((a) => `${a.text}${a.ownerId ? ` — ${nameOf(a.ownerId)}` : ''}`)}
    />
  );
}
