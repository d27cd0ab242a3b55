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

/** The header and storage key of the browser harness's per-start token (db/harness.ts checks it). */
export const TOKEN_HEADER = 'x-kaizenbord-token';
const TOKEN_KEY = 'kaizenbord-harness-token';

/**
 * The harness's token: from the address it printed (http://127.0.0.1:PORT/#token=…), which is then taken out of the
 * address bar, or from this tab's session storage after a reload.
 */
export function harnessToken(): string {
  if (typeof window === 'undefined') return '';
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  try {
    if (match) {
      window.sessionStorage.setItem(TOKEN_KEY, match[1]!);
      window.history.replaceState(null, '', window.location.pathname + window.location.search);
      return match[1]!;
    }
    return window.sessionStorage.getItem(TOKEN_KEY) ?? '';
  } catch {
    return match?.[1] ?? '';
  }
}

/** Whether this window runs in the desktop app (it can close itself) rather than a browser tab. */
export const isDesktop = (): boolean => typeof window !== 'undefined' && window.kaizen !== undefined;

export const httpTransport =
  (base = '', token = harnessToken()): Transport =>
  async (name, input) => {
    try {
      const res = await fetch(`${base}/api/${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
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
