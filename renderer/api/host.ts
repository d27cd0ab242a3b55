/**
 * The host of this window (see shared/host.ts): Electron's `window.kaizenHost` when the preload provides it,
 * else the browser: a download for saving, a file picker for opening, window.print() for printing.
 */
import { OPEN_FILE_MAX_BYTES, type Host, type HostOutcome, type OpenOutcome } from '../../shared/host';

declare global {
  interface Window {
    kaizenHost?: Omit<Host, 'kind'>;
  }
}

const failed = (code: 'too-large' | 'not-text' | 'io' | 'invalid', message: string) =>
  ({ ok: false, error: { code, message } }) as const;

function bridgeHost(bridge: Omit<Host, 'kind'>): Host {
  const guard =
    <A, R extends HostOutcome | OpenOutcome>(fn: (a: A) => Promise<R>) =>
    async (a: A): Promise<R> => {
      try {
        return await fn(a);
      } catch (err) {
        return failed('io', err instanceof Error ? err.message : String(err)) as R;
      }
    };
  return {
    kind: 'electron',
    saveFile: guard((r) => bridge.saveFile(r)),
    openFile: guard((r) => bridge.openFile(r)),
    print: guard((r) => bridge.print(r)),
  };
}

export const browserHost: Host = {
  kind: 'browser',
  async saveFile({ suggestedName, text, mime }) {
    const url = URL.createObjectURL(new Blob([text], { type: mime }));
    try {
      const link = document.createElement('a');
      link.href = url;
      link.download = suggestedName;
      link.rel = 'noopener';
      document.body.append(link);
      link.click();
      link.remove();
    } finally {
      // Give the download a moment to start before the URL goes away.
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    }
    return { ok: true, value: 'done' };
  },
  openFile({ filters }) {
    return new Promise<OpenOutcome>((resolve) => {
      const input = document.createElement('input');
      input.type = 'file';
      input.accept = filters.flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',');
      input.style.display = 'none';
      let settled = false;
      const done = (outcome: OpenOutcome) => {
        if (settled) return;
        settled = true;
        input.remove();
        resolve(outcome);
      };
      input.addEventListener('cancel', () => done({ ok: true, value: null }));
      input.addEventListener('change', () => {
        const file = input.files?.[0];
        if (!file) return done({ ok: true, value: null });
        if (file.size > OPEN_FILE_MAX_BYTES) return done(failed('too-large', `${file.size} bytes`));
        file.text().then(
          (text) => done({ ok: true, value: { name: file.name, text } }),
          (err: unknown) => done(failed('io', err instanceof Error ? err.message : String(err))),
        );
      });
      document.body.append(input);
      input.click();
    });
  },
  async print() {
    window.print();
    return { ok: true, value: 'done' };
  },
};

/** The host for this window. */
export function getHost(): Host {
  return typeof window !== 'undefined' && window.kaizenHost ? bridgeHost(window.kaizenHost) : browserHost;
}
