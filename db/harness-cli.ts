/**
 * `npm run harness -- [--port N] [--data DIR] [--demo [N]]`: the app in a browser, on 127.0.0.1 only.
 * Prints exactly one line on stdout (with the URL); build progress and errors go to stderr.
 */
import { parseArgs, USAGE, type CliArgs } from './harness-args';
import { startHarness } from './harness';

async function main(): Promise<void> {
  let args: CliArgs;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n${USAGE}\n`);
    process.exit(2);
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const harness = await startHarness({
    port: args.port,
    dataDir: args.dataDir,
    demo: args.demoCount ?? args.demo,
    log: (line) => process.stderr.write(`${line}\n`),
  });
  process.stdout.write(`Kaizenbord harness: ${harness.url} (data: ${harness.dataDir}; Ctrl+C stops)\n`);

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void harness.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`Kaizenbord harness could not start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
