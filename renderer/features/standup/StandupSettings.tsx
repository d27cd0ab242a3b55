/** The stand-up thresholds in Beheer & instellingen: ready for Check, stuck, and the countdown length. */
import { useEffect, useId, useState } from 'react';
import { SETTING_LIMITS } from '../../../shared/domain';
import { useT } from '../../i18n/use-t';
import { useApp } from '../../store/store';
import { SettingsSection } from '../settings/SettingsSection';
import './standup.css';

type Key = 'standupDoDays' | 'standupStuckDays' | 'standupMinutes';

const FIELDS: readonly [Key, string][] = [
  ['standupDoDays', 'standup.settings.doDays'],
  ['standupStuckDays', 'standup.settings.stuckDays'],
  ['standupMinutes', 'standup.settings.minutes'],
];

export function StandupSettings() {
  const t = useT();
  return (
    <SettingsSection title={t('standup.settings.title')} intro={t('standup.settings.intro')}>
      <div className="standup-settings">
        {FIELDS.map(([key, label]) => (
          <NumberSetting key={key} setting={key} label={t(label)} />
        ))}
      </div>
    </SettingsSection>
  );
}

function NumberSetting({ setting, label }: { setting: Key; label: string }) {
  const t = useT();
  const id = useId();
  const value = useApp((s) => s.settings[setting]);
  const updateSettings = useApp((s) => s.updateSettings);
  const [text, setText] = useState(String(value));
  const [problem, setProblem] = useState(false);
  const [saved, setSaved] = useState(false);
  const { min, max } = SETTING_LIMITS[setting];

  useEffect(() => setText(String(value)), [value]);

  const save = async () => {
    const trimmed = text.trim();
    const n = Number(trimmed);
    if (!/^\d+$/.test(trimmed) || n < min || n > max) {
      setProblem(true);
      setSaved(false);
      return;
    }
    setProblem(false);
    if (n === value) return;
    setSaved(await updateSettings({ [setting]: n }));
  };

  return (
    <div className="field standup-settings__field">
      <label className="field__label" htmlFor={`${id}-input`}>
        {label}
      </label>
      <input
        id={`${id}-input`}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        step={1}
        value={text}
        aria-invalid={problem || undefined}
        aria-describedby={`${id}-hint${problem ? ` ${id}-error` : ''}`}
        onChange={(e) => {
          setText(e.target.value);
          setSaved(false);
        }}
        onBlur={() => void save()}
        onKeyDown={(e) => {
          if (e.key === 'Enter') void save();
        }}
      />
      <p id={`${id}-hint`} className="field__hint">
        {t('standup.settings.range', { min, max })}
        {saved && (
          <span className="standup-settings__saved" role="status">
            {' '}
            ✓ {t('standup.settings.saved')}
          </span>
        )}
      </p>
      {problem && (
        <p id={`${id}-error`} className="field__error" role="alert">
          {t('standup.settings.invalid', { min, max })}
        </p>
      )}
    </div>
  );
}
