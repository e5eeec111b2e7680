// End to end in Chromium: a recording linked, not copied, as the desktop app does it (issue 23).
// Electron cannot run here, so a stand-in preload plays main's part (fakePreload.ts): its
// dialog "chooses" a file, and the test serves that file where main's protocol would, at
// /recording/<token>, with byte ranges as a media element asks for them. The page links it,
// plays it from a turn, and when the file has "moved" says so and finds it again by its
// SHA-256 (a wrong file refused). Main's own side is tested in tests/electron/.
import { createHash } from 'node:crypto';
import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cuesVtt, cuesWav } from './recordingFixtures';
import { installFakePreload } from './fakePreload';
import { screenshot, sharedPage, startApp, startCoding, type App } from './harness';

let app: App;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

const VTT = cuesVtt(4);
const WAV = cuesWav(4);
const SHA = createHash('sha256').update(WAV).digest('hex');
const TOKEN = '3f1e2d4c-5b6a-4789-8abc-def012345678';
const linked = (path: string, sha256 = SHA) => ({ token: TOKEN, fileName: 'Kieran_T2.wav', path, size: WAV.length, sha256 });

/** What main's protocol does for a linked file: the whole file, or the byte range asked for. */
async function serveRecording(route: Route): Promise<void> {
  const range = /bytes=(\d+)-(\d*)/.exec(route.request().headers()['range'] ?? '');
  const headers = { 'Content-Type': 'audio/wav', 'Accept-Ranges': 'bytes' };
  if (!range) return route.fulfill({ status: 200, headers, body: Buffer.from(WAV) });
  const start = Number(range[1]);
  const end = range[2] ? Math.min(Number(range[2]), WAV.length - 1) : WAV.length - 1;
  await route.fulfill({
    status: 206,
    headers: { ...headers, 'Content-Range': `bytes ${start}-${end}/${WAV.length}` },
    body: Buffer.from(WAV.subarray(start, end + 1)),
  });
}

/** The file main's dialog "chooses" next, and what main reads from it (the stand-in's state; page scripts may not eval). */
const chooseNext = (page: Page, file: ReturnType<typeof linked>) =>
  page.evaluate(
    ([f, bytes]) => {
      const state = (window as any).__main.state;
      state.nextLink = f;
      state.linkedBytes = bytes;
    },
    [file, [...WAV]] as const,
  );
const tokensServed = (page: Page) => page.evaluate(() => Object.keys((window as any).__main.state.links));

describe('a recording linked to a file on the computer (desktop app)', () => {
  const s = sharedPage(
    () => app,
    async ({ page }) => {
      await page.route(`**/recording/${TOKEN}`, serveRecording);
      // As newProjectImporting, but through main's open dialog: the desktop app's way.
      await page.getByLabel('New project name').fill('Linked recordings');
      await page.getByRole('button', { name: 'Create project' }).click();
      await page.getByRole('heading', { name: 'Linked recordings' }).waitFor();
      await page.getByRole('button', { name: 'Import transcripts…' }).click();
      const vtt = { name: 'Kieran_T2.vtt', bytes: [...Buffer.from(VTT)] };
      await page.evaluate((f) => void (window as any).__main.state.toOpen.push(f), vtt);
      await page.getByRole('button', { name: 'Choose files…' }).click();
      await page.getByRole('button', { name: 'Import 1 transcript' }).click();
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      await startCoding(page, 'Tess', 'Kieran_T2');
      await page.locator('.transcript-editor [data-turn]').nth(3).waitFor();
    },
    installFakePreload,
  );

  it('links the file chosen, saying it stays where it is, and plays it from a turn', async () => {
    const { page, errors } = s;
    await chooseNext(page, linked('/home/tess/Interviews/Kieran_T2.wav'));
    await page.getByRole('button', { name: 'Link recording…' }).click();
    const confirm = page.getByRole('group', { name: 'Link the recording' });
    await expect
      .poll(() => confirm.textContent())
      .toMatch(
        /^Link Kieran_T2\.wav \(313 KB\)\? It stays at \/home\/tess\/Interviews\/Kieran_T2\.wav; the project keeps only where it is/,
      );
    await confirm.getByRole('button', { name: 'Link it' }).click();
    const bar = page.getByRole('region', { name: 'Recording: Kieran_T2.wav' });
    await expect.poll(() => bar.textContent()).toContain('Linked: /home/tess/Interviews/Kieran_T2.wav');
    // The waveform decoded from the file's bytes, which main reads by the token, and kept.
    await expect.poll(() => bar.locator('canvas.waveform').getAttribute('data-peaks'), { timeout: 5000 }).toBe('400');
    await expect
      .poll(() => page.evaluate(() => document.querySelector<HTMLMediaElement>('.recording-bar audio')?.src ?? ''))
      .toMatch(new RegExp(`/recording/${TOKEN}$`));
    await page
      .locator('.transcript-editor [data-turn]')
      .nth(2)
      .click({ position: { x: 6, y: 4 } });
    await expect.poll(() => page.evaluate(() => document.querySelector<HTMLMediaElement>('.recording-bar audio')?.paused)).toBe(false);
    expect(await page.evaluate(() => document.querySelector<HTMLMediaElement>('.recording-bar audio')!.currentTime)).toBeGreaterThanOrEqual(
      10,
    );
    await page.keyboard.press('F9');
    await screenshot(page, 'recording-linked');
    expect(errors).toEqual([]);
  });

  it('says when the file has moved, refuses a wrong file, and finds the right one by its fingerprint', async () => {
    const { page, errors } = s;
    // A new start of the stand-in main knows no token: as on another computer, or after the
    // file was moved, the page is told the file is missing. The route keeps the Coding tab.
    await page.reload();
    const bar = page.getByRole('region', { name: 'Recording: Kieran_T2.wav' });
    await expect
      .poll(() => bar.getByRole('alert').textContent())
      .toContain('Kieran_T2.wav is not where it was (/home/tess/Interviews/Kieran_T2.wav)');
    expect(await bar.locator('audio').count()).toBe(0);
    await screenshot(page, 'recording-moved');
    // Another interview's file chosen: its contents differ, and it is refused.
    await chooseNext(page, { ...linked('/media/usb/Dale_T1.wav', 'b'.repeat(64)), fileName: 'Dale_T1.wav' });
    await bar.getByRole('button', { name: 'Find the recording…' }).click();
    await expect.poll(() => bar.textContent()).toContain('Dale_T1.wav is not the recording Kieran_T2.wav');
    // The right one, moved to a USB stick.
    await chooseNext(page, linked('/media/usb/Kieran_T2.wav'));
    await bar.getByRole('button', { name: 'Find the recording…' }).click();
    await expect.poll(() => bar.textContent()).toContain('Linked: /media/usb/Kieran_T2.wav');
    await expect.poll(() => bar.locator('audio').count()).toBe(1);
    expect(await bar.getByRole('alert').count()).toBe(0);
    // Unlinked: main forgets the token; the file is not the project's to delete.
    await bar.getByRole('button', { name: 'Remove' }).click();
    await page
      .getByRole('dialog')
      .getByText('Unlink Kieran_T2.wav from this project? The file on your computer stays where it is.')
      .waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
    await page.getByRole('button', { name: 'Link recording…' }).waitFor();
    expect(await tokensServed(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
