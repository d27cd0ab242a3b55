import { useMemo } from 'react';
import { useApp } from '../store/store';
import { createTranslator, dateLocales, numberLocales, type Translate } from './i18n';
import type { Locale } from 'date-fns/locale';
import type { Language } from '../../shared/domain';

function useLanguage(): Language {
  return useApp((s) => s.settings.language);
}

/** The translator for the user's language. */
export function useT(): Translate {
  const language = useLanguage();
  return useMemo(() => createTranslator(language), [language]);
}

/** date-fns locale and Intl number locale for the user's language. */
export function useLocale(): { dateLocale: Locale; numberLocale: string; language: Language } {
  const language = useLanguage();
  return useMemo(
    () => ({ dateLocale: dateLocales[language], numberLocale: numberLocales[language], language }),
    [language],
  );
}
