/**
 * Sandboxed preload: exposes `window.kaizen`, one function per call of the contract and nothing else.
 * ipcRenderer itself never reaches the page; each function invokes the channel named after its call.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { CALL_NAMES, type CallName } from '../shared/calls';
import type { Result } from '../shared/result';

type Bridge = Record<CallName, (input: unknown) => Promise<Result<unknown>>>;

const bridge = {} as Bridge;
for (const name of CALL_NAMES) {
  bridge[name] = async (input: unknown) => {
    try {
      return (await ipcRenderer.invoke(name, input)) as Result<unknown>;
    } catch (err) {
      // The main process is gone or threw: still a Result, never an exception in the page.
      return { ok: false, error: { code: 'unavailable', message: err instanceof Error ? err.message : String(err) } };
    }
  };
}

contextBridge.exposeInMainWorld('kaizen', Object.freeze(bridge));
