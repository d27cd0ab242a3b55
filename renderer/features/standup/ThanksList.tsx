/** Thanks as readable lines: who thanked whom, for which idea, the message and when. */
import { Heart } from 'lucide-react';
import type { ThanksEntry } from '../../../shared/contract-standup';
import { useLocale, useT } from '../../i18n/use-t';
import { useApp } from '../../store/store';
import { formatAgo, formatDateTime } from '../detail/format';
import { nameLookup } from './format';
import { IdeaLink, PersonLink } from './links';

interface ThanksListProps {
  thanks: readonly ThanksEntry[];
  /** Leave out the idea (the list sits on that idea already). */
  hideIdea?: boolean;
  /** Smaller lines for the digest. */
  compact?: boolean;
  /** A title for ideas the entry has none for (e.g. from the digest's cards). */
  titleOf?: (ideaId: string) => string | null;
}

export function ThanksList({ thanks, hideIdea, compact, titleOf }: ThanksListProps) {
  const t = useT();
  const { dateLocale } = useLocale();
  const people = useApp((s) => s.people);
  const nameOf = nameLookup(people, t);
  return (
    <ul className={`standup-thanks${compact ? ' standup-thanks--compact' : ''}`}>
      {thanks.map((entry) => {
        const title = entry.ideaTitle ?? (entry.ideaId ? titleOf?.(entry.ideaId) : null) ?? null;
        return (
          <li key={entry.id} className="standup-thanks__item">
            <Heart className="standup-thanks__icon" size={compact ? 14 : 18} aria-hidden="true" />
            <div className="standup-thanks__body">
              <p className="standup-thanks__who">
                <PersonLink id={entry.fromId} name={nameOf(entry.fromId)} /> →{' '}
                <PersonLink id={entry.toId} name={nameOf(entry.toId)} />
                {!hideIdea && entry.ideaId && title && (
                  <>
                    {' · '}
                    <IdeaLink id={entry.ideaId} title={title} className="standup-thanks__idea" />
                  </>
                )}
              </p>
              <blockquote className="standup-thanks__message">{entry.message}</blockquote>
              <time className="standup-thanks__time" dateTime={entry.createdAt} title={formatDateTime(entry.createdAt, dateLocale)}>
                {formatAgo(entry.createdAt, dateLocale, t)}
              </time>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
