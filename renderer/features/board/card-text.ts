/** Pure helpers for what a card says: avatar hue, time in column, and its accessible name. */
import { differenceInSeconds, formatDistanceToNowStrict } from 'date-fns';
import type { Locale } from 'date-fns/locale';
import type { BoardCard, Person, Stage } from '../../../shared/domain';
import type { Translate } from '../../i18n/i18n';

/** A stable hue for a person's avatar. */
export function hueFor(id: string): number {
  let hash = 0;
  for (let i = 0; i < id.length; i++) hash = (hash * 31 + id.charCodeAt(i)) | 0;
  return Math.abs(hash) % 360;
}

/** "3 dagen", "2 uur", or "minder dan een minuut" for a card that just arrived. */
export function timeInColumn(t: Translate, since: string, locale: Locale): string {
  const date = new Date(since);
  if (Number.isNaN(date.getTime())) return '';
  if (differenceInSeconds(new Date(), date) < 60) return t('board.card.lessThanMinute');
  return formatDistanceToNowStrict(date, { locale, roundingMethod: 'floor' });
}

/** Who the card shows: the owner, else the author. */
export function cardPerson(card: BoardCard, people: Person[]): { person: Person | undefined; isOwner: boolean } {
  if (card.ownerId) return { person: people.find((p) => p.id === card.ownerId), isOwner: true };
  return { person: people.find((p) => p.id === card.authorId), isOwner: false };
}

/** The card's accessible name; it always starts with the title. */
export function cardLabel(
  t: Translate,
  card: BoardCard,
  parts: { stage: Stage; touchpoint: string; time: string; personName?: string; isOwner: boolean },
): string {
  const extra: string[] = [];
  if (parts.personName) {
    extra.push(t(parts.isOwner ? 'board.card.name.owner' : 'board.card.name.author', { name: parts.personName }));
  }
  if (card.cycle > 1) extra.push(t('board.card.name.cycle', { cycle: card.cycle }));
  if (card.outcome) extra.push(t(`outcome.${card.outcome}`));
  const main = t('board.card.name', {
    title: card.title,
    kind: t(`kind.${card.kind}`),
    touchpoint: parts.touchpoint,
    time: parts.time,
    stage: t(`stage.${parts.stage}`),
  });
  return [main, ...extra].join(', ');
}
