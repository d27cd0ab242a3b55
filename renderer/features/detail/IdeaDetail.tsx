/**
 * The detail of one idea in a wide dialog: every field, editable and saved by itself; PDCA sections; actions
 * (move, another cycle, delete); comments and history.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { RefreshCw, Trash2 } from 'lucide-react';
import { STAGES, TEXT_MAX, TITLE_MAX, type IdeaDetail as IdeaDetailData, type Stage } from '../../../shared/domain';
import type { CallError } from '../../../shared/result';
import { describeError } from '../../i18n/i18n';
import { useLocale, useT } from '../../i18n/use-t';
import type { Columns } from '../../store/board-slice';
import { useApp, useAppStoreApi } from '../../store/store';
import { Dialog } from '../../ui/Dialog';
import { focusCardSoon } from '../board/board-dnd';
import { timeInColumn } from '../board/card-text';
import { KindBadge } from '../board/kind';
import { Comments } from './Comments';
import { toDraft, toPatch, type Draft, type DraftField, type FieldProblem, type TypedField } from './draft';
import { TextField, type Editor } from './fields';
import { formatDate } from './format';
import { History } from './History';
import { PdcaSections } from './PdcaSections';
import { IdeaThanks } from '../standup/IdeaThanks';
import { Properties } from './Properties';
import { useAutosave, type SaveState } from './use-autosave';
import './detail.css';

type Problems = Partial<Record<DraftField, FieldProblem>>;

export function IdeaDetail({ ideaId }: { ideaId: string }) {
  const t = useT();
  const store = useAppStoreApi();
  const api = useApp((s) => s.api);
  const idPrefix = useId();
  const [detail, setDetail] = useState<IdeaDetailData | null>(null);
  const [loadError, setLoadError] = useState<CallError | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [problems, setProblems] = useState<Problems>({});
  const problemsRef = useRef<Problems>({});
  problemsRef.current = problems;
  const loadSeq = useRef(0);
  const mounted = useRef(true);

  const autosave = useAutosave(ideaId, (idea) => {
    setDetail((d) => (d ? { ...d, idea } : d));
    // The history gained an "edited" line.
    void load();
  });

  const load = useCallback(async () => {
    const seq = ++loadSeq.current;
    const res = await api['ideas:get']({ id: ideaId });
    if (!mounted.current || seq !== loadSeq.current) return;
    if (!res.ok) {
      setLoadError(res.error);
      return;
    }
    setLoadError(null);
    setDetail(res.value);
    const server = toDraft(res.value.idea);
    // Fields the person is still editing (waiting, saving, failed or invalid) keep what they typed.
    setDraft((prev) => {
      if (!prev) return server;
      const keep = new Set<string>([...autosave.unsettled(), ...Object.keys(problemsRef.current)]);
      const next = { ...server } as Record<string, unknown>;
      for (const key of keep) if (key in prev) next[key] = prev[key as DraftField];
      return next as unknown as Draft;
    });
  }, [api, ideaId, autosave]);

  useEffect(() => {
    mounted.current = true;
    void load();
    return () => {
      mounted.current = false;
    };
    // Load once per opened idea; later loads follow saves and actions.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ideaId]);

  const setProblem = (field: DraftField, problem: FieldProblem | null) =>
    setProblems((p) => {
      if (!problem && !(field in p)) return p;
      const next = { ...p };
      if (problem) next[field] = problem;
      else delete next[field];
      return next;
    });

  const problemText = (problem: FieldProblem): string => {
    switch (problem.kind) {
      case 'titleRequired':
        return t('detail.error.titleRequired');
      case 'tooLong':
        return t('detail.error.tooLong', { max: problem.max, count: problem.count });
      case 'grade':
        return t('detail.error.grade');
      case 'date':
        return t('detail.error.date');
    }
  };

  const close = () => {
    void autosave.flush();
    store.getState().closeDetail();
  };

  if (!detail || !draft) {
    return (
      <Dialog title={loadError ? t('detail.loadFailed') : t('detail.loading')} onClose={close} className="dialog--wide detail-dialog">
        {loadError ? (
          <div className="detail-loadfail" role="alert">
            <p>{describeError(t, loadError)}</p>
            <button type="button" className="button" onClick={() => void load()}>
              {t('detail.retry')}
            </button>
          </div>
        ) : (
          <p className="detail-loading" aria-busy="true">
            {t('detail.loading')}
          </p>
        )}
      </Dialog>
    );
  }

  const editor: Editor = {
    draft,
    idPrefix,
    problem: (field) => {
      const problem = problems[field];
      return problem ? problemText(problem) : null;
    },
    type: (field: TypedField, value: string) => {
      setDraft((d) => (d ? { ...d, [field]: value } : d));
      const result = toPatch(field, value);
      if (!result.ok) {
        setProblem(field, result.problem);
        autosave.drop(field);
        return;
      }
      setProblem(field, null);
      autosave.queue(result.patch, false);
    },
    commit: (field) => {
      if (!problemsRef.current[field]) void autosave.flush();
    },
    choose: (field, value) => {
      setDraft((d) => (d ? { ...d, [field]: value } : d));
      const result = toPatch(field, value);
      if (result.ok) autosave.queue(result.patch, true);
    },
  };

  const { idea } = detail;
  const title = draft.title.trim() || idea.title;

  return (
    <Dialog title={title} onClose={close} className="dialog--wide detail-dialog">
      <div className="detail">
        <Toolbar detail={detail} saveState={autosave.state} flush={autosave.flush} reload={load} />
        <div className="detail-grid">
          <div className="detail-main">
            <TextField editor={editor} field="title" maxLength={TITLE_MAX + 50} className="detail-field--title" />
            <TextField editor={editor} field="description" multiline rows={3} maxLength={TEXT_MAX} />
            {idea.stage === 'afgerond' && idea.outcome && (
              <section className={`detail-finished detail-finished--${idea.outcome}`} aria-labelledby={`${idPrefix}-finished`}>
                <h3 id={`${idPrefix}-finished`} className="detail-finished__title">
                  {t('detail.finished')}: {t(`outcome.${idea.outcome}`)}
                </h3>
                <TextField editor={editor} field="lesson" multiline maxLength={TEXT_MAX} />
              </section>
            )}
            <PdcaSections editor={editor} stage={idea.stage} />
            <Comments ideaId={ideaId} comments={detail.comments} onAdded={() => void load()} />
            <IdeaThanks ideaId={ideaId} suggestedToId={idea.ownerId ?? idea.authorId} onSent={() => void load()} />
          </div>
          <aside className="detail-side" aria-label={t('detail.properties')}>
            <Properties editor={editor} />
            <About detail={detail} />
            <History events={detail.events} />
          </aside>
        </div>
      </div>
    </Dialog>
  );
}

interface ToolbarProps {
  detail: IdeaDetailData;
  saveState: SaveState;
  flush: () => Promise<void>;
  reload: () => Promise<void>;
}

/** The card to focus once `id` leaves the board: the one below it, else above it, else the first card anywhere. */
function cardAfterRemoval(columns: Columns, id: string): string | null {
  for (const stage of STAGES) {
    const list = columns[stage];
    const index = list.indexOf(id);
    if (index >= 0 && list.length > 1) return list[index + 1] ?? list[index - 1] ?? null;
  }
  return STAGES.flatMap((stage) => columns[stage]).find((other) => other !== id) ?? null;
}

