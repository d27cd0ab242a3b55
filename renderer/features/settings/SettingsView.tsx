/** "Beheer & instellingen": language and theme for this laptop, and the team's reference data. */
import { useId } from 'react';
import { LANGUAGES, THEMES, type Language, type Theme } from '../../../shared/domain';
import { useT } from '../../i18n/use-t';
import { SettingsSection } from './SettingsSection';
import { useApp } from '../../store/store';
import { BackupsSection } from './BackupsSection';
import { JourneysSection } from './JourneysSection';
import { PeopleSection } from './PeopleSection';
import { ExchangeSection } from '../exchange/ExchangeSection';
import { ValuesSection } from './ValuesSection';
import { InsightSettings } from '../insight/InsightSettings';
import { StandupSettings } from '../standup/StandupSettings';
import './settings.css';

export function SettingsView() {
  const t = useT();
  const titleId = useId();
  return (
    <section className="settings" aria-labelledby={titleId}>
      <header className="settings__header">
        <h2 id={titleId} className="settings__title">
          {t('settings.title')}
        </h2>
        <p className="settings__intro">{t('settings.intro')}</p>
      </header>
      <GeneralSettings />
      <StandupSettings />
      <JourneysSection />
      <ValuesSection />
      <PeopleSection />
      <InsightSettings />
      <ExchangeSection />
      <BackupsSection />
    </section>
  );
}

function GeneralSettings() {
  const t = useT();
  const hintId = useId();
  const languageHintId = useId();
  const language = useApp((s) => s.settings.language);
  const theme = useApp((s) => s.settings.theme);
  const updateSettings = useApp((s) => s.updateSettings);

  return (
    <SettingsSection title={t('settings.general.title')} intro={t('settings.general.intro')}>
      <div className="settings-general">
        <fieldset className="settings-choices" aria-describedby={languageHintId}>
          <legend>{t('settings.language')}</legend>
          {LANGUAGES.map((lang: Language) => (
            <label key={lang} className="settings-choice" lang={lang}>
              <input
                type="radio"
                name="settings-language"
                value={lang}
                checked={language === lang}
                onChange={() => void updateSettings({ language: lang })}
              />
              <span>{t(`settings.language.${lang}`)}</span>
            </label>
          ))}
          <p id={languageHintId} className="field__hint settings-choices__hint">
            {t('settings.language.hint')}
          </p>
        </fieldset>
        <fieldset className="settings-choices" aria-describedby={hintId}>
          <legend>{t('settings.theme')}</legend>
          {THEMES.map((value: Theme) => (
            <label key={value} className="settings-choice">
              <input
                type="radio"
                name="settings-theme"
                value={value}
                checked={theme === value}
                onChange={() => void updateSettings({ theme: value })}
              />
              <span className={`settings-swatch settings-swatch--${value}`} aria-hidden="true" />
              <span>{t(`settings.theme.${value}`)}</span>
            </label>
          ))}
          <p id={hintId} className="field__hint settings-choices__hint">
            {t('settings.theme.systemHint')}
          </p>
        </fieldset>
      </div>
    </SettingsSection>
  );
}
