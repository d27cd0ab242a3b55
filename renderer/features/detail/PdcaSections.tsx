/** Plan · Do · Check · Act: one fieldset each, the idea's current stage highlighted. */
import { ACT_DECISIONS, EXPECTATION_MET, TEXT_MAX, type Stage } from '../../../shared/domain';
import { useT } from '../../i18n/use-t';
import { gradeChange } from './draft';
import { RadioGroup, TextField, type Editor } from './fields';

type PdcaStage = 'plan' | 'do' | 'check' | 'act';

const LETTERS: Record<PdcaStage, string> = { plan: 'P', do: 'D', check: 'C', act: 'A' };

function Section({ stage, current, children }: { stage: PdcaStage; current: boolean; children: React.ReactNode }) {
  const t = useT();
  return (
    <fieldset className={`detail-pdca detail-pdca--${stage}${current ? ' detail-pdca--current' : ''}`} aria-current={current ? 'step' : undefined}>
      <legend className="detail-pdca__legend">{t(`stage.${stage}`)}</legend>
      <div className="detail-pdca__head">
        <span className="detail-pdca__letter" aria-hidden="true">
          {LETTERS[stage]}
        </span>
        <p className="detail-pdca__intro">{t(`detail.stage.${stage}.intro`)}</p>
        {current && <span className="detail-pdca__current">{t('detail.currentStage')}</span>}
      </div>
      <div className="detail-pdca__fields">{children}</div>
    </fieldset>
  );
}

export function PdcaSections({ editor, stage }: { editor: Editor; stage: Stage }) {
  const t = useT();
  const { draft } = editor;
  const change = gradeChange(draft.gradeBefore, draft.gradeAfter);
  return (
    <div className="detail-pdcas">
      <Section stage="plan" current={stage === 'plan'}>
        <TextField editor={editor} field="problem" multiline maxLength={TEXT_MAX} hint={t('detail.hint.problem')} />
        <TextField editor={editor} field="proposal" multiline maxLength={TEXT_MAX} hint={t('detail.hint.proposal')} />
        <TextField editor={editor} field="expectedResult" multiline maxLength={TEXT_MAX} hint={t('detail.hint.expectedResult')} />
      </Section>

      <Section stage="do" current={stage === 'do'}>
        <TextField editor={editor} field="doTest" multiline maxLength={TEXT_MAX} hint={t('detail.hint.doTest')} />
        <TextField editor={editor} field="doStartDate" inputType="date" className="detail-field--date" />
      </Section>

      <Section stage="check" current={stage === 'check'}>
        <TextField editor={editor} field="checkResult" multiline maxLength={TEXT_MAX} />
        <div className="detail-grades">
          <TextField editor={editor} field="gradeBefore" inputType="number" className="detail-field--grade" />
          <span className="detail-grades__arrow" aria-hidden="true">
            →
          </span>
          <TextField editor={editor} field="gradeAfter" inputType="number" className="detail-field--grade" />
          {change !== null && (
            <output
              className={`detail-grades__change detail-grades__change--${change.startsWith('+') ? 'up' : change.startsWith('−') ? 'down' : 'same'}`}
              aria-label={t('detail.gradeChangeAria', { change })}
            >
              {t('detail.gradeChange', { change })}
            </output>
          )}
          <p className="field__hint detail-grades__hint">{t('detail.hint.grade')}</p>
        </div>
        <RadioGroup
          legend={t('detail.field.expectationMet')}
          name={`${editor.idPrefix}-expectation`}
          value={draft.expectationMet}
          options={EXPECTATION_MET.map((v) => ({ value: v, label: t(`expectation.${v}`) }))}
          onChange={(v) => editor.choose('expectationMet', v as (typeof EXPECTATION_MET)[number])}
          onClear={() => editor.choose('expectationMet', null)}
        />
      </Section>

      <Section stage="act" current={stage === 'act'}>
        <RadioGroup
          legend={t('detail.field.actDecision')}
          name={`${editor.idPrefix}-decision`}
          value={draft.actDecision}
          options={ACT_DECISIONS.map((v) => ({ value: v, label: t(`decision.${v}`) }))}
          onChange={(v) => editor.choose('actDecision', v as (typeof ACT_DECISIONS)[number])}
          onClear={() => editor.choose('actDecision', null)}
        />
        <TextField editor={editor} field="actNote" multiline maxLength={TEXT_MAX} hint={t('detail.hint.actNote')} />
      </Section>
    </div>
  );
}
