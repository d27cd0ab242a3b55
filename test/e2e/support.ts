/**
 * End-to-end support: the real renderer and the real core through the browser harness, driven in Chromium by
 * playwright-core. Without Chromium the suites are skipped with one line, unless REQUIRE_E2E=1 (CI) makes that
 * a failure.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../build/scripts/renderer-build.mjs';
import { startHarness, type Harness } from '../../db/harness';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const HAS_CHROMIUM = fs.existsSync(CHROMIUM_PATH);
export const REQUIRE_E2E = process.env.REQUIRE_E2E === '1';
/** Screenshots land here; .ci keeps the folder with the vitest report. */
export const RESULTS_DIR = path.join(PROJECT_ROOT, 'test-results');

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let announced = false;

/**
 * `describe` for a Chromium suite: runs it when Chromium is installed; otherwise prints one line and skips it,
 * or fails when REQUIRE_E2E=1.
 */
export function describeE2E(name: string, body: () => void): void {
  if (HAS_CHROMIUM) {
    describe(name, body);
    return;
  }
  if (REQUIRE_E2E) {
    describe(name, () => {
      it('has Chromium to run in', () => {
        expect.fail(`REQUIRE_E2E=1 but no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium, or set CHROMIUM_PATH)`);
      });
    });
    return;
  }
  if (!announced) {
    announced = true;
    console.log(`Skipping end-to-end tests: no Chromium at ${CHROMIUM_PATH} (install chromium or set CHROMIUM_PATH).`);
  }
  describe.skip(name, body);
}

export interface App {
  harness: Harness;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  dataDir: string;
  /** Console errors, failed requests and uncaught exceptions seen so far (CSP violations show up here). */
  problems: string[];
  close(): Promise<void>;
}

/**
 * A fresh harness on port 0 with an empty temp database, and a Chromium page on it. Open `app.harness.url`: it
 * carries the harness's per-start token, which the renderer then sends with every call. `prepare` may put files in
 * the data folder before the harness starts (e.g. a damaged database).
 */
export async function startApp(
  options: { demo?: boolean | number; viewport?: { width: number; height: number }; prepare?: (dataDir: string) => void | Promise<void> } = {},
): Promise<App> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kaizenbord-e2e-'));
  await options.prepare?.(dataDir);
  const harness = await startHarness({ port: 0, dataDir, demo: options.demo ?? false, log: (line) => console.log(line) });
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
    const context = await browser.newContext({
      viewport: options.viewport ?? { width: 1440, height: 900 },
      locale: 'nl-NL',
      timezoneId: 'Europe/Amsterdam',
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    // E2E_CPU_THROTTLE=6 slows the page's CPU six times, to shake out timing assumptions before CI does.
    const throttle = Number(process.env.E2E_CPU_THROTTLE);
    if (throttle > 1) await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: throttle });
    const problems: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
    });
    page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
    page.on('requestfailed', (req) => problems.push(`requestfailed: ${req.url()} ${req.failure()?.errorText ?? ''}`));
    const opened = browser;
    return {
      harness,
      browser: opened,
      context,
      page,
      dataDir,
      problems,
      async close() {
        await opened.close().catch(() => {});
        await harness.close();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await browser?.close().catch(() => {});
    await harness.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
}

/** Save a full-page screenshot as test-results/<name>.png and return its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** Run axe-core (WCAG 2.1 A/AA) on the page (injected over the DevTools protocol, so the app's strict CSP stays on). */
export async function audit(page: Page): Promise<string[]> {
  const injected = await page.evaluate(() => 'axe' in window);
  if (!injected) await page.evaluate(AXE_SOURCE);
  const violations = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      // Experimental rule: a card's name deliberately starts with its title and then reads its parts in
      // sentence order ("title, Verleuk, touchpoint, 3 dagen in Plan"), while the badge sits above the title on
      // screen; the visible title and person name, which speech users say, are in the names.
      rules: { 'label-content-name-mismatch': { enabled: false } },
    });
    return result.violations;
  })) as AxeViolation[];
  return violations.map(
    (v) => `${v.id} (${v.impact ?? '?'}): ${v.help} — ${v.nodes.slice(0, 4).map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join(' | ')}`,
  );
}
