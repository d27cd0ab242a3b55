/** How the renderer reaches the core: Electron's preload bridge when present, else the browser harness over HTTP. */
import { createApi, type CallName, type Transport } from '../../shared/calls';
import type { KaizenApi } from '../../shared/contract';
import type { Result } from '../../shared/result';

type Bridge = Record<CallName, (input: unknown) => Promise<Result<unknown>>>;

declare global {
  interface Window {
    kaizen?: Bridge;
  }
}

const unavailable = (message: string): Result<never> => ({ ok: false, error: { code: 'unavailable', message } });

export const bridgeTransport =
  (bridge: Bridge): Transport =>
  async (name, input) => {
    try {
      return await bridge[name](input);
    } catch (err) {
      return unavailable(err instanceof Error ? err.message : String(err));
    }
  };

export const httpTransport =
  (base = ''): Transport =>
  async (name, input) => {
    try {
      const res = await fetch(`${base}/api/${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(input ?? {}),
      });
      const body = (await res.json()) as Result<unknown>;
      if (body && typeof body === 'object' && 'ok' in body) return body;
      return unavailable(`Unexpected response (${res.status})`);
    } catch (err) {
      return unavailable(err instanceof Error ? err.message : String(err));
    }
  };

/** The API for this window: Electron when the preload bridge exists, else HTTP to the harness. */
export function createWindowApi(): KaizenApi {
  return createApi(window.kaizen ? bridgeTransport(window.kaizen) : httpTransport());
}
