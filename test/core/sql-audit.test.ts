/**
 * SQL audit: values reach SQL only as bound parameters. Every template literal in db/**\/*.ts that builds SQL (it
 * reads like SQL, or it is passed to prepare/exec/pragma/stmt) may interpolate only reviewed constant fragments:
 * UPPER_CASE module constants, or an expression on the per-file list below (each with the reason it is not user
 * data). String concatenation with `+` inside those calls is refused outright. A new interpolation fails this test
 * until it is bound as a parameter or reviewed and added here.
 * The FTS part: search text is sanitised (db/queries/search.ts), so any query works or is refused, never an SQL error.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { makeCore, setupTeam, unwrap } from './support';

const ROOT = path.resolve(__dirname, '..', '..');
const SQL_WORDS = /\b(SELECT|INSERT|UPDATE|DELETE|CREATE|DROP|ALTER|PRAGMA|WHERE|VALUES|ORDER BY|VACUUM|ATTACH)\b/;
const SQL_CALLS = new Set(['prepare', 'exec', 'pragma', 'stmt']);
const CONSTANT = /^[A-Z][A-Z0-9_]*$/;

/**
 * Reviewed names per file: variables (or property paths) that hold only fragments fixed in code, with the reason.
 * An interpolation passes when every value it reads is an UPPER_CASE constant, a literal, a parameter of a callback
 * inside it (mapping a constant list), or one of these names; helpers it calls are audited where they are written.
 */
const REVIEWED: Record<string, Record<string, string>> = {
  'db/open.ts': { 'm.version': 'integer version of a migration module in the code' },
  'db/demo.ts': { cacheSize: 'number computed in the demo seeder' },
  'db/queries/board.ts': {
    where: "joined from fixed clauses with '?' placeholders (filterWhere)",
    counted: 'one of two fixed conditions chosen in code (filterBoard)',
  },
  'db/queries/ideas.ts': {
    sets: "column names from the IDEA_COLUMNS map, each '= ?'",
    f: 'a typed field name, key of IDEA_COLUMNS',
  },
  'db/exchange/export.ts': {
    columns: 'EXCHANGE_COLUMNS of a known table, quoted',
    table: 'one of EXCHANGE_TABLES (constant list)',
    where: "conditions with '?' placeholders",
    order: 'constant ORDER BY per table',
    conditions: "fixed conditions with '?' placeholders",
    loose: "fixed conditions with '?' placeholders",
    c: 'column name from EXCHANGE_COLUMNS',
  },
  'db/exchange/merge.ts': {
    table: 'one of EXCHANGE_TABLES',
    local: 'one of EXCHANGE_TABLES',
    'ref.table': 'reference tables from the constant schema map',
    'ref.column': 'reference columns from the constant schema map',
    columns: 'column names checked against /^[a-z][a-z0-9_]{0,62}$/ (file.ts) or from the schema',
    q: 'the identifier quoting helper',
    name: 'identifier inside the q() quoting helper',
    list: 'column names from the schema',
    select: 'column names from the schema',
    order: 'constant ORDER BY per table',
  },
  'db/insight/figures.ts': {
    filter: "fixed SQL fragment chosen in code, values as '?' or @named",
    json: 'fixed json_object(...) fragment built in code',
    which: "typed literal 'weeks' | 'months'",
    a: 'column expression literal passed to ms()',
    b: 'column expression literal passed to ms()',
    s: 'a stage from STAGES',
    stage: 'a stage from STAGES',
    sums: 'built from STAGES',
    running: 'built from STAGES',
    columns: 'built from STAGES',
    counts: 'built from STAGES',
    aggregates: 'built from STAGES',
    span: 'fixed ms() expression',
    changing: 'constant event-type condition',
    where: "fixed condition passed to currentCounts (LIVE or 'i.deleted_at IS NULL')",
  },
  'db/standup/queries.ts': { where: "one of two fixed WHERE clauses with '?' (listThanksOfPerson)" },
  'db/migrations/0020-standup.ts': { column: 'column name literal passed to dateCheck()' },
};

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(full));
    else if (entry.name.endsWith('.ts')) out.push(full);
  }
  return out;
}

interface Finding {
  file: string;
  line: number;
  expression: string;
}

