/**
 * The detail view's working copy of an idea. Inputs hold what the person typed (grades and dates as text), so a
 * value that cannot be saved yet stays visible; `toPatch` turns one field into what `ideas:update` accepts.
 */
import type { IdeaPatch } from '../../../shared/contract';
import { TEXT_MAX, TITLE_MAX, type Idea } from '../../../shared/domain';

const TEXT_FIELDS = [
  'title',
  'description',
  'problem',
  'proposal',
  'expectedResult',
  'doTest',
  'checkResult',
  'actNote',
  'lesson',
] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

/** Fields typed as text and saved after a pause or on leaving the field. */
export type TypedField = TextField | 'gradeBefore' | 'gradeAfter' | 'doStartDate' | 'checkOn';

export interface Draft {
  title: string;
  description: string;
  problem: string;
  proposal: string;
  expectedResult: string;
  doTest: string;
  checkResult: string;
  actNote: string;
  lesson: string;
  doStartDate: string;
  /** "Check op": when the team looks at it again (set in the stand-up or here). */
  checkOn: string;
  gradeBefore: string;
  gradeAfter: string;
  kind: Idea['kind'];
  touchpointId: string;
  ownerId: string | null;
  valueIds: string[];
  pyramidLevel: Idea['pyramidLevel'];
  expectationMet: Idea['expectationMet'];
  actDecision: Idea['actDecision'];
}

export type DraftField = keyof Draft;

export function toDraft(idea: Idea): Draft {
  return {
    title: idea.title,
    description: idea.description,
    problem: idea.problem,
    proposal: idea.proposal,
    expectedResult: idea.expectedResult,
    doTest: idea.doTest,
    checkResult: idea.checkResult,
    actNote: idea.actNote,
    lesson: idea.lesson,
    doStartDate: idea.doStartDate ?? '',
    checkOn: idea.checkOn ?? '',
    gradeBefore: idea.gradeBefore === null ? '' : String(idea.gradeBefore),
    gradeAfter: idea.gradeAfter === null ? '' : String(idea.gradeAfter),
    kind: idea.kind,
    touchpointId: idea.touchpointId,
    ownerId: idea.ownerId,
    valueIds: idea.valueIds,
    pyramidLevel: idea.pyramidLevel,
    expectationMet: idea.expectationMet,
    actDecision: idea.actDecision,
  };
}

/** Why a typed value cannot be saved. */
export type FieldProblem =
  | { kind: 'titleRequired' }
  | { kind: 'tooLong'; max: number; count: number }
  | { kind: 'grade' }
  | { kind: 'date' };

export type PatchResult = { ok: true; patch: IdeaPatch } | { ok: false; problem: FieldProblem };

/** A whole grade 1–10, null for an empty field, undefined when the text is not a grade. */
function parseGrade(text: string): number | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (!/^\d{1,2}$/.test(trimmed)) return undefined;
  const grade = Number(trimmed);
  return grade >= 1 && grade <= 10 ? grade : undefined;
}

function isDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** The patch for one field of the draft, or why it cannot be saved. */
export function toPatch<F extends DraftField>(field: F, value: Draft[F]): PatchResult {
  switch (field) {
    case 'title': {
      const title = (value as string).trim();
      if (title === '') return { ok: false, problem: { kind: 'titleRequired' } };
      if (title.length > TITLE_MAX) return { ok: false, problem: { kind: 'tooLong', max: TITLE_MAX, count: title.length } };
      return { ok: true, patch: { title } };
    }
    case 'gradeBefore':
    case 'gradeAfter': {
      const grade = parseGrade(value as string);
      if (grade === undefined) return { ok: false, problem: { kind: 'grade' } };
      return { ok: true, patch: { [field]: grade } };
    }
    case 'doStartDate':
    case 'checkOn': {
      const text = (value as string).trim();
      if (text === '') return { ok: true, patch: { [field]: null } };
      if (!isDate(text)) return { ok: false, problem: { kind: 'date' } };
      return { ok: true, patch: { [field]: text } };
    }
    default:
      if (typeof value === 'string' && (TEXT_FIELDS as readonly string[]).includes(field) && value.length > TEXT_MAX) {
        return { ok: false, problem: { kind: 'tooLong', max: TEXT_MAX, count: value.length } };
      }
      return { ok: true, patch: { [field]: value } as IdeaPatch };
  }
}

/** "+2", "−1" or "±0" between two grades, or null when either is missing. */
export function gradeChange(before: string, after: string): string | null {
  const a = parseGrade(before);
  const b = parseGrade(after);
  if (a == null || b == null) return null;
  const diff = b - a;
  if (diff > 0) return `+${diff}`;
  if (diff < 0) return `−${Math.abs(diff)}`;
  return '±0';
}
