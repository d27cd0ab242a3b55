/**
 * Benchmark of the ideas file: export, preview, apply and a repeated import of a large board on real SQLite files.
 * Run: npx tsx db/exchange/bench.ts [ideas=5000]. Prints one line per step with its time and the file size.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, type Core } from '../service';

const count = Number(process.argv[2] ?? 5000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kaizenbord-bench-exchange-'));

async function value<T>(pending: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const res = await pending;
  if (!res.ok) throw new Error(res.error.message);
  return res.value;
}

async function timed<T>(label: string, run: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await run();
  console.log(`${label.padEnd(34)} ${(performance.now() - start).toFixed(0).padStart(6)} ms`);
  return result;
}

async function main() {
  const source: Core = createCore({ dbPath: path.join(dir, 'source.sqlite') });
  const people = await Promise.all(['Anna', 'Bram', 'Cas', 'Dewi'].map((name) => value(source.api['people:create']({ name }))));
  const { touchpoints, values } = await value(source.api['app:bootstrap']({}));
  await timed(`seed ${count} ideas (+edit, comment)`, async () => {
    for (let i = 0; i < count; i++) {
      const actor = people[i % people.length]!;
      const idea = await value(
        source.api['ideas:create']({ actorId: actor.id, title: `Idee ${i} — verbeteren`, kind: i % 3 ? 'verbeter' : 'verleuk', touchpointId: touchpoints[i % touchpoints.length]!.id }),
      );
      await value(source.api['ideas:update']({ id: idea.id, actorId: actor.id, patch: { problem: 'Klanten wachten te lang '.repeat(8), valueIds: [values[i % values.length]!.id] } }));
      if (i % 2) await value(source.api['comments:add']({ ideaId: idea.id, authorId: people[(i + 1) % people.length]!.id, body: 'Goed idee!' }));
    }
  });
  const exported = await timed('export all ideas', () => value(source.api['ideas:export']({})));
  console.log(`${'file size'.padEnd(34)} ${(exported.text.length / 1024 / 1024).toFixed(1).padStart(6)} MB`);

  const target: Core = createCore({ dbPath: path.join(dir, 'target.sqlite') });
  const preview = await timed('preview on an empty laptop', () => value(target.api['exchange:preview']({ text: exported.text })));
  await timed('apply', () => value(target.api['exchange:apply']({ text: exported.text, token: preview.token })));
  const again = await timed('preview the same file again', () => value(target.api['exchange:preview']({ text: exported.text })));
  await timed('apply the same file again (no-op)', () => value(target.api['exchange:apply']({ text: exported.text, token: again.token })));
  source.close();
  target.close();
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => fs.rmSync(dir, { recursive: true, force: true }));