/** Whether every value `expression` reads is fixed in code (see REVIEWED). */
function isFixed(expression: ts.Expression, reviewed: Record<string, string>): boolean {
  const bound = new Set<string>();
  const collect = (node: ts.Node): void => {
    if (ts.isParameter(node) && ts.isIdentifier(node.name)) bound.add(node.name.text);
    ts.forEachChild(node, collect);
  };
  collect(expression);
  let fixed = true;
  const visit = (node: ts.Node): void => {
    if (!fixed) return;
    if (ts.isPropertyAccessExpression(node)) {
      if (node.getText() in reviewed) return;
      visit(node.expression); // the property name itself reads nothing
      return;
    }
    if (ts.isCallExpression(node)) {
      // A helper's own templates are audited where it is written; its arguments are checked here.
      if (!ts.isIdentifier(node.expression)) visit(node.expression);
      node.arguments.forEach(visit);
      return;
    }
    if (ts.isParameter(node)) return;
    if (ts.isIdentifier(node)) {
      const name = node.text;
      if (!(CONSTANT.test(name) || bound.has(name) || name in reviewed || name === 'undefined')) fixed = false;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(expression);
  return fixed;
}

function calleeName(node: ts.CallExpression): string | null {
  const callee = node.expression;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  if (ts.isIdentifier(callee)) return callee.text;
  return null;
}

/** Unreviewed interpolations and concatenations in SQL, over every file of db/. */
function audit(dir = path.join(ROOT, 'db')): { findings: Finding[]; templates: number } {
  const findings: Finding[] = [];
  let templates = 0;
  for (const file of sourceFiles(dir)) {
    const rel = path.relative(ROOT, file).split(path.sep).join('/');
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const reviewed = REVIEWED[rel] ?? {};
    const report = (node: ts.Node, expression: string) =>
      findings.push({ file: rel, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, expression });
    const inSqlCall = (node: ts.Node): boolean => {
      const parent = node.parent;
      return !!parent && ts.isCallExpression(parent) && parent.arguments.includes(node as ts.Expression) && SQL_CALLS.has(calleeName(parent) ?? '');
    };
    const visit = (node: ts.Node): void => {
      if (ts.isTemplateExpression(node) && (SQL_WORDS.test(node.getText()) || inSqlCall(node))) {
        templates++;
        for (const span of node.templateSpans) {
          const text = span.expression.getText();
          if (!(text in reviewed) && !isFixed(span.expression, reviewed)) report(span.expression, text);
        }
      }
      if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken && inSqlCall(node)) {
        report(node, node.getText());
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { findings, templates };
}

describe('SQL audit', () => {
  it('finds no string-built SQL with unreviewed values in db/', () => {
    const { findings, templates } = audit();
    // The scan must see the SQL it audits (guards against a scan that silently finds nothing).
    expect(templates).toBeGreaterThan(10);
    expect(
      findings.map((f) => `${f.file}:${f.line} \${${f.expression}}`),
      'Bind values as parameters (?), or review the fragment and add its name to REVIEWED in this file',
    ).toEqual([]);
  });

  it('would catch a user value spliced into SQL', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kaizenbord-audit-'));
    const probe = path.join(dir, '__audit-probe.ts');
    fs.writeFileSync(probe, "export const bad = (db: any, title: string) => db.prepare(`SELECT * FROM ideas WHERE title = '${title}'`).all();\n" +
      "export const worse = (db: any, id: string) => db.exec('DELETE FROM ideas WHERE id = ' + id);\n");
    try {
      const found = audit(dir).findings.map((f) => f.expression);
      expect(found).toEqual(['title', "'DELETE FROM ideas WHERE id = ' + id"]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('turns any search text into results or a clear refusal, never an SQL error (FTS input is sanitised)', async () => {
    const t = makeCore();
    const team = await setupTeam(t.api);
    await unwrap(t.api['ideas:create']({ actorId: team.anna.id, title: 'Wachttijd aan de balie', kind: 'verbeter', touchpointId: team.touchpoints[0]!.id }));
    const queries = ['"', '""', '*', 'NEAR(', 'a NEAR b', 'title:x', '^wacht', 'OR', 'AND NOT', '(', ')', "'", '\\', '-', '+x', 'wacht*', 'a"b', '{x}', '\u0000', '\uD800', 'ä'.repeat(200), 'SELECT * FROM ideas; --'];
    for (const query of queries) {
      const result = await t.api['board:get']({ filter: { query } });
      if (!result.ok) expect(result.error.code).toBe('validation');
    }
    const hit = await unwrap(t.api['board:get']({ filter: { query: 'wacht' } }));
    expect(hit.cards.map((c) => c.title)).toEqual(['Wachttijd aan de balie']);
  });
});
