/** The CSV export of the ideas in view: one row per idea with every field, names instead of ids, words in the user's language. */
import { format } from 'date-fns';
import { toCsv, type CsvCell } from '../../../shared/csv';
import type { CsvSeparator, ExperienceValue, Idea, Journey, Language, Person, Touchpoint } from '../../../shared/domain';
import type { Translate } from '../../i18n/i18n';

export interface CsvReference {
  people: readonly Person[];
  journeys: readonly Journey[];
  touchpoints: readonly Touchpoint[];
  values: readonly ExperienceValue[];
}

/** Local date and time as spreadsheets read them: 2026-11-23 14:05. */
const when = (iso: string) => format(new Date(iso), 'yyyy-MM-dd HH:mm');

export function ideasCsv(ideas: readonly Idea[], ref: CsvReference, t: Translate, separator: CsvSeparator): string {
  const byId = <T extends { id: string }>(list: readonly T[]) => new Map(list.map((x) => [x.id, x]));
  const people = byId(ref.people);
  const touchpoints = byId(ref.touchpoints);
  const journeys = byId(ref.journeys);
  const values = byId(ref.values);
  const person = (id: string | null) => (id === null ? null : (people.get(id)?.name ?? t('person.unknown')));
  const field = (name: string) => t(`detail.field.${name}`);

  const header = [
    field('title'),
    field('description'),
    field('kind'),
    t('insight.flow.stage'),
    field('touchpointId'),
    t('insight.where.journey'),
    t('insight.csv.author'),
    field('ownerId'),
    t('insight.csv.createdAt'),
    t('insight.csv.stageEnteredAt'),
    t('insight.csv.updatedAt'),
    t('insight.csv.cycle'),
    field('pyramidLevel'),
    field('valueIds'),
    field('problem'),
    field('proposal'),
    field('expectedResult'),
    field('doTest'),
    field('doStartDate'),
    field('checkResult'),
    field('gradeBefore'),
    field('gradeAfter'),
    field('expectationMet'),
    field('actDecision'),
    field('actNote'),
    t('field.outcome'),
    field('lesson'),
  ];
  const rows = ideas.map((i): CsvCell[] => {
    const touchpoint = touchpoints.get(i.touchpointId);
    return [
      i.title,
      i.description,
      t(`kind.${i.kind}`),
      t(`stage.${i.stage}`),
      touchpoint?.name ?? null,
      touchpoint ? (journeys.get(touchpoint.journeyId)?.name ?? null) : null,
      person(i.authorId),
      person(i.ownerId),
      when(i.createdAt),
      when(i.stageEnteredAt),
      when(i.updatedAt),
      i.cycle,
      i.pyramidLevel === null ? null : t(`level.${i.pyramidLevel}`),
      i.valueIds.map((v) => values.get(v)?.name ?? '').filter(Boolean).join(', '),
      i.problem,
      i.proposal,
      i.expectedResult,
      i.doTest,
      i.doStartDate,
      i.checkResult,
      i.gradeBefore,
      i.gradeAfter,
      i.expectationMet === null ? null : t(`expectation.${i.expectationMet}`),
      i.actDecision === null ? null : t(`decision.${i.actDecision}`),
      i.actNote,
      i.outcome === null ? null : t(`outcome.${i.outcome}`),
      i.lesson,
    ];
  });
  return toCsv([header, ...rows], separator);
}

/** kaizenbord-ideeen-2026-11-23.csv */
export const csvFileName = (now: Date, language: Language) =>
  `kaizenbord-${language === 'en' ? 'ideas' : 'ideeen'}-${format(now, 'yyyy-MM-dd')}.csv`;
