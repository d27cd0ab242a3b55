/**
 * @doyensec/electronegativity over the Electron shell (sources, the renderer's index.html and the built main and
 * preload bundles). Every finding must be fixed or justified in build/electronegativity.md; the CSV report goes to
 * test-results/electronegativity-report.csv.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildElectron } from '../../build/scripts/build-electron.mjs';
import { tempDir } from './support';

const ROOT = path.resolve(__dirname, '..', '..');
const require = createRequire(import.meta.url);

interface Finding {
  issue: string;
  severity: string;
  file: string;
  location: string;
}

/** RFC 4180 CSV (quoted cells may hold commas, quotes and newlines). */
function parseCsv(text: string): Finding[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell.trim());
      cell = '';
    } else if (ch === '\n') {
      row.push(cell.trim());
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell.trim() || row.length) rows.push([...row, cell.trim()]);
  return rows
    .slice(1)
    .filter((r) => r.length > 4)
    .map((r) => ({ issue: r[0]!, severity: r[1]!, file: r[3]!, location: r[4]! }));
}

/** `| CHECK | file | justification |` rows of the "After" table. */
function justified(): Set<string> {
  const md = fs.readFileSync(path.join(ROOT, 'build', 'electronegativity.md'), 'utf8');
  const after = md.slice(md.indexOf('## After'));
  const rows = [...after.matchAll(/^\| ([A-Z_]+) \| (\S+) \| (.{20,}) \|$/gm)];
  return new Set(rows.map((m) => `${m[1]} ${m[2]}`));
}

describe('electronegativity', () => {
  it('finds nothing in the Electron shell that is not fixed or justified in build/electronegativity.md', async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'src'));
    for (const file of fs.readdirSync(path.join(ROOT, 'electron'))) fs.copyFileSync(path.join(ROOT, 'electron', file), path.join(dir, 'src', file));
    fs.copyFileSync(path.join(ROOT, 'renderer', 'index.html'), path.join(dir, 'src', 'index.html'));
    await buildElectron(path.join(dir, 'out'));
    // The scanner reads .js files only.
    for (const part of ['main/main', 'preload/preload']) fs.renameSync(path.join(dir, 'out', `${part}.cjs`), path.join(dir, 'out', `${part}.js`));

    const report = path.join(ROOT, 'test-results', 'electronegativity-report.csv');
    fs.mkdirSync(path.dirname(report), { recursive: true });
    fs.rmSync(report, { force: true });
    const bin = path.join(path.dirname(require.resolve('@doyensec/electronegativity/package.json')), 'dist', 'index.js');
    const run = spawnSync(process.execPath, [bin, '-i', dir, '-o', report, '-r', '-e', '41.0.0'], { encoding: 'utf8', timeout: 90_000 });
    expect(run.error).toBeUndefined();
    expect(fs.existsSync(report)).toBe(true);

    const findings = parseCsv(fs.readFileSync(report, 'utf8'));
    const allowed = justified();
    console.log(`electronegativity: ${findings.length} findings (${findings.map((f) => `${f.issue} ${f.file}`).join('; ')})`);
    expect(allowed.size).toBeGreaterThan(0);
    expect(findings.filter((f) => !allowed.has(`${f.issue} ${f.file}`))).toEqual([]);
    // The scan really looked at the window: the constructor it used to flag is in the sources it read.
    expect(fs.readFileSync(path.join(dir, 'src', 'main.ts'), 'utf8')).toContain('new BrowserWindow(');
  }, 120_000);
});
