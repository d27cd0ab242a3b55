/** Belevingswaarden, grouped by the three levels of the service pyramid. */
import { useId, useState } from 'react';
import { PYRAMID_LEVELS, type ExperienceValue, type PyramidLevel } from '../../../shared/domain';
import { useT } from '../../i18n/use-t';
import { SettingsSection } from './SettingsSection';
import { useAppShallow } from '../../store/store';
import { ArchivedPart } from './ArchivedPart';
import { ArchivedRow, ItemRow } from './ItemRow';
import { NameForm } from './NameForm';
import { byPosition, reorderedIds } from './reorder';
import { useReferenceEdit } from './use-reference';

export function ValuesSection() {
  const t = useT();
  const levelId = useId();
  const edit = useReferenceEdit();
  const values = useAppShallow((s) => s.values);
  const [newLevel, setNewLevel] = useState<PyramidLevel>(1);

  const active = byPosition(values.filter((v) => !v.archived));
  const archived = byPosition(values.filter((v) => v.archived));

  const move = async (value: ExperienceValue, direction: -1 | 1) => {
    const ids = reorderedIds(values, value.id, direction, (v) => !v.archived && v.level === value.level);
    if (!ids) return;
    const peers = active.filter((v) => v.level === value.level);
    const index = peers.findIndex((v) => v.id === value.id) + direction;
    await edit('values:reorder', { ids }, ['settings.announce.moved', { name: value.name, position: index + 1, total: peers.length }]);
  };

  return (
    <SettingsSection title={t('settings.values.title')} intro={t('settings.values.intro')}>

      <div className="settings-levels">
        {PYRAMID_LEVELS.map((level) => {
          const peers = active.filter((v) => v.level === level);
          return (
            <LevelGroup key={level} level={level}>
              {peers.length === 0 ? (
                <p className="settings-empty settings-empty--small">{t('settings.values.empty')}</p>
              ) : (
                <ol className="settings-list" aria-label={t(`level.${level}`)}>
                  {peers.map((value, index) => (
                    <li key={value.id}>
                      <ItemRow
                        name={value.name}
                        taken={active.filter((v) => v.id !== value.id).map((v) => v.name)}
                        onRename={(name) => edit('values:update', { id: value.id, name }, ['settings.announce.renamed', { name }])}
                        onMove={peers.length > 1 ? (direction) => move(value, direction) : undefined}
                        canMoveUp={index > 0}
                        canMoveDown={index < peers.length - 1}
                        onArchive={() =>
                          edit('values:update', { id: value.id, archived: true }, [
                            'settings.announce.archived',
                            { name: value.name },
                          ])
                        }
                      >
                        <select
                          className="settings-level-select"
                          aria-label={t('settings.values.levelOf', { name: value.name })}
                          value={value.level}
                          onChange={(e) => {
                            const next = Number(e.target.value) as PyramidLevel;
                            void edit('values:update', { id: value.id, level: next }, [
                              'settings.announce.level',
                              { name: value.name, level: t(`level.${next}`) },
                            ]);
                          }}
                        >
                          {PYRAMID_LEVELS.map((l) => (
                            <option key={l} value={l}>
                              {l} · {t(`level.${l}`)}
                            </option>
                          ))}
                        </select>
                      </ItemRow>
                    </li>
                  ))}
                </ol>
              )}
            </LevelGroup>
          );
        })}
      </div>

      <NameForm
        label={t('settings.values.addLabel')}
        submitLabel={t('settings.values.addSubmit')}
        taken={active.map((v) => v.name)}
        onSubmit={(name) =>
          edit('values:create', { name, level: newLevel }, ['settings.announce.added', { name }])
        }
        className="settings-add"
      >
        <div className="field settings-add__level">
          <label className="field__label" htmlFor={levelId}>
            {t('settings.values.addLevel')}
          </label>
          <select id={levelId} value={newLevel} onChange={(e) => setNewLevel(Number(e.target.value) as PyramidLevel)}>
            {PYRAMID_LEVELS.map((l) => (
              <option key={l} value={l}>
                {l} · {t(`level.${l}`)}
              </option>
            ))}
          </select>
        </div>
      </NameForm>

      <ArchivedPart count={archived.length}>
        {archived.map((value) => (
          <li key={value.id}>
            <ArchivedRow
              name={value.name}
              detail={t(`level.${value.level}`)}
              onRestore={() =>
                void edit('values:update', { id: value.id, archived: false }, ['settings.announce.restored', { name: value.name }])
              }
            />
          </li>
        ))}
      </ArchivedPart>
    </SettingsSection>
  );
}

function LevelGroup({ level, children }: { level: PyramidLevel; children: React.ReactNode }) {
  const t = useT();
  const id = useId();
  return (
    <section className={`settings-level settings-level--${level}`} aria-labelledby={id}>
      <div className="settings-level__header">
        <span className="settings-level__step" aria-hidden="true">
          {level}
        </span>
        <div>
          <h4 id={id} className="settings-level__title">
            {t(`level.${level}`)}
          </h4>
          <p className="settings-level__explain">{t(`settings.values.explain.${level}`)}</p>
        </div>
      </div>
      {children}
    </section>
  );
}
