/** "Team en bestanden" in Beheer & instellingen: export the team setup or ideas to a file, import a file. */
import { format, isValid, parseISO, startOfDay } from 'date-fns';
import { useId, useRef, useState, type ReactNode, type Ref } from 'react';
import { useT } from '../../i18n/use-t';
import { useApp } from '../../store/store';
import { SettingsSection } from '../settings/SettingsSection';
import { ImportDialog, headline } from './ImportDialog';
import { useExchange, type PreviewedFile } from './use-exchange';
import './exchange.css';

type Busy = null | 'setup' | 'ideas' | 'import';

export function ExchangeSection() {
  const t = useT();
  const ids = { scope: useId(), since: useId(), sinceHint: useId() };
  const exchange = useExchange();
  const announce = useApp((s) => s.announce);
  const me = useApp((s) => s.people.find((p) => p.id === s.settings.currentPersonId) ?? null);
  const [scope, setScope] = useState<'mine' | 'all'>('all');
  const [useSince, setUseSince] = useState(false);
  const today = format(new Date(), 'yyyy-MM-dd');
  const [since, setSince] = useState(today);
  const [busy, setBusy] = useState<Busy>(null);
  const [problem, setProblem] = useState<{ at: Exclude<Busy, null>; text: string } | null>(null);
  const [preview, setPreview] = useState<PreviewedFile | null>(null);
  const importButton = useRef<HTMLButtonElement>(null);

  const sinceDate = parseISO(since);
  const sinceInvalid = useSince && (!isValid(sinceDate) || since > today);

  const run = async (at: Exclude<Busy, null>, action: () => Promise<string | null>) => {
    setBusy(at);
    setProblem(null);
    const failed = await action();
    setBusy(null);
    if (failed) setProblem({ at, text: failed });
  };

  const exportIdeas = () =>
    run('ideas', () =>
      exchange.exportIdeas({
        ...(scope === 'mine' && me ? { person: me } : {}),
        ...(useSince ? { since: startOfDay(sinceDate).toISOString() } : {}),
      }),
    );

  const pick = () =>
    run('import', async () => {
      const picked = await exchange.pickAndPreview();
      if (!picked.ok) return picked.problem;
      setPreview(picked.value);
      return null;
    });

  const applyPreview = async (): Promise<string | null> => {
    if (!preview) return null;
    const result = await exchange.apply(preview);
    if (!result.ok) return result.problem;
    setPreview(null);
    announce(t('exchange.applied', { file: preview.name, summary: headline(t, result.value) }));
    importButton.current?.focus();
    return null;
  };

  const problemFor = (at: Exclude<Busy, null>) =>
    problem?.at === at ? (
      <p className="field__error exchange__problem" role="alert">
        {problem.text}
      </p>
    ) : null;

  return (
    <SettingsSection title={t('exchange.title')} intro={t('exchange.intro')}>
      <div className="exchange">
        <Part
          title={t('exchange.setup.title')}
          hint={t('exchange.setup.hint')}
          action={busy === 'setup' ? t('exchange.busy') : t('exchange.setup.export')}
          disabled={busy !== null}
          onAction={() => void run('setup', exchange.exportSetup)}
          problem={problemFor('setup')}
        />
        <Part
          title={t('exchange.ideas.title')}
          hint={t('exchange.ideas.hint')}
          action={busy === 'ideas' ? t('exchange.busy') : t('exchange.ideas.export')}
          disabled={busy !== null || sinceInvalid}
          onAction={() => void exportIdeas()}
          problem={problemFor('ideas')}
        >
          <fieldset className="exchange__choices">
            <legend>{t('exchange.ideas.scope')}</legend>
            {me && (
              <label className="settings-choice">
                <input type="radio" name={ids.scope} checked={scope === 'mine'} onChange={() => setScope('mine')} />
                <span>{t('exchange.ideas.mine', { name: me.name })}</span>
              </label>
            )}
            <label className="settings-choice">
              <input type="radio" name={ids.scope} checked={scope === 'all' || !me} onChange={() => setScope('all')} />
              <span>{t('exchange.ideas.all')}</span>
            </label>
          </fieldset>
          <div className="exchange__since">
            <label className="exchange__check">
              <input type="checkbox" checked={useSince} onChange={(e) => setUseSince(e.target.checked)} />
              <span>{t('exchange.ideas.sinceToggle')}</span>
            </label>
            <label htmlFor={ids.since} className="visually-hidden">
              {t('exchange.ideas.sinceLabel')}
            </label>
            <input
              id={ids.since}
              type="date"
              className="exchange__date"
              value={since}
              max={today}
              disabled={!useSince}
              aria-invalid={sinceInvalid || undefined}
              aria-describedby={sinceInvalid ? ids.sinceHint : undefined}
              onChange={(e) => setSince(e.target.value)}
            />
          </div>
          {sinceInvalid && (
            <p id={ids.sinceHint} className="field__error" role="alert">
              {t('exchange.ideas.sinceInvalid')}
            </p>
          )}
        </Part>
        <Part
          title={t('exchange.import.title')}
          hint={t('exchange.import.hint')}
          action={busy === 'import' ? t('exchange.import.checking') : t('exchange.import.choose')}
          primary
          actionRef={importButton}
          disabled={busy !== null}
          onAction={() => void pick()}
          problem={problemFor('import')}
        />
      </div>
      {preview && <ImportDialog file={preview} onApply={applyPreview} onClose={() => setPreview(null)} />}
    </SettingsSection>
  );
}

interface PartProps {
  title: string;
  /** What the part does; it also describes the action button. */
  hint: string;
  action: string;
  onAction: () => void;
  disabled: boolean;
  primary?: boolean;
  actionRef?: Ref<HTMLButtonElement>;
  /** Controls that shape the action (shown between the hint and the button). */
  children?: ReactNode;
  problem: ReactNode;
}

/** One of the three parts: a heading, a line on what it does, its controls, its button and what went wrong. */
function Part({ title, hint, action, onAction, disabled, primary, actionRef, children, problem }: PartProps) {
  const titleId = useId();
  const hintId = useId();
  return (
    <section className="exchange__part" aria-labelledby={titleId}>
      <h4 id={titleId} className="exchange__title">
        {title}
      </h4>
      <p id={hintId} className="field__hint">
        {hint}
      </p>
      {children}
      <button
        ref={actionRef}
        type="button"
        className={primary ? 'button button--primary' : 'button'}
        aria-describedby={hintId}
        disabled={disabled}
        onClick={onAction}
      >
        {action}
      </button>
      {problem}
    </section>
  );
}
