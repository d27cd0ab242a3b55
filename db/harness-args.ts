/** Command-line options of `npm run harness`. */
import os from 'node:os';
import path from 'node:path';

export const DEFAULT_PORT = 5174;
/** Outside the repository so `git clean` or a fresh clone never touches the data. */
export const DEFAULT_DATA_DIR = path.join(os.homedir(), '.kaizenbord-harness');

/** Most ideas --demo N generates (a million takes minutes and gigabytes). */
export const MAX_DEMO_COUNT = 1_000_000;

export const USAGE = `Usage: npm run harness -- [--port N] [--data DIR] [--demo [N]]
  --port N    port on 127.0.0.1 (0 = any free port; default ${DEFAULT_PORT})
  --data DIR  folder for kaizenbord.sqlite (default ${DEFAULT_DATA_DIR})
  --demo      fill an empty database with a demo board
  --demo N    fill an empty database with N generated ideas (up to ${MAX_DEMO_COUNT.toLocaleString('en')}), e.g. 100000`;

export interface CliArgs {
  port: number;
  dataDir: string;
  demo: boolean;
  /** With --demo N: how many ideas to generate. */
  demoCount?: number;
  help: boolean;
}

export function parseArgs(argv: readonly string[]): CliArgs {
  const args: CliArgs = { port: DEFAULT_PORT, dataDir: DEFAULT_DATA_DIR, demo: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new Error(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--port': {
        const raw = value();
        const port = Number(raw);
        if (!/^\d+$/.test(raw) || port > 65535) throw new Error(`--port must be a number from 0 to 65535, not "${raw}"`);
        args.port = port;
        break;
      }
      case '--data':
        args.dataDir = path.resolve(value());
        break;
      case '--demo': {
        args.demo = true;
        // An optional count: --demo=N, or --demo N when the next argument is a number.
        const raw = inline ?? (/^\d+$/.test(argv[i + 1] ?? '') ? argv[++i] : undefined);
        if (raw === undefined) break;
        const count = Number(raw);
        if (!/^\d+$/.test(raw) || count < 1 || count > MAX_DEMO_COUNT) {
          throw new Error(`--demo takes a number of ideas from 1 to ${MAX_DEMO_COUNT}, not "${raw}"`);
        }
        args.demoCount = count;
        break;
      }
      case '--help':
      case '-h':
        args.help = true;
        break;
      default:
        throw new Error(`Unknown option ${arg}`);
    }
  }
  return args;
}
