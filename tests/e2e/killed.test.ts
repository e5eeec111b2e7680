// End to end in Chromium: the browser is killed (SIGKILL to every process of it, so nothing
// shuts down cleanly) while a .qdpx becomes a new project, while an archive is restored and
// while the sample study is made, at several moments: on the click and at fixed delays after
// it; when the unfinished registry entry, the project's database and its transcripts show up
// in IndexedDB (the page, polling, freezes there until the kill lands); after the project
// opened. Each time Chromium starts again on the same profile and origin, and the projects
// list must hold whole projects only: every listed project has all its transcripts and
// codings and opens, every project database has an entry; an unfinished one stays unlisted
// (store/projects.ts), and once it is stale the sweep at start removes it and its database.
// KEEP_PROFILES=1 keeps the Chromium profiles in the temp folder, to read what a kill left.
import { readFileSync, readdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDist } from '../../scripts/serve.mjs';
import { CHROMIUM_ARGS, download, pick } from './harness';

const EXECUTABLE = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const REGISTRY = 'mirabal-workbench';
const PROJECT_DB = 'mirabal-project-';
const TRANSCRIPTS = 12; // the sample study, in the .qdpx and in tests/store/fixtures/archive-v7.mirabal

let server: { url: string; close(): Promise<void> };
const profiles: string[] = [];
beforeAll(async () => {
  // One port for the whole file: the origin, and so the IndexedDB a profile holds for it,
  // stays the same across the relaunches.
  server = await serveDist({ port: 0 });
});
afterAll(async () => {
  await server?.close();
  if (!process.env.KEEP_PROFILES) for (const dir of profiles) rmSync(dir, { recursive: true, force: true });
});

