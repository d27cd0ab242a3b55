/**
 * What the window may ask of its host besides the core's calls: saving and opening files and printing.
 * In Electron the preload exposes `window.kaizenHost` (native dialogs, printToPDF); in the browser harness the
 * renderer falls back to a download, a file picker and window.print() (renderer/api/host.ts).
 * Pure types and limits: no Node, DOM or Electron imports.
 */

/** A file type offered in a save or open dialog. */
export interface FileFilter {
  /** Shown to the user, already translated, e.g. "Kaizenbord-ideeën". */
  name: string;
  /** Extensions without the dot, e.g. ['json']. */
  extensions: string[];
}

export interface SaveFileRequest {
  /** File name offered to the user, e.g. "kaizenbord-ideeen-2026-11-23.json". */
  suggestedName: string;
  /** The whole file as text (UTF-8); CSV callers include the BOM themselves. */
  text: string;
  /** MIME type for the browser download, e.g. 'application/json' or 'text/csv'. */
  mime: string;
  filters: FileFilter[];
  /** Dialog title, already translated. */
  title: string;
}

export interface OpenFileRequest {
  filters: FileFilter[];
  title: string;
}

export interface OpenedFile {
  /** The file's base name (never a path). */
  name: string;
  text: string;
}

export interface PrintRequest {
  /** PDF file name offered to the user (Electron); the browser shows its own print dialog. */
  suggestedName: string;
  title: string;
}

export type HostOutcome = { ok: true; value: 'done' | 'cancelled' } | { ok: false; error: HostError };
export type OpenOutcome = { ok: true; value: OpenedFile | null } | { ok: false; error: HostError };

/** Why a host action failed; the renderer turns the code into a sentence in the user's language. */
export interface HostError {
  code: 'too-large' | 'not-text' | 'io' | 'invalid';
  message: string;
}

/** Files larger than this are refused before they are read. */
export const OPEN_FILE_MAX_BYTES = 50 * 1024 * 1024;

export interface Host {
  kind: 'electron' | 'browser';
  saveFile(request: SaveFileRequest): Promise<HostOutcome>;
  openFile(request: OpenFileRequest): Promise<OpenOutcome>;
  /** Print the current window: Electron saves a PDF where the user chooses; the browser opens its print dialog. */
  print(request: PrintRequest): Promise<HostOutcome>;
}

/** The channel names the Electron preload uses for the host actions (never core call names). */
export const HOST_CHANNELS = {
  saveFile: 'host:save-file',
  openFile: 'host:open-file',
  print: 'host:print',
} as const;
