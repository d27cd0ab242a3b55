/** Re-render once a minute so "3 dagen in Plan" stays true; one shared timer for all cards. */
import { useSyncExternalStore } from 'react';

const listeners = new Set<() => void>();
let tick = 0;
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!timer) {
    timer = setInterval(() => {
      tick++;
      for (const l of listeners) l();
    }, 60_000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

export function useMinute(): number {
  return useSyncExternalStore(
    subscribe,
    () => tick,
    () => tick,
  );
}
