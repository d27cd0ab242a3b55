/**
 * Sandboxed preload: exposes `window.kaizen`, one function per call of the contract, and `window.kaizenHost`
 * (save a file, open one, print: shared/host.ts), and nothing else. ipcRenderer itself never reaches the page;
 * each function invokes its own channel.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { CALL_NAMES, type CallName } from '../shared/calls';
import { HOST_CHANNELS, type Host } from '../shared/host';
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

type HostBridge = Omit<Host, 'kind'>;
const hostCall =
  (channel: string) =>
  async (request: unknown): Promise<never> => {
    try {
      return (await ipcRenderer.invoke(channel, request)) as never;
    } catch (err) {
      return { ok: false, error: { code: 'io', message: err instanceof Error ? err.message : String(err) } } as never;
    }
  };
const host: HostBridge = {
  saveFile: hostCall(HOST_CHANNELS.saveFile),
  openFile: hostCall(HOST_CHANNELS.openFile),
  print: hostCall(HOST_CHANNELS.print),
};

contextBridge.exposeInMainWorld('kaizenHost', Object.freeze(host));
