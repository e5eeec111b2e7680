// End to end in Chromium: the browser is killed (SIGKILL to every process of it, so nothing
// shuts down cleanly) while a .qdpx becomes a new project, while an archive is restored and
// while the sample study is made, at several moments: on the click and at fixed delays after
// it; when the unfinished registry entry, the project's database and its transcripts show up
// in IndexedDB (the page, polling, freezes there until the kill lands); after the project
// opened. Each time Chromium starts again on the same profile and origin, and the projects
// list must hold whole projects only: every listed project has all its transcripts and
// codings and opens, every project database has an entry; an unfinished one stays unlisted
// (store/projects.ts), and once it is stale the sweep at start removes it and its database.
// Launching and killing Chromium: killedBrowser.ts; IndexedDB read around the app: killedStore.ts.
// KEEP_PROFILES=1 keeps the Chromium profiles in the temp folder, to read what a kill left.
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDist } from '../../scripts/serve.mjs';
import { download, pick } from './harness';
import { chromiumRecreatedStore, launch as launchOn, type Running } from './killedBrowser';
import { PROJECT_DB, freezeAt, stored, updatedAgo, type Stage, type Stored } from './killedStore';

const TRANSCRIPTS = 12; // the sample study, in the .qdpx and in tests/store/fixtures/archive-v7.mirabal
/** Its six interviewed participants, and since schema 10 the 28 women the sample's survey adds. */
const PARTICIPANTS = { interviewed: 6, withSurvey: 34 };

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

/** Chromium on `profile`, with the app at this file's one origin. */
const launch = (profile: string): Promise<Running> => launchOn(profile, server.url);

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
 * The checks after every restart: listed projects are exactly the finished entries, each
 * with all its transcripts; every project database has an entry; the newest whole project opens.
 */
async function checkAllOrNothing(
  running: Running,
  profile: string,
  previous: Stored,
  label: string,
  participants: number,
): Promise<{ after: Stored; outcome: Outcome }> {
  const { page } = running;
  const now = await stored(page);
  // Chromium itself, finding its store torn by the kill ("Corruption: checksum mismatch"),
  // deletes the origin's whole IndexedDB and starts an empty one: every project is gone, not
  // only the one being written. The app cannot stop that; it is reported, not failed, and what
  // the app shows afterwards is still checked (nothing half, nothing left over).
  const wiped = previous.rows.length > 0 && chromiumRecreatedStore(profile, server.url);
  const before: Stored = wiped ? { rows: [], databases: [], counts: {} } : previous;
  const finished = now.rows.filter((r) => !r.incomplete && r.deletedAt == null);
  // The projects table lists the finished entries and nothing else.
  const listed = page.locator('table.projects tbody tr');
  await expect.poll(() => listed.count(), { message: `${label}: listed projects` }).toBe(finished.length);
  for (const row of finished) {
    expect(now.counts[row.id], `${label}: ${row.name} has a database`).toBeDefined();
    expect(now.counts[row.id]?.sources, `${label}: ${row.name} transcripts`).toBe(TRANSCRIPTS);
    expect(now.counts[row.id]?.sourceContent, `${label}: ${row.name} transcript texts`).toBe(TRANSCRIPTS);
    expect(now.counts[row.id]?.participants, `${label}: ${row.name} participants`).toBe(participants);
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
  await updatedAgo(
    page,
    unfinished.map((r) => r.id),
    11 * 60 * 1000,
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
  participants: number,
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
    const checked = await checkAllOrNothing(running, profile, before, moment.label, participants);
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
    await running.page.getByRole('button', { name: 'Export project (.qdpx, unredacted)…' }).click();
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
      PARTICIPANTS.withSurvey, // the survey-only women travel as cases
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
      PARTICIPANTS.interviewed, // an archive of schema 7, before the survey
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
      PARTICIPANTS.withSurvey,
    );
    await checkSweep(killed.running, killed.wipes);
    await killed.running.context.close();
  });
});