/** Where the idea stands, whether it is saved, and what can be done with it. */
function Toolbar({ detail, saveState, flush, reload }: ToolbarProps) {
  const t = useT();
  const store = useAppStoreApi();
  const id = useId();
  const { idea } = detail;

  const moveTo = async (stage: Stage) => {
    await flush();
    const s = store.getState();
    if (stage === 'afgerond') {
      // The board's outcome dialog asks how it ended; this dialog makes way for it.
      s.closeDetail();
      s.askFinish({ id: idea.id, toStage: 'afgerond', afterId: null, title: idea.title });
      return;
    }
    const moved = await s.moveIdea(idea.id, stage, null);
    if (moved) {
      s.announce(t('detail.move.done', { title: idea.title, stage: t(`stage.${stage}`) }));
      await reload();
    }
  };

  const cycle = async () => {
    await flush();
    const s = store.getState();
    if (await s.cycleIdea(idea.id)) {
      s.announce(t('detail.cycle.done', { title: idea.title, cycle: idea.cycle + 1 }));
      await reload();
    }
  };

  const remove = async () => {
    await flush();
    const next = cardAfterRemoval(store.getState().columns, idea.id);
    if (await store.getState().deleteIdea(idea.id)) {
      // The card that had focus before the dialog is gone: keep keyboard users on the board.
      if (next) focusCardSoon(next);
      else setTimeout(() => document.getElementById('board-search')?.focus(), 0);
    }
  };

  return (
    <div className="detail-toolbar">
      <div className="detail-toolbar__where">
        <span className={`detail-stage detail-stage--${idea.stage}`}>{t(`stage.${idea.stage}`)}</span>
        <KindBadge kind={idea.kind} />
        <SaveStatus state={saveState} onRetry={() => void flush()} />
      </div>
      <div className="detail-toolbar__actions">
        <div className="detail-move">
          <label className="detail-move__label" htmlFor={`${id}-move`}>
            {t('detail.move')}
          </label>
          <select
            id={`${id}-move`}
            value=""
            onChange={(e) => {
              const stage = e.target.value as Stage;
              if (stage) void moveTo(stage);
            }}
          >
            <option value="">{t('detail.move.placeholder')}</option>
            {STAGES.filter((s) => s !== idea.stage).map((s) => (
              <option key={s} value={s}>
                {t(`stage.${s}`)}
              </option>
            ))}
          </select>
        </div>
        {idea.stage === 'act' && (
          <button type="button" className="button" onClick={() => void cycle()} title={t('detail.cycle.hint', { next: idea.cycle + 1 })}>
            <RefreshCw size={15} aria-hidden="true" />
            {t('detail.cycle')}
          </button>
        )}
        <button type="button" className="button button--danger" onClick={() => void remove()}>
          <Trash2 size={15} aria-hidden="true" />
          {t('detail.delete')}
        </button>
      </div>
    </div>
  );
}

