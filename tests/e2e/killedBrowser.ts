// Chromium on a profile of its own, for tests/e2e/killed.test.ts: launched as a persistent
// context (so a relaunch on the same profile and origin finds the IndexedDB a kill left) and
// killed with SIGKILL, every process of it, so nothing shuts down cleanly.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { CHROMIUM_ARGS } from './harness';

const EXECUTABLE = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export interface Running {
  context: BrowserContext;
  page: Page;
  errors: string[];
  /** SIGKILL for every process of this Chromium: nothing is flushed or closed cleanly. */
  kill(): Promise<void>;
  /** Called by the page (window.killNow) at the moment to kill. */
  signal: ((what: string) => void) | null;
}

/** Processes whose command line names this profile: the browser and all its children. */
function chromiumProcesses(profile: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (args.some((a) => a === `--user-data-dir=${profile}`)) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

/** Starts Chromium on `profile`, opens the app at `url` and waits for its first screen. */
export async function launch(profile: string, url: string): Promise<Running> {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: EXECUTABLE,
    args: CHROMIUM_ARGS,
    viewport: { width: 1400, height: 900 },
  });
  // Playwright's Browser has no process() (only a BrowserServer has): the browser process is
  // found by its profile on the command line, the one that is not a --type= child.
  const browserPid = chromiumProcesses(profile).find((pid) => !readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type='));
  if (browserPid === undefined) throw new Error(`no Chromium process found for ${profile}`);
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  const running: Running = {
    context,
    page,
    errors,
    signal: null,
    async kill() {
      // The browser's process group (Playwright starts it detached, so the group is the browser,
      // its zygotes, GPU, utility (storage) and renderer processes), then any straggler.
      try {
        process.kill(-browserPid, 'SIGKILL');
      } catch {
        process.kill(browserPid, 'SIGKILL');
      }
      for (const pid of chromiumProcesses(profile)) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      await expect.poll(() => chromiumProcesses(profile).length, { timeout: 10_000 }).toBe(0);
      await context.close().catch(() => {});
    },
  };
  await page.exposeFunction('killNow', (what: string) => running.signal?.(what));
  await page.goto(url);
  await page.locator('h1', { hasText: 'Mirabal Workbench' }).waitFor();
  return running;
}

/**
 * True when Chromium made the IndexedDB of the origin at `url` afresh at the last start: its
 * LevelDB log says so ("Creating DB … since it was missing"), as after "IndexedDB recovering
 * from a corrupted (and deleted) database" in Chromium's own output.
 */
export function chromiumRecreatedStore(profile: string, url: string): boolean {
  const dir = join(profile, 'Default', 'IndexedDB', `http_127.0.0.1_${new URL(url).port}.indexeddb.leveldb`);
  try {
    return /since it was missing/.test(readFileSync(join(dir, 'LOG'), 'utf8'));
  } catch {
    return false;
  }
}
