/** Translation: t(key, vars) with {placeholders} and plural keys (key_one / key_other via Intl.PluralRules). */
import { enGB, nl as nlLocale, type Locale } from 'date-fns/locale';
import type { Language } from '../../shared/domain';
import type { CallError } from '../../shared/result';
import { commonMessages } from './common.messages';
import { boardMessages } from '../features/board/messages';
import { captureMessages } from '../features/capture/messages';
import { detailMessages } from '../features/detail/messages';
import { exchangeMessages } from '../features/exchange/messages';
import { insightMessages } from '../features/insight/messages';
import { peopleMessages } from '../features/people/messages';
import { recoveryMessages } from '../features/recovery/messages';
import { settingsMessages } from '../features/settings/messages';
import { standupMessages } from '../features/standup/messages';

const catalogues = [commonMessages, boardMessages, captureMessages, detailMessages, exchangeMessages, insightMessages, peopleMessages, recoveryMessages, settingsMessages, standupMessages];

const merged: Record<Language, Record<string, string>> = { nl: {}, en: {} };
for (const c of catalogues) {
  Object.assign(merged.nl, c.nl);
  Object.assign(merged.en, c.en);
}

export type Vars = Record<string, string | number>;
export type Translate = (key: string, vars?: Vars) => string;

const pluralRules: Record<Language, Intl.PluralRules> = {
  nl: new Intl.PluralRules('nl-NL'),
  en: new Intl.PluralRules('en-GB'),
};

/** Whole numbers in messages get the language's digit grouping (12.345 in Dutch, 12,345 in English). */
const integerFormats: Record<Language, Intl.NumberFormat> = {
  nl: new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 }),
};

function interpolate(template: string, language: Language, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!(name in vars)) return whole;
    const value = vars[name]!;
    return typeof value === 'number' && Number.isInteger(value) ? integerFormats[language].format(value) : String(value);
  });
}

export function createTranslator(language: Language): Translate {
  const table = merged[language];
  const fallback = merged.nl;
  return (key, vars) => {
    let template: string | undefined;
    if (vars && typeof vars.count === 'number') {
      const form = pluralRules[language].select(vars.count);
      template = table[`${key}_${form}`] ?? table[`${key}_other`];
    }
    template ??= table[key] ?? fallback[key];
    if (template === undefined) {
      if (import.meta.env.DEV) console.warn(`Missing translation: ${key}`);
      return key;
    }
    return interpolate(template, language, vars);
  };
}

/** Every key of a language, for tests that compare catalogues. */
export function catalogueKeys(language: Language): string[] {
  return Object.keys(merged[language]).sort();
}

export const dateLocales: Record<Language, Locale> = { nl: nlLocale, en: enGB };

export const numberLocales: Record<Language, string> = { nl: 'nl-NL', en: 'en-GB' };

/** A sentence in the user's language for any error the core returns. */
export function describeError(t: Translate, error: CallError): string {
  const fieldKey = error.field ? `field.${error.field.split('.').pop()}` : 'field.input';
  const fieldLabel = t(fieldKey) === fieldKey ? (error.field ?? t('field.input')) : t(fieldKey);
  switch (error.code) {
    case 'validation':
      return t('error.validation', {
        field: fieldLabel,
        issue: t(`issue.${error.issue ?? 'invalid_value'}`, { limit: error.limit ?? '' }),
      });
    case 'not_found':
      return t('error.not_found', { field: fieldLabel });
    case 'conflict':
      // The core's message is for developers (English); the reason picks the sentence.
      return t(error.reason ? `error.conflict.${error.reason}` : 'error.conflict', { field: fieldLabel });
    default:
      return t(`error.${error.code}`);
  }
}