interface Running {
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

async function launch(profile: string): Promise<Running> {
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
  await page.goto(server.url);
  await page.locator('h1', { hasText: 'Mirabal Workbench' }).waitFor();
  return running;
}

interface Row {
  id: string;
  name: string;
  incomplete?: true;
  updatedAt: number;
  deletedAt: number | null;
}
interface Stored {
  rows: Row[];
  databases: string[];
  counts: Record<string, Record<string, number>>;
}

/** What IndexedDB holds for this origin, read around the app (raw IndexedDB, no Dexie). */
function stored(page: Page): Promise<Stored> {
  return page.evaluate(
    async ({ registry, prefix }) => {
      const request = <T>(r: IDBRequest<T>) =>
        new Promise<T>((resolve, reject) => {
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(r.error);
        });
      // Opening a database that was deleted meanwhile would create it again: refused here.
      const open = (name: string) =>
        new Promise<IDBDatabase | null>((resolve) => {
          const r = indexedDB.open(name);
          r.onupgradeneeded = () => r.transaction!.abort();
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => resolve(null);
        });
      const databases = (await indexedDB.databases()).map((d) => d.name!).filter((n) => n === registry || n.startsWith(prefix));
      let rows: Row[] = [];
      const reg = databases.includes(registry) ? await open(registry) : null;
      if (reg) {
        rows = await request(reg.transaction('projects').objectStore('projects').getAll());
        reg.close();
      }
      const counts: Record<string, Record<string, number>> = {};
      for (const name of databases.filter((n) => n.startsWith(prefix))) {
        const db = await open(name);
        if (!db) continue;
        const tables = ['sources', 'sourceContent', 'participants', 'codes', 'codingSets'].filter((t) => db.objectStoreNames.contains(t));
        const tx = tables.length ? db.transaction(tables) : null;
        counts[name.slice(prefix.length)] = Object.fromEntries(
          await Promise.all(tables.map(async (t) => [t, await request(tx!.objectStore(t).count())] as const)),
        );
        db.close();
      }
      return { rows, databases: databases.filter((n) => n === registry || n.slice(prefix.length) in counts), counts };
    },
    { registry: REGISTRY, prefix: PROJECT_DB },
  );
}

type Stage = 'unfinished entry' | 'its database' | 'its transcripts';

/**
 * Polls IndexedDB in the page, as fast as the page allows, until `stage` is seen for a new
 * unfinished entry; then tells the test (a binding, sent at once) and freezes the page in a
 * busy loop, so the app's next step cannot run before the kill lands. 'finished first' when
 * the new project was whole before the stage was seen.
 */
function freezeAt(running: Running, stage: Stage, known: string[]): Promise<string> {
  const signalled = new Promise<string>((resolve) => (running.signal = resolve));
  void running.page
    .evaluate(
      async ({ stage, known, registry, prefix }) => {
        const request = <T>(r: IDBRequest<T>) =>
          new Promise<T>((resolve, reject) => {
            r.onsuccess = () => resolve(r.result);
            r.onerror = () => reject(r.error);
          });
        const openExisting = (name: string) =>
          new Promise<IDBDatabase | null>((resolve) => {
            const r = indexedDB.open(name);
            r.onupgradeneeded = () => r.transaction!.abort();
            r.onsuccess = () => resolve(r.result);
            r.onerror = () => resolve(null);
          });
        const freeze = (what: string) => {
          (window as unknown as { killNow(what: string): void }).killNow(what);
          const start = performance.now();
          while (performance.now() - start < 30_000) {
            // frozen until the browser is killed
          }
        };
        for (;;) {
          const names = (await indexedDB.databases()).map((d) => d.name!);
          const reg = names.includes(registry) ? await openExisting(registry) : null;
          const rows = reg ? ((await request(reg.transaction('projects').objectStore('projects').getAll())) as Row[]) : [];
          reg?.close();
          const fresh = rows.find((r) => !known.includes(r.id));
          if (fresh && !fresh.incomplete) return freeze('finished first');
          if (fresh && stage === 'unfinished entry') return freeze('seen');
          if (fresh && names.includes(prefix + fresh.id)) {
            if (stage === 'its database') return freeze('seen');
            const db = await openExisting(prefix + fresh.id);
            const count = db?.objectStoreNames.contains('sources')
              ? await request(db.transaction('sources').objectStore('sources').count())
              : 0;
            db?.close();
            if (count > 0) return freeze('seen');
          }
          await new Promise((r) => setTimeout(r, 0));
        }
      },
      { stage, known, registry: REGISTRY, prefix: PROJECT_DB },
    )
    .catch(() => {}); // the browser is killed while it runs
  return signalled;
}

/** Waits for the moment to kill at; says what it saw, if anything. */
type Moment = { label: string; kill: (running: Running, known: string[]) => Promise<string | void> };
const after = (ms: number): Moment => ({ label: `${ms} ms after the click`, kill: () => new Promise((r) => setTimeout(r, ms)) });
const when = (stage: Stage, label: string): Moment => ({ label, kill: (running, known) => freezeAt(running, stage, known) });
const MOMENTS: Moment[] = [
  after(0),
  after(50),
  after(150),
  when('unfinished entry', 'when the unfinished entry appears'),
  when('its database', "when the project's database appears"),
  when('its transcripts', "when the project's transcripts are written"),
  after(400),
  after(1000),
  {
    label: 'after the project opened',
    kill: ({ page }) => page.getByRole('tab', { name: 'Transcripts' }).waitFor({ timeout: 30_000 }),
  },
];

type Outcome = 'nothing written' | `unfinished, unlisted (${string})` | 'whole project listed' | `CHROMIUM DELETED ${string}`;

/**
 * True when Chromium made this origin's IndexedDB afresh at the last start: its LevelDB log
 * says so ("Creating DB … since it was missing"), as after "IndexedDB recovering from a
 * corrupted (and deleted) database" in Chromium's own output.
 */
function chromiumRecreatedStore(profile: string): boolean {
  const dir = join(profile, 'Default', 'IndexedDB', `http_127.0.0.1_${new URL(server.url).port}.indexeddb.leveldb`);
  try {
    return /since it was missing/.test(readFileSync(join(dir, 'LOG'), 'utf8'));
  } catch {
    return false;
  }
}

/**
 * The checks after every restart: listed projects are exactly the finished entries, each
 * with all its transcripts; every project database has an entry; the newest whole project opens.
 */
async function checkAllOrNothing(
  running: Running,
  profile: string,
  previous: Stored,
  label: string,
): Promise<{ after: Stored; outcome: Outcome }> {
  const { page } = running;
  const now = await stored(page);
  // Chromium itself, finding its store torn by the kill ("Corruption: checksum mismatch"),
  // deletes the origin's whole IndexedDB and starts an empty one: every project is gone, not
  // only the one being written. The app cannot stop that; it is reported, not failed, and what
  // the app shows afterwards is still checked (nothing half, nothing left over).
  const wiped = previous.rows.length > 0 && chromiumRecreatedStore(profile);
  const before: Stored = wiped ? { rows: [], databases: [], counts: {} } : previous;
  const finished = now.rows.filter((r) => !r.incomplete && r.deletedAt == null);
  // The projects table lists the finished entries and nothing else.
  const listed = page.locator('table.projects tbody tr');
  await expect.poll(() => listed.count(), { message: `${label}: listed projects` }).toBe(finished.length);
  for (const row of finished) {
    expect(now.counts[row.id], `${label}: ${row.name} has a database`).toBeDefined();
    expect(now.counts[row.id]?.sources, `${label}: ${row.name} transcripts`).toBe(TRANSCRIPTS);
    expect(now.counts[row.id]?.sourceContent, `${label}: ${row.name} transcript texts`).toBe(TRANSCRIPTS);
    expect(now.counts[row.id]?.participants, `${label}: ${row.name} participants`).toBe(6);
    expect(now.counts[row.id]?.codes, `${label}: ${row.name} codes`).toBeGreaterThan(0);
    expect(now.counts[row.id]?.codingSets, `${label}: ${row.name} codings`).toBeGreaterThan(0);
  }
  // No database without its entry: nothing the sweep could never find.
  for (const id of Object.keys(now.counts))
    expect(
      now.rows.map((r) => r.id),
      `${label}: database ${id} has an entry`,
    ).toContain(id);
  // Nothing that was there before the kill is lost: every entry, every database.
  expect(
    before.rows.filter((b) => !now.rows.some((r) => r.id === b.id)).map((b) => `${b.name}${b.incomplete ? ' (unfinished)' : ''}`),
    `${label}: entries lost`,
  ).toEqual([]);
  expect(
    before.databases.filter((d) => !now.databases.includes(d)),
    `${label}: databases lost`,
  ).toEqual([]);
  const fresh = now.rows.filter((r) => !before.rows.some((b) => b.id === r.id));
  expect(fresh.length, `${label}: at most one new entry`).toBeLessThanOrEqual(1);
  const counts = fresh[0] && now.counts[fresh[0].id];
  const data = !counts ? 'no database' : counts.sources ? `database with ${counts.sources} transcripts` : 'empty database';
  const outcome: Outcome = wiped
    ? `CHROMIUM DELETED THE WHOLE INDEXEDDB (${previous.rows.length} entries lost)`
    : !fresh[0]
      ? 'nothing written'
      : fresh[0].incomplete
        ? `unfinished, unlisted (${data})`
        : 'whole project listed';
  if (outcome === 'whole project listed') {
    // It opens, with every transcript.
    const name = fresh[0]!.name;
    await page.locator('table.projects').getByRole('button', { name, exact: true }).click();
    await expect.poll(() => page.locator('.project-head h1').textContent()).toBe(name);
    await expect.poll(() => page.locator('table.grid tbody tr').count()).toBe(TRANSCRIPTS);
    await page.getByRole('button', { name: '← Projects' }).click();
  }
  expect(running.errors, label).toEqual([]);
  return { after: now, outcome };
}

/** Makes the unfinished entries look 11 minutes old, reloads, and sees the sweep remove them. */
async function checkSweep(running: Running, wipes: number): Promise<void> {
  const { page } = running;
  const before = await stored(page);
  const unfinished = before.rows.filter((r) => r.incomplete);
  if (unfinished.length === 0 && wipes > 0) {
    console.warn('No unfinished entry left to sweep: Chromium deleted them with everything else.');
    return;
  }
  expect(unfinished.length).toBeGreaterThan(0);
  await page.evaluate(
    async ({ registry, ids }) => {
      const request = <T>(r: IDBRequest<T>) =>
        new Promise<T>((resolve, reject) => {
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(r.error);
        });
      const db = await request(indexedDB.open(registry));
      const store = db.transaction('projects', 'readwrite').objectStore('projects');
      for (const id of ids) {
        const row = (await request(store.get(id))) as Row;
        await request(store.put({ ...row, updatedAt: Date.now() - 11 * 60 * 1000 }));
      }
      db.close();
    },
    { registry: REGISTRY, ids: unfinished.map((r) => r.id) },
  );
  await page.reload();
  await expect.poll(async () => (await stored(page)).rows.filter((r) => r.incomplete).length, { timeout: 10_000 }).toBe(0);
  const now = await stored(page);
  for (const r of unfinished) expect(now.databases).not.toContain(PROJECT_DB + r.id);
  // The finished projects are untouched, and still listed.
  expect(now.rows.map((r) => r.id).sort()).toEqual(
    before.rows
      .filter((r) => !r.incomplete)
      .map((r) => r.id)
      .sort(),
  );
  await expect.poll(() => page.locator('table.projects tbody tr').count()).toBe(now.rows.filter((r) => r.deletedAt == null).length);
  expect(running.errors).toEqual([]);
}

async function killAtEveryMoment(
  profile: string,
  first: Running,
  start: (page: Page) => Promise<void>,
  confirm: (page: Page) => Promise<void>,
): Promise<{ running: Running; wipes: number }> {
  let running = first;
  let before = await stored(running.page);
  const outcomes: string[] = [];
  for (const moment of MOMENTS) {
    await start(running.page);
    const known = before.rows.map((r) => r.id);
    const t0 = Date.now();
    await confirm(running.page);
    const saw = await moment.kill(running, known);
    const at = Date.now() - t0;
    await running.kill();
    running = await launch(profile);
    const checked = await checkAllOrNothing(running, profile, before, moment.label);
    outcomes.push(`${moment.label}${saw && saw !== 'seen' ? ` (${saw})` : ''}, killed ${at} ms after the click: ${checked.outcome}`);
    // Seen in IndexedDB before the kill, so it survived the kill.
    if (saw === 'seen') expect(checked.outcome, moment.label).not.toBe('nothing written');
    if (saw === 'finished first') expect(checked.outcome, moment.label).toBe('whole project listed');
    before = checked.after;
  }
  console.log(outcomes.join('\n'));
  const wipes = outcomes.filter((o) => o.includes('CHROMIUM DELETED')).length;
  if (wipes) console.warn(`Chromium deleted the origin's whole IndexedDB after ${wipes} of ${outcomes.length} kills (see above).`);
  // The moments did cut writes off halfway, and did let one finish.
  const all = outcomes.join('\n');
  expect(all).toMatch(/unfinished, unlisted/);
  expect(outcomes.at(-1)).toMatch(/whole project listed|CHROMIUM DELETED/);
  return { running, wipes };
}

describe('a browser killed halfway leaves a whole project or none', () => {
  it('while a .qdpx becomes a new project', { timeout: 300_000 }, async () => {
    const profile = mkdtempSync(join(tmpdir(), 'wb-killed-qdpx-'));
    profiles.push(profile);
    const running = await launch(profile);
    // The .qdpx: the sample project, exported by the app.
    await running.page.getByRole('button', { name: 'Open sample project' }).click();
    await running.page.getByRole('tab', { name: 'Project' }).click();
    await running.page.getByRole('button', { name: 'Export project (.qdpx)…' }).click();
    const preview = running.page.getByRole('dialog', { name: 'Export project (.qdpx)' });
    const file = await download(running.page, () => preview.getByRole('button', { name: 'Export .qdpx' }).click());
    await running.page.getByRole('button', { name: '← Projects' }).click();

    const killed = await killAtEveryMoment(
      profile,
      running,
      async (page) => {
        await pick(page, 'Import .qdpx…', { name: 'sample.qdpx', bytes: file.bytes });
        await expect.poll(() => page.getByRole('dialog', { name: 'Import sample.qdpx' }).textContent()).toMatch(/12 transcripts/);
      },
      (page) => page.getByRole('dialog', { name: 'Import sample.qdpx' }).getByRole('button', { name: 'Create project' }).click(),
    );
    await checkSweep(killed.running, killed.wipes);
    await killed.running.context.close();
  });

  it('while an archive is restored', { timeout: 300_000 }, async () => {
    const profile = mkdtempSync(join(tmpdir(), 'wb-killed-archive-'));
    profiles.push(profile);
    const bytes = new Uint8Array(readFileSync(join(import.meta.dirname, '..', 'store', 'fixtures', 'archive-v7.mirabal')));
    const running = await launch(profile);
    const killed = await killAtEveryMoment(
      profile,
      running,
      async (page) => {
        await pick(page, 'Restore archive…', { name: 'study.mirabal', bytes });
        await expect.poll(() => page.getByRole('dialog', { name: 'Restore study.mirabal' }).textContent()).toMatch(/12 transcript\(s\)/);
      },
      (page) =>
        page.getByRole('dialog', { name: 'Restore study.mirabal' }).getByRole('button', { name: 'Restore as a new project' }).click(),
    );
    await checkSweep(killed.running, killed.wipes);
    await killed.running.context.close();
  });

  it('while the sample project is made', { timeout: 300_000 }, async () => {
    const profile = mkdtempSync(join(tmpdir(), 'wb-killed-sample-'));
    profiles.push(profile);
    const running = await launch(profile);
    const killed = await killAtEveryMoment(
      profile,
      running,
      async () => {},
      (page) => page.getByRole('button', { name: 'Open sample project' }).click(),
    );
    await checkSweep(killed.running, killed.wipes);
    await killed.running.context.close();
  });
});
