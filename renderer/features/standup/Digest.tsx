/** "Sinds vorige keer": the digest in sections; every idea opens its detail, every name its person page. */
import { useId, useState, type ReactNode } from 'react';
import type { StandupCard, StandupDigest } from '../../../shared/contract-standup';
import { useLocale, useT } from '../../i18n/use-t';
import { useApp } from '../../store/store';
import { formatMoment, formatShortDay, nameLookup } from './format';
import { IdeaLink, PersonLink } from './links';
import { ThanksList } from './ThanksList';

function Section({ title, hint, count, children }: { title: string; hint?: string; count: number; children: ReactNode }) {
  const id = useId();
  return (
    <section className={`standup-digest__section${count === 0 ? ' standup-digest__section--empty' : ''}`} aria-labelledby={id}>
      <h3 id={id} className="standup-digest__heading">
        <span>{title}</span> <span className="standup-count">{count}</span>
      </h3>
      {hint && <p className="standup-digest__hint">{hint}</p>}
      {children}
    </section>
  );
}

/** Lists longer than this show their first lines and "Toon alle n". */
const LIST_FIRST = 8;

interface IdeaListProps {
  ids: readonly string[];
  /** How many the list has in all; the digest sends only the first ones. */
  total: number;
  titleOf: (id: string) => string;
  extra?: (id: string) => ReactNode;
}

function IdeaList({ ids, total, titleOf, extra }: IdeaListProps) {
  const t = useT();
  const [all, setAll] = useState(false);
  const shown = all ? ids : ids.slice(0, LIST_FIRST);
  // Past the digest's cap: said in words once the list is open to its end.
  const rest = shown.length === ids.length ? total - ids.length : 0;
  return (
    <>
      <ul className="standup-list">
        {shown.map((id) => (
          <li key={id}>
            <IdeaLink id={id} title={titleOf(id)} />
            {extra && <span className="standup-list__meta">{extra(id)}</span>}
          </li>
        ))}
      </ul>
      {rest > 0 && <p className="standup-digest__rest">{t('standup.digest.more', { count: rest })}</p>}
      {ids.length > LIST_FIRST && (
        <button type="button" className="standup-link standup-digest__more" aria-expanded={all} onClick={() => setAll(!all)}>
          {all
            ? t('standup.digest.fewer')
            : total > ids.length
              ? t('standup.digest.first', { count: ids.length })
              : t('standup.digest.all', { count: ids.length })}
        </button>
      )}
    </>
  );
}

export function Digest({ digest }: { digest: StandupDigest }) {
  const t = useT();
  const { dateLocale } = useLocale();
  const people = useApp((s) => s.people);
  const settings = useApp((s) => s.settings);
  const nameOf = nameLookup(people, t);
  const cards = new Map<string, StandupCard>(digest.cards.map((c) => [c.id, c]));
  const titleOf = (id: string) => cards.get(id)?.title ?? t('standup.past.deletedIdea');
  const none = <p className="standup-none">{t('standup.digest.none')}</p>;

  const ideaList = (ids: readonly string[], total: number, extra?: (id: string) => ReactNode) =>
    ids.length === 0 ? none : <IdeaList ids={ids} total={total} titleOf={titleOf} extra={extra} />;

  const counts = digest.counts;
  const total = Object.values(counts).reduce((n, c) => n + c, 0) + digest.thanks.length;

  const days = (n: number) => t('standup.digest.workingDays', { count: n });
  const readyDays = new Map(digest.readyForCheck.map((d) => [d.ideaId, d.workingDays]));
  const stuckDays = new Map(digest.stuck.map((d) => [d.ideaId, d.workingDays]));
  const moves = new Map(digest.moved.map((m) => [m.ideaId, m]));
  const checkOn = new Map(digest.checkDue.map((c) => [c.ideaId, c.checkOn]));

  return (
    <div className="standup-digest">
      <p className="standup-digest__since">
        {digest.sinceStandupId
          ? t('standup.digest.sinceStandup', { date: formatMoment(digest.since, dateLocale) })
          : t('standup.digest.sinceDays')}
      </p>
      {total === 0 && <p className="standup-digest__quiet">{t('standup.digest.empty')}</p>}
      <div className="standup-digest__grid">
        <Section title={t('standup.digest.newIdeas')} count={counts.newIdeas}>
          {digest.newIdeas.length === 0
            ? none
            : digest.newIdeas.map((group) => (
                <div key={group.personId} className="standup-digest__group">
                  <p className="standup-digest__person">
                    <PersonLink id={group.personId} name={nameOf(group.personId)} />{' '}
                    <span className="standup-count standup-count--small">{group.count}</span>
                  </p>
                  {ideaList(group.ideaIds, group.count)}
                </div>
              ))}
        </Section>
        <Section title={t('standup.digest.moved')} count={counts.moved}>
          {ideaList(
            digest.moved.map((m) => m.ideaId),
            counts.moved,
            (id) => {
              const m = moves.get(id)!;
              return t('standup.digest.moveFromTo', { from: m.fromStage ? t(`stage.${m.fromStage}`) : '…', to: t(`stage.${m.toStage}`) });
            },
          )}
        </Section>
        <Section
          title={t('standup.digest.readyForCheck')}
          hint={t('standup.digest.readyForCheck.hint', { days: settings.standupDoDays })}
          count={counts.readyForCheck}
        >
          {ideaList(
            digest.readyForCheck.map((d) => d.ideaId),
            counts.readyForCheck,
            (id) => days(readyDays.get(id)!),
          )}
        </Section>
        <Section
          title={t('standup.digest.stuck')}
          hint={t('standup.digest.stuck.hint', { days: settings.standupStuckDays })}
          count={counts.stuck}
        >
          {ideaList(
            digest.stuck.map((d) => d.ideaId),
            counts.stuck,
            (id) => days(stuckDays.get(id)!),
          )}
        </Section>
        <Section title={t('standup.digest.withoutOwner')} count={counts.withoutOwner}>
          {ideaList(digest.withoutOwner, counts.withoutOwner, (id) => t(`stage.${cards.get(id)?.stage ?? 'nieuw'}`))}
        </Section>
        <Section title={t('standup.digest.adopted')} count={counts.adopted}>
          {ideaList(digest.adopted, counts.adopted)}
        </Section>
        <Section title={t('standup.digest.checkDue')} count={counts.checkDue}>
          {ideaList(
            digest.checkDue.map((c) => c.ideaId),
            counts.checkDue,
            (id) => t('standup.digest.checkOn', { date: formatShortDay(checkOn.get(id)!, dateLocale) }),
          )}
        </Section>
        <Section title={t('standup.digest.thanks')} count={digest.thanks.length}>
          {digest.thanks.length === 0 ? none : <ThanksList thanks={digest.thanks} titleOf={(id) => cards.get(id)?.title ?? null} compact />}
        </Section>
      </div>
    </div>
  );
}
