// Runs the built renderer (dist/, built by `npm test` before this project) in Debian's
// Chromium through playwright-core. Each test gets a fresh browser context, i.e. a fresh,
// empty IndexedDB, exactly like a first start on a new machine.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
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
  newPage(): Promise<{ context: BrowserContext; page: Page; errors: string[] }>;
  close(): Promise<void>;
}

export async function startApp(): Promise<App> {
  const dist = join(import.meta.dirname, '..', '..', 'dist', 'index.html');
  if (!existsSync(dist)) throw new Error('dist/ is missing: run `npx vite build` (npm test does it) before the e2e tests.');
  const server = await serveDist({ port: 0 });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  return {
    browser,
    url: server.url,
    async newPage() {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
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

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(import.meta.dirname, '..', '..', 'test-results', `${name}.png`) });
}
