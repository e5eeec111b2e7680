// Runs the built renderer (dist/, built by `npm test` before this project) in Debian's
// Chromium through playwright-core. Each test gets a fresh browser context, i.e. a fresh,
// empty IndexedDB, exactly like a first start on a new machine.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { serveDist } from '../../scripts/serve.mjs';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-quic',
  '--no-first-run',
  '--disable-sync',
];

export interface App {
  browser: Browser;
  url: string;
  /** A fresh context and page on the app; `before` runs first (e.g. scripts for every page). */
  newPage(before?: (context: BrowserContext) => Promise<void>): Promise<{ context: BrowserContext; page: Page; errors: string[] }>;
  close(): Promise<void>;
}

export async function startApp(): Promise<App> {
  // E2E_PROJECT_DIR: a folder holding another build in its dist/ (`npx vite build --outDir
  // <dir>/dist`), so two pieces of work can each test their own build side by side.
  const projectDir = process.env.E2E_PROJECT_DIR || join(import.meta.dirname, '..', '..');
  const dist = join(projectDir, 'dist', 'index.html');
  if (!existsSync(dist)) throw new Error(`${dist} is missing: run \`npx vite build\` (npm test does it) before the e2e tests.`);
  const server = await serveDist({ port: 0, projectDir });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  return {
    browser,
    url: server.url,
    async newPage(before) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      await before?.(context);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      // The app must never touch the network: any request off this origin fails the test.
      await context.route('**/*', (route) => {
        const u = route.request().url();
        if (u.startsWith(server.url) || u.startsWith('data:') || u.startsWith('blob:')) return route.continue();
        errors.push(`network request to ${u}`);
        return route.abort();
      });
      await page.goto(server.url);
      return { context, page, errors };
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

export interface SharedPage {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Page errors, failed console calls and network requests since the page opened. */
  readonly errors: string[];
}

/**
 * One page for the `it`s of the describe block this is called in: one feature each, in order,
 * as steps of one scenario. `setup` runs once before them (e.g. opens the sample project) and
 * the page's context closes after them. Once a step fails the steps after it fail at once,
 * naming it, rather than fail again for its reason. `app` is read when the block starts, after startApp.
 */
export function sharedPage(
  app: () => App,
  setup: (shared: SharedPage) => Promise<void> = async () => {},
  before?: (context: BrowserContext) => Promise<void>,
): SharedPage {
  let opened: SharedPage | null = null;
  let failed: string | null = null;
  const current = (): SharedPage => {
    if (!opened) throw new Error('the shared page is not open: sharedPage() must be called inside a describe block');
    return opened;
  };
  beforeAll(async () => {
    opened = await app().newPage(before);
    await setup(opened);
  });
  beforeEach((test) => {
    // Failed, not skipped: a step that could not run is not a step that passed.
    if (failed) throw new Error(`not run: an earlier step failed (${failed})`);
    test.onTestFailed(() => {
      failed = test.task.name;
    });
  });
  afterAll(async () => {
    await opened?.context.close();
  });
  return {
    get context() {
      return current().context;
    },
    get page() {
      return current().page;
    },
    get errors() {
      return current().errors;
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(import.meta.dirname, '..', '..', 'test-results', `${name}.png`) });
}

/** Clicks something that saves a file (browser mode downloads it) and returns what was saved. */
export async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Uint8Array; text: string }> {
  const event = page.waitForEvent('download');
  await click();
  const d = await event;
  const bytes = new Uint8Array(readFileSync((await d.path())!));
  return { name: d.suggestedFilename(), bytes, text: new TextDecoder().decode(bytes) };
}

/** Clicks a button that opens the file picker and gives it one file. */
export async function pick(page: Page, button: string, file: { name: string; bytes: Uint8Array }): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: button }).click();
  await (await chooser).setFiles([{ name: file.name, mimeType: 'application/octet-stream', buffer: Buffer.from(file.bytes) }]);
}

/** A new project of that name, open, with its import dialog holding `files` (chosen, not dropped). */
export async function newProjectImporting(page: Page, name: string, files: FilePayload[]): Promise<void> {
  await page.getByLabel('New project name').fill(name);
  await page.getByRole('button', { name: 'Create project' }).click();
  await page.getByRole('heading', { name }).waitFor();
  await page.getByRole('button', { name: 'Import transcripts…' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose files…' }).click();
  await (await chooser).setFiles(files);
}

/** The Coding tab, with `coder` added as this computer's coder and `transcript` chosen. */
export async function startCoding(page: Page, coder: string, transcript: string): Promise<void> {
  await page.getByRole('tab', { name: 'Coding' }).click();
  await page.getByLabel('New coder name').fill(coder);
  await page.getByRole('button', { name: 'Add me as a coder' }).click();
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  await page.getByLabel('Transcript to code').selectOption({ label: transcript });
}

/** A file as playwright hands it to a file chooser. */
export type FilePayload = { name: string; mimeType: string; buffer: Buffer };
