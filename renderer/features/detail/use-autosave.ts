/**
 * Saving by itself: edits are queued as a patch and sent through the store, one request at a time. Typed text waits
 * for a pause (or leaving the field); choices go at once. A failed patch is kept and sent again with the next save,
 * so nothing the person typed is lost.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { IdeaPatch } from '../../../shared/contract';
import type { Idea } from '../../../shared/domain';
import type { CallError } from '../../../shared/result';
import { useAppStoreApi } from '../../store/store';

const TYPING_PAUSE_MS = 500;

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'error'; error: CallError };

export interface Autosave {
  state: SaveState;
  /** Add to the patch; `now` sends it at once, otherwise after a pause in typing. */
  queue: (patch: IdeaPatch, now: boolean) => void;
  /** Take a field out of the patch (its value became invalid). */
  drop: (field: keyof IdeaPatch) => void;
  /** Send what is waiting; resolves when everything queued so far has been tried. */
  flush: () => Promise<void>;
  /** Fields whose value in the form is not (yet) what the core has. */
  unsettled: () => Set<string>;
}

const isEmpty = (patch: IdeaPatch) => Object.keys(patch).length === 0;

export function useAutosave(ideaId: string, onSaved: (idea: Idea) => void): Autosave {
  const store = useAppStoreApi();
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const pending = useRef<IdeaPatch>({});
  const inFlight = useRef<IdeaPatch>({});
  const failed = useRef<IdeaPatch>({});
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const running = useRef<Promise<void> | null>(null);
  const mounted = useRef(true);
  const onSavedRef = useRef(onSaved);
  onSavedRef.current = onSaved;

  const show = useCallback((next: SaveState) => {
    if (mounted.current) setState(next);
  }, []);

  const clearTimer = () => {
    if (timer.current !== null) {
      clearTimeout(timer.current);
      timer.current = null;
    }
  };

  const run = useCallback(async () => {
    while (!isEmpty(pending.current) || !isEmpty(failed.current)) {
      // Newer edits win over a patch that failed earlier.
      const patch = { ...failed.current, ...pending.current };
      failed.current = {};
      pending.current = {};
      inFlight.current = patch;
      show({ kind: 'saving' });
      let error: CallError | undefined;
      const idea = await store.getState().updateIdea(ideaId, patch, {
        onError: (e) => {
          error = e;
          // Closed meanwhile: the notice is the only place left to say so.
          if (!mounted.current) store.getState().notify({ tone: 'error', error: e });
        },
      });
      inFlight.current = {};
      if (!idea) {
        failed.current = { ...patch, ...pending.current };
        pending.current = {};
        show({ kind: 'error', error: error ?? { code: 'internal', message: 'Save failed' } });
        return;
      }
      onSavedRef.current(idea);
    }
    show({ kind: 'saved' });
  }, [ideaId, show, store]);

  const flushRef = useRef<() => Promise<void>>(() => Promise.resolve());
  const flush = useCallback((): Promise<void> => {
    clearTimer();
    // One request at a time; whatever was queued meanwhile goes right after.
    if (running.current) return running.current.then(() => (isEmpty(pending.current) ? undefined : flushRef.current()));
    if (isEmpty(pending.current) && isEmpty(failed.current)) return Promise.resolve();
    const current = run().finally(() => {
      running.current = null;
    });
    running.current = current;
    return current;
  }, [run]);
  flushRef.current = flush;

  const queue = useCallback(
    (patch: IdeaPatch, now: boolean) => {
      pending.current = { ...pending.current, ...patch };
      for (const key of Object.keys(patch) as (keyof IdeaPatch)[]) delete failed.current[key];
      if (now) {
        void flush();
        return;
      }
      clearTimer();
      show({ kind: 'pending' });
      timer.current = setTimeout(() => void flush(), TYPING_PAUSE_MS);
    },
    [flush, show],
  );

  const drop = useCallback(
    (field: keyof IdeaPatch) => {
      delete pending.current[field];
      delete failed.current[field];
      if (isEmpty(pending.current) && isEmpty(failed.current) && !running.current) {
        clearTimer();
        setState((s) => (s.kind === 'pending' ? { kind: 'idle' } : s));
      }
    },
    [],
  );

  const unsettled = useCallback(
    () => new Set([...Object.keys(pending.current), ...Object.keys(inFlight.current), ...Object.keys(failed.current)]),
    [],
  );

  useEffect(() => {
    mounted.current = true;
    return () => {
      // Closing the dialog saves whatever is still waiting.
      mounted.current = false;
      void flush();
    };
  }, [flush]);

  return useMemo(() => ({ state, queue, drop, flush, unsettled }), [state, queue, drop, flush, unsettled]);
}
