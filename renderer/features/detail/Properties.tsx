/** What an idea is about: kind, touchpoint, owner, check-op date, pyramid level and belevingswaarden. Choices save at once. */
import { KINDS, PYRAMID_LEVELS, type PyramidLevel } from '../../../shared/domain';
import { useT } from '../../i18n/use-t';
import { useAppShallow } from '../../store/store';
import { KindIcon } from '../board/kind';
import { byPosition, touchpointGroups } from '../settings/reorder';
import { RadioGroup, TextField, type Editor } from './fields';

export function Properties({ editor }: { editor: Editor }) {
  const t = useT();
  const { draft, idPrefix } = editor;
  const { journeys, touchpoints, people, values } = useAppShallow((s) => ({
    journeys: s.journeys,
    touchpoints: s.touchpoints,
    people: s.people,
    values: s.values,
  }));

  // Archived touchpoints, people and values stay visible only while this idea still uses them.
  const journeyGroups = touchpointGroups(
    journeys,
    touchpoints,
    (tp, journey) => (!journey.archived && !tp.archived) || tp.id === draft.touchpointId,
  );
  const owners = [...people]
    .filter((p) => !p.archived || p.id === draft.ownerId)
    .sort((a, b) => a.name.localeCompare(b.name));
  const selectedValues = new Set(draft.valueIds);

  const toggleValue = (id: string, on: boolean) => {
    const next = on ? [...draft.valueIds, id] : draft.valueIds.filter((v) => v !== id);
    editor.choose('valueIds', next);
  };

  return (
    <div className="detail-properties">
      <RadioGroup
        legend={t('detail.field.kind')}
        name={`${idPrefix}-kind`}
        value={draft.kind}
        options={KINDS.map((k) => ({
          value: k,
          label: (
            <span className="detail-kind">
              <KindIcon kind={k} size={14} />
              {t(`kind.${k}`)}
            </span>
          ),
          className: `detail-choice--${k}`,
        }))}
        onChange={(v) => editor.choose('kind', v as (typeof KINDS)[number])}
      />

      <div className="field">
        <label className="field__label" htmlFor={`${idPrefix}-touchpoint`}>
          {t('detail.field.touchpointId')}
        </label>
        <select
          id={`${idPrefix}-touchpoint`}
          value={draft.touchpointId}
          onChange={(e) => editor.choose('touchpointId', e.target.value)}
        >
          {journeyGroups.map(({ journey, touchpoints: options }) => (
            <optgroup key={journey.id} label={journey.archived ? t('detail.archived', { name: journey.name }) : journey.name}>
              {options.map((tp) => (
                <option key={tp.id} value={tp.id}>
                  {tp.archived || journey.archived ? t('detail.archived', { name: tp.name }) : tp.name}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>

      <div className="field">
        <label className="field__label" htmlFor={`${idPrefix}-owner`}>
          {t('detail.field.ownerId')}
        </label>
        <select
          id={`${idPrefix}-owner`}
          value={draft.ownerId ?? ''}
          onChange={(e) => editor.choose('ownerId', e.target.value === '' ? null : e.target.value)}
        >
          <option value="">{t('detail.owner.none')}</option>
          {owners.map((p) => (
            <option key={p.id} value={p.id}>
              {p.archived ? t('detail.archived', { name: p.name }) : p.name}
            </option>
          ))}
        </select>
      </div>

      <TextField editor={editor} field="checkOn" inputType="date" className="detail-field--date" />

      <RadioGroup
        legend={t('detail.field.pyramidLevel')}
        name={`${idPrefix}-pyramid`}
        layout="column"
        value={draft.pyramidLevel === null ? 'none' : String(draft.pyramidLevel)}
        options={[
          { value: 'none', label: t('detail.pyramid.none') },
          ...PYRAMID_LEVELS.map((l) => ({
            value: String(l),
            label: (
              <>
                <span className={`detail-level-dot detail-level-dot--${l}`} aria-hidden="true">
                  {l}
                </span>
                {t(`level.${l}`)}
              </>
            ),
          })),
        ]}
        onChange={(v) => editor.choose('pyramidLevel', v === 'none' ? null : (Number(v) as PyramidLevel))}
      />

      <fieldset className="detail-values">
        <legend>{t('detail.field.valueIds')}</legend>
        <p className="field__hint detail-values__hint">{t('detail.hint.values')}</p>
        {PYRAMID_LEVELS.map((level) => {
          const shown = byPosition(values.filter((v) => v.level === level && (!v.archived || selectedValues.has(v.id))));
          if (shown.length === 0) return null;
          return (
            <fieldset key={level} className={`detail-values__level detail-values__level--${level}`}>
              <legend>{t(`level.${level}`)}</legend>
              <div className="detail-values__options">
                {shown.map((value) => (
                  <label key={value.id} className="detail-check">
                    <input
                      type="checkbox"
                      checked={selectedValues.has(value.id)}
                      onChange={(e) => toggleValue(value.id, e.target.checked)}
                    />
                    <span>{value.archived ? t('detail.archived', { name: value.name }) : value.name}</span>
                  </label>
                ))}
              </div>
            </fieldset>
          );
        })}
      </fieldset>
    </div>
  );
}
