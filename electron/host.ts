/**
 * The host bridge of shared/host.ts in the main process: save a text file, open one, print the window to PDF.
 * Every request is validated at runtime (zod) and must come from the app's own top frame, like the contract calls.
 * Files are written owner-only (0600). Electron is injected (type imports only), so this runs under plain Node in
 * tests (test/core/electron-host.test.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Dialog, IpcMain, IpcMainInvokeEvent, BrowserWindow } from 'electron';
import { z } from 'zod';
import { HOST_CHANNELS, OPEN_FILE_MAX_BYTES, type HostError, type HostOutcome, type OpenOutcome } from '../shared/host';

const fileFilter = z.strictObject({
  name: z.string().min(1).max(100),
  extensions: z.array(z.string().regex(/^[A-Za-z0-9]{1,10}$/)).min(1).max(10),
});
const dialogTitle = z.string().max(200);
const fileName = z.string().min(1).max(200);

export const hostSchemas = {
  saveFile: z.strictObject({
    suggestedName: fileName,
    text: z.string().max(OPEN_FILE_MAX_BYTES),
    mime: z.string().max(100),
    filters: z.array(fileFilter).max(10),
    title: dialogTitle,
  }),
  openFile: z.strictObject({ filters: z.array(fileFilter).max(10), title: dialogTitle }),
  print: z.strictObject({ suggestedName: fileName, title: dialogTitle }),
} as const;

export interface HostDeps {
  ipcMain: Pick<IpcMain, 'handle'>;
  dialog: Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>;
  /** The app's one window, for the dialogs' parent; null when it is gone. */
  window: () => BrowserWindow | null;
  /** The same sender check as the contract calls (electron/security.ts isTrustedSender). */
  isTrusted: (event: IpcMainInvokeEvent) => boolean;
  /** Folder the save dialogs start in (Documents). */
  startDir: () => string;
}

const failed = (code: HostError['code'], message: string) => ({ ok: false, error: { code, message: message.slice(0, 300) } }) as const;

/** Only a file name is ever suggested: no folders from the page. */
const safeName = (name: string): string => path.basename(name.replace(/[\\/]/g, '_')).replace(/^\.+/, '') || 'kaizenbord';

/** Write a file readable by the owner only (also when it existed already). */
async function writePrivate(file: string, data: string | Uint8Array): Promise<void> {
  await fs.promises.writeFile(file, data, { mode: 0o600 });
  if (process.platform !== 'win32') await fs.promises.chmod(file, 0o600);
}

/** Decode a file as UTF-8 text; null when it is not text (invalid UTF-8 or NUL bytes). */
function asText(bytes: Buffer): string | null {
  if (bytes.includes(0)) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

export function registerHostHandlers(deps: HostDeps): void {
  const refused = failed('invalid', 'Refused: untrusted sender');
  const guard = <T>(run: (event: IpcMainInvokeEvent, input: unknown) => Promise<T>) =>
    async (event: IpcMainInvokeEvent, input: unknown): Promise<T | ReturnType<typeof failed>> => {
      if (!deps.isTrusted(event)) return refused;
      try {
        return await run(event, input);
      } catch (error) {
        return failed('io', error instanceof Error ? error.message : String(error));
      }
    };

  deps.ipcMain.handle(
    HOST_CHANNELS.saveFile,
    guard(async (_event, input): Promise<HostOutcome> => {
      const parsed = hostSchemas.saveFile.safeParse(input);
      if (!parsed.success) return failed('invalid', parsed.error.issues[0]?.message ?? 'Invalid request');
      const { suggestedName, text, filters, title } = parsed.data;
      const options = { title, defaultPath: path.join(deps.startDir(), safeName(suggestedName)), filters };
      const win = deps.window();
      const choice = win ? await deps.dialog.showSaveDialog(win, options) : await deps.dialog.showSaveDialog(options);
      if (choice.canceled || !choice.filePath) return { ok: true, value: 'cancelled' };
      await writePrivate(choice.filePath, text);
      return { ok: true, value: 'done' };
    }),
  );

  deps.ipcMain.handle(
    HOST_CHANNELS.openFile,
    guard(async (_event, input): Promise<OpenOutcome> => {
      const parsed = hostSchemas.openFile.safeParse(input);
      if (!parsed.success) return failed('invalid', parsed.error.issues[0]?.message ?? 'Invalid request');
      const options = { title: parsed.data.title, filters: parsed.data.filters, properties: ['openFile' as const] };
      const win = deps.window();
      const choice = win ? await deps.dialog.showOpenDialog(win, options) : await deps.dialog.showOpenDialog(options);
      const file = choice.filePaths[0];
      if (choice.canceled || !file) return { ok: true, value: null };
      const stat = await fs.promises.stat(file);
      if (!stat.isFile()) return failed('io', 'Not a file');
      // Refused before reading: a huge file never reaches memory.
      if (stat.size > OPEN_FILE_MAX_BYTES) return failed('too-large', `${stat.size} bytes`);
      const text = asText(await fs.promises.readFile(file));
      if (text === null) return failed('not-text', 'The file is not UTF-8 text');
      return { ok: true, value: { name: path.basename(file), text } };
    }),
  );

  deps.ipcMain.handle(
    HOST_CHANNELS.print,
    guard(async (event, input): Promise<HostOutcome> => {
      const parsed = hostSchemas.print.safeParse(input);
      if (!parsed.success) return failed('invalid', parsed.error.issues[0]?.message ?? 'Invalid request');
      const base = safeName(parsed.data.suggestedName);
      const options = {
        title: parsed.data.title,
        defaultPath: path.join(deps.startDir(), base.toLowerCase().endsWith('.pdf') ? base : `${base}.pdf`),
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
      };
      const win = deps.window();
      const choice = win ? await deps.dialog.showSaveDialog(win, options) : await deps.dialog.showSaveDialog(options);
      if (choice.canceled || !choice.filePath) return { ok: true, value: 'cancelled' };
      // The sender's own page: the window that asked is the one printed.
      const pdf = await event.sender.printToPDF({ printBackground: true, pageSize: 'A4' });
      await writePrivate(choice.filePath, pdf);
      return { ok: true, value: 'done' };
    }),
  );
}
