/**
 * Inzicht's part of Beheer & instellingen: a WIP limit per board column (empty = no limit) and the CSV separator.
 * A limit saves when the field is left or Enter is pressed; a wrong number is explained and nothing is lost.
 */
import { useEffect, useId, useState } from 'react';
import { CSV_SEPARATORS, SETTING_LIMITS, STAGES, type CsvSeparator, type Stage } from '../../../shared/domain';
import { useT } from '../../i18n/use-t';
import { useApp } from '../../store/store';
import { SettingsSection } from '../settings/SettingsSection';
import './wip.css';

const LIMITED = STAGES.filter((s) => s !== 'afgerond');

export function InsightSettings() {
  const t = useT();
  const separator = useApp((s) => s.settings.csvSeparator);
  const updateSettings = useApp((s) => s.updateSettings);
  const separatorHint = useId();
  return (
    <SettingsSection title={t('wip.settings.title')} intro={t('wip.settings.intro')}>
      <div className="wip-settings">
        {LIMITED.map((stage) => (
          <LimitField key={stage} stage={stage} />
        ))}
      </div>
      <fieldset className="settings-choices wip-settings__separator" aria-describedby={separatorHint}>
        <legend>{t('wip.settings.separator')}</legend>
        {CSV_SEPARATORS.map((value: CsvSeparator) => (
          <label key={value} className="settings-choice">
            <input
              type="radio"
              name="settings-csv-separator"
              value={value}
              checked={separator === value}
              onChange={() => void updateSettings({ csvSeparator: value })}
            />
            <span>{t(value === ';' ? 'wip.settings.semicolon' : 'wip.settings.comma')}</span>
          </label>
        ))}
        <p id={separatorHint} className="field__hint settings-choices__hint">
          {t('wip.settings.separatorHint')}
        </p>
      </fieldset>
    </SettingsSection>
  );
}

function LimitField({ stage }: { stage: Stage }) {
  const t = useT();
  const id = useId();
  const limits = useApp((s) => s.settings.wipLimits);
  const updateSettings = useApp((s) => s.updateSettings);
  const announce = useApp((s) => s.announce);
  const limit = limits[stage];
  const [text, setText] = useState(limit === null ? '' : String(limit));
  const [problem, setProblem] = useState(false);
  const { min, max } = SETTING_LIMITS.wipLimit;
  const stageName = t(`stage.${stage}`);

  useEffect(() => setText(limit === null ? '' : String(limit)), [limit]);

  const save = async () => {
    const trimmed = text.trim();
    const next = trimmed === '' ? null : Number(trimmed);
    if (next !== null && (!/^\d+$/.test(trimmed) || next < min || next > max)) {
      setProblem(true);
      return;
    }
    setProblem(false);
    if (next === limit) return;
    const ok = await updateSettings({ wipLimits: { ...limits, [stage]: next } });
    if (ok) announce(t(next === null ? 'wip.settings.cleared' : 'wip.settings.saved', { stage: stageName }));
  };

  return (
    <div className="field wip-settings__field">
      <label className="field__label" htmlFor={`${id}-input`}>
        {t('wip.settings.field', { stage: stageName })}
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
        aria-describedby={problem ? `${id}-error` : undefined}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => void save()}
        onKeyDown={(e) => {
          if (e.key === 'Enter') void save();
        }}
      />
      {problem && (
        <p id={`${id}-error`} className="field__error" role="alert">
          {t('wip.settings.invalid', { min, max })}
        </p>
      )}
    </div>
  );
}
