/** Reference-data edits for the settings view, each announced to screen readers when done. */
import type { CallInput } from '../../../shared/contract';
import { useT } from '../../i18n/use-t';
import type { RefCall } from '../../store/ref-slice';
import { useAppStoreApi } from '../../store/store';

export function useReferenceEdit() {
  const store = useAppStoreApi();
  const t = useT();
  /** Run a call; on success announce `message` (a key with vars) and return true. Failures become a notice. */
  return async <K extends RefCall>(name: K, input: CallInput<K>, message?: [string, Record<string, string | number>]) => {
    const result = await store.getState().editReference(name, input);
    if (result === undefined) return false;
    if (message) store.getState().announce(t(message[0], message[1]));
    return true;
  };
}
