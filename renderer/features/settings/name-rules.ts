/** Checks for names of people, journeys, touchpoints and belevingswaarden, before they go to the core. */
import { NAME_MAX } from '../../../shared/domain';
import type { Translate } from '../../i18n/i18n';

export type NameProblem = 'required' | 'too_long' | 'duplicate';

const normal = (name: string) => name.trim().toLocaleLowerCase();

/** Why `raw` cannot be used as a name next to `taken` (the other active names in the same list), or null. */
export function checkName(raw: string, taken: readonly string[] = []): NameProblem | null {
  const name = raw.trim();
  if (name.length === 0) return 'required';
  if (name.length > NAME_MAX) return 'too_long';
  if (taken.some((other) => normal(other) === normal(name))) return 'duplicate';
  return null;
}

export function nameProblemText(t: Translate, problem: NameProblem, raw: string): string {
  switch (problem) {
    case 'required':
      return t('settings.name.required');
    case 'too_long':
      return t('settings.name.tooLong', { max: NAME_MAX, count: raw.trim().length });
    case 'duplicate':
      return t('settings.name.duplicate', { name: raw.trim() });
  }
}