function SaveStatus({ state, onRetry }: { state: SaveState; onRetry: () => void }) {
  const t = useT();
  if (state.kind === 'error') {
    return (
      <span className="detail-status detail-status--error" role="alert">
        <span>{t('detail.status.error', { reason: describeError(t, state.error) })}</span>
        <button type="button" className="detail-link-button" onClick={onRetry}>
          {t('detail.status.retry')}
        </button>
      </span>
    );
  }
  return (
    <span className={`detail-status detail-status--${state.kind}`} role="status">
      {state.kind === 'saved' && <span className="detail-status__tick" aria-hidden="true">✓</span>}
      {t(`detail.status.${state.kind}`)}
    </span>
  );
}

/** Who logged it, when, which cycle, and how long it has been in its column. */
function About({ detail }: { detail: IdeaDetailData }) {
  const t = useT();
  const { dateLocale } = useLocale();
  const people = useApp((s) => s.people);
  const { idea } = detail;
  const author = people.find((p) => p.id === idea.authorId)?.name ?? t('person.unknown');
  return (
    <section className="detail-section detail-about" aria-label={t('detail.about')}>
      <dl className="detail-about__list">
        <div>
          <dt>{t('detail.meta.stage')}</dt>
          <dd>
            {t(`stage.${idea.stage}`)}{' '}
            <span className="detail-about__muted">{t('detail.meta.since', { time: timeInColumn(t, idea.stageEnteredAt, dateLocale) })}</span>
          </dd>
        </div>
        <div>
          <dt>{t('detail.meta.author')}</dt>
          <dd>{author}</dd>
        </div>
        <div>
          <dt>{t('detail.meta.created')}</dt>
          <dd>{formatDate(idea.createdAt, dateLocale)}</dd>
        </div>
        <div>
          <dt>{t('detail.meta.cycle')}</dt>
          <dd>{idea.cycle}</dd>
        </div>
        {idea.outcome && (
          <div>
            <dt>{t('detail.meta.outcome')}</dt>
            <dd>{t(`outcome.${idea.outcome}`)}</dd>
          </div>
        )}
      </dl>
    </section>
  );
}
