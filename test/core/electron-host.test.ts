/** The Electron host bridge (electron/host.ts) on fakes of ipcMain and dialog: validation, sender check, files. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { registerHostHandlers } from '../../electron/host';
import { HOST_CHANNELS, OPEN_FILE_MAX_BYTES } from '../../shared/host';
import { tempDir } from './support';

type Handler = (event: unknown, input: unknown) => Promise<unknown>;

function setup(choice: { filePath?: string; filePaths?: string[]; canceled?: boolean }, trusted = true) {
  const handlers = new Map<string, Handler>();
  const dialogs: { kind: string; options: Record<string, unknown> }[] = [];
  const printed: unknown[] = [];
  registerHostHandlers({
    ipcMain: { handle: (channel: string, handler: Handler) => handlers.set(channel, handler) } as never,
    dialog: {
      showSaveDialog: async (...args: unknown[]) => {
        dialogs.push({ kind: 'save', options: args[args.length - 1] as Record<string, unknown> });
        return { canceled: !!choice.canceled, filePath: choice.filePath };
      },
      showOpenDialog: async (...args: unknown[]) => {
        dialogs.push({ kind: 'open', options: args[args.length - 1] as Record<string, unknown> });
        return { canceled: !!choice.canceled, filePaths: choice.filePaths ?? [] };
      },
    } as never,
    window: () => null,
    isTrusted: () => trusted,
    startDir: () => '/home/user/Documents',
  });
  const event = {
    sender: {
      printToPDF: async (options: unknown) => {
        printed.push(options);
        return Buffer.from('%PDF-1.7 fake');
      },
    },
  };
  const call = (channel: string, input: unknown) => handlers.get(channel)!(event, input);
  return { handlers, dialogs, printed, call };
}

const filters = [{ name: 'Kaizenbord-ideeën', extensions: ['json'] }];
const mode = (file: string) => fs.statSync(file).mode & 0o777;

describe('Electron host bridge', () => {
  it('saves text where the user chose, owner-only, suggesting only a file name', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'export.json');
    fs.writeFileSync(file, 'old', { mode: 0o644 });
    const { call, dialogs } = setup({ filePath: file });
    const outcome = await call(HOST_CHANNELS.saveFile, {
      suggestedName: '../../etc/kaizenbord-ideeen.json',
      text: '{"ok":true}',
      mime: 'application/json',
      filters,
      title: 'Ideeën bewaren',
    });
    expect(outcome).toEqual({ ok: true, value: 'done' });
    expect(fs.readFileSync(file, 'utf8')).toBe('{"ok":true}');
    if (process.platform !== 'win32') expect(mode(file)).toBe(0o600);
    expect(dialogs[0]!.options).toMatchObject({ title: 'Ideeën bewaren', filters });
    expect(path.dirname(dialogs[0]!.options.defaultPath as string)).toBe('/home/user/Documents');
    expect(path.basename(dialogs[0]!.options.defaultPath as string)).not.toContain('/');
  });

  it('reports a cancelled dialog and writes nothing', async () => {
    const { call } = setup({ canceled: true });
    expect(await call(HOST_CHANNELS.saveFile, { suggestedName: 'a.csv', text: 'x', mime: 'text/csv', filters, title: 't' })).toEqual({
      ok: true,
      value: 'cancelled',
    });
    expect(await call(HOST_CHANNELS.openFile, { filters, title: 't' })).toEqual({ ok: true, value: null });
  });

  it('opens a UTF-8 file and returns its name (never its path) and text', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'team.json');
    fs.writeFileSync(file, '\uFEFF{"naam":"Anouk"}');
    const { call } = setup({ filePaths: [file] });
    expect(await call(HOST_CHANNELS.openFile, { filters, title: 'Openen' })).toEqual({ ok: true, value: { name: 'team.json', text: '{"naam":"Anouk"}' } });
  });

  it('refuses files over the limit before reading them, and files that are not text', async () => {
    const dir = tempDir();
    const big = path.join(dir, 'big.json');
    const fd = fs.openSync(big, 'w');
    fs.ftruncateSync(fd, OPEN_FILE_MAX_BYTES + 1);
    fs.closeSync(fd);
    expect(await setup({ filePaths: [big] }).call(HOST_CHANNELS.openFile, { filters, title: 't' })).toMatchObject({
      ok: false,
      error: { code: 'too-large' },
    });
    const binary = path.join(dir, 'photo.json');
    fs.writeFileSync(binary, Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x10]));
    expect(await setup({ filePaths: [binary] }).call(HOST_CHANNELS.openFile, { filters, title: 't' })).toMatchObject({
      ok: false,
      error: { code: 'not-text' },
    });
  });

  it('prints the sender page to a PDF where the user chose', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'standup.pdf');
    const { call, printed, dialogs } = setup({ filePath: file });
    expect(await call(HOST_CHANNELS.print, { suggestedName: 'standup-2026-11-23', title: 'Afdrukken' })).toEqual({ ok: true, value: 'done' });
    expect(printed).toHaveLength(1);
    expect(fs.readFileSync(file, 'utf8')).toBe('%PDF-1.7 fake');
    if (process.platform !== 'win32') expect(mode(file)).toBe(0o600);
    expect(path.basename(dialogs[0]!.options.defaultPath as string)).toBe('standup-2026-11-23.pdf');
  });

  it.each([
    ['not an object', HOST_CHANNELS.saveFile, 'save'],
    ['a missing field', HOST_CHANNELS.saveFile, { suggestedName: 'a', mime: 'x', filters: [], title: 't' }],
    ['an extra field', HOST_CHANNELS.openFile, { filters: [], title: 't', path: '/etc/passwd' }],
    ['a bad extension', HOST_CHANNELS.openFile, { filters: [{ name: 'x', extensions: ['*'] }], title: 't' }],
    ['a too long text', HOST_CHANNELS.saveFile, { suggestedName: 'a', text: 'x'.repeat(OPEN_FILE_MAX_BYTES + 1), mime: 'x', filters: [], title: 't' }],
    ['a __proto__ key', HOST_CHANNELS.print, JSON.parse('{"suggestedName":"a","title":"t","__proto__":{"x":1}}') as unknown],
  ])('refuses %s without opening a dialog', async (_label, channel, input) => {
    const { call, dialogs } = setup({ filePath: '/tmp/never' });
    expect(await call(channel, input)).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(dialogs).toEqual([]);
  });

  it('refuses an untrusted sender without opening a dialog', async () => {
    const { call, dialogs } = setup({ filePath: '/tmp/never' }, false);
    expect(await call(HOST_CHANNELS.print, { suggestedName: 'a', title: 't' })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(dialogs).toEqual([]);
  });
});
