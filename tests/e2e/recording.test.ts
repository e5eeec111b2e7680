// End to end in Chromium: a recording beside a transcript (issue 23). A WAV the test writes (a
// tone in each cue, silence between) is attached to a captioned interview, its space shown
// first; its waveform is drawn; a click on a speaker's name plays from that turn, the turn being
// heard is outlined and the outline follows the sound; the keys pause and play; a coded passage
// plays alone and stops at its end, and Retrieval shows when it is said; after a reload the
// recording is still there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CUES, cuesVtt, cuesWav } from './recordingFixtures';
import { newProjectImporting, screenshot, sharedPage, startApp, startCoding, type App } from './harness';

let app: App;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

const VTT = cuesVtt();
/** The same interview typed without times: the researcher syncs it while listening. */
const UNTIMED = CUES.map(([who, said]) => `${who === 'Kieran' ? 'Dale' : who}: ${said}`).join('\n\n');
const WAV = cuesWav();

const playing = (page: import('playwright-core').Page) =>
  page.evaluate(() => {
    const media = document.querySelector<HTMLMediaElement>('.recording-bar audio');
    return media ? { at: media.currentTime, paused: media.paused } : null;
  });
/** The index of the turn outlined as being heard, -1 when none. */
const heardTurn = (page: import('playwright-core').Page) =>
  page
    .locator('.transcript-editor [data-turn]')
    .evaluateAll((els) => els.findIndex((e) => getComputedStyle(e).backgroundColor === 'rgb(255, 246, 214)'));

describe('listening while coding', () => {
  const s = sharedPage(
    () => app,
    async ({ page }) => {
      await newProjectImporting(page, 'Recordings', [
        { name: 'Kieran_T2.vtt', mimeType: 'text/vtt', buffer: Buffer.from(VTT) },
        { name: 'Dale_T1.txt', mimeType: 'text/plain', buffer: Buffer.from(UNTIMED) },
      ]);
      await page.getByRole('button', { name: 'Import 2 transcripts' }).click();
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      await startCoding(page, 'Tess', 'Kieran_T2');
      await page.locator('.transcript-editor [data-turn]').nth(5).waitFor();
    },
  );

  it('attaches a recording, saying first the space it takes, and draws its waveform', async () => {
    const { page, errors } = s;
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Attach recording…' }).click();
    await (await chooser).setFiles([{ name: 'Kieran_T2.wav', mimeType: 'audio/wav', buffer: Buffer.from(WAV) }]);
    const confirm = page.getByRole('group', { name: 'Keep the recording in the project' });
    await expect
      .poll(() => confirm.textContent())
      .toMatch(/^Keep Kieran_T2\.wav \(469 KB\) in this project\? It takes 626 KB( of the .* free)?\./);
    await confirm.getByRole('button', { name: 'Keep it' }).click();
    const bar = page.getByRole('region', { name: 'Recording: Kieran_T2.wav' });
    await bar.waitFor();
    // 30 s at 20 columns a second, read from the file in the recording worker.
    await expect.poll(() => bar.locator('canvas.waveform').getAttribute('data-peaks')).toBe('600');
    await expect.poll(() => bar.getByLabel('Time').textContent()).toBe('0:00 / 0:30');
    await expect
      .poll(() => page.evaluate(() => document.querySelector<HTMLMediaElement>('.recording-bar audio')?.readyState ?? 0))
      .toBeGreaterThan(0);
    await screenshot(page, 'recording-attached');
    expect(errors).toEqual([]);
  });

  it('plays from a turn when its speaker is clicked, and the outline follows the sound', async () => {
    const { page, errors } = s;
    await page
      .getByRole('region', { name: /^Recording/ })
      .getByLabel('Speed')
      .selectOption('2');
    // The speaker's name is the turn's generated label, at its top left.
    await page
      .locator('.transcript-editor [data-turn]')
      .nth(2)
      .click({ position: { x: 6, y: 4 } });
    await expect.poll(async () => (await playing(page))?.paused).toBe(false);
    expect((await playing(page))!.at).toBeGreaterThanOrEqual(10);
    await expect.poll(() => heardTurn(page)).toBe(2);
    // At twice the speed the next cue (15 s) comes within three seconds.
    await expect.poll(() => heardTurn(page), { timeout: 8000 }).toBe(3);
    await screenshot(page, 'recording-playing');
    // F9 pauses, Ctrl+Space plays again, F7 goes back 5 s.
    await page.keyboard.press('F9');
    await expect.poll(async () => (await playing(page))?.paused).toBe(true);
    const before = (await playing(page))!.at;
    await page.keyboard.press('F7');
    await expect.poll(async () => (await playing(page))!.at).toBeCloseTo(before - 5, 0);
    await page.keyboard.press('Control+Space');
    await expect.poll(async () => (await playing(page))?.paused).toBe(false);
    await page.keyboard.press('F9');
    expect(errors).toEqual([]);
  });

  it('lets the researcher change the player’s keys in the shortcut sheet, refusing keys the app needs', async () => {
    const { page, errors } = s;
    await page.keyboard.press('F1');
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await sheet.getByRole('button', { name: 'Change F9 (Play or pause the recording)' }).click();
    await page.keyboard.press('Control+KeyC');
    await expect.poll(() => sheet.getByRole('status').textContent()).toContain('Ctrl+C is copy; choose other keys.');
    await page.keyboard.press('F7');
    await expect.poll(() => sheet.getByRole('status').textContent()).toContain('F7 is already “Back 5 seconds”.');
    await page.keyboard.press('F4');
    await expect.poll(() => sheet.getByRole('status').count()).toBe(0);
    await sheet.getByRole('button', { name: 'Change F4 (Play or pause the recording)' }).waitFor();
    await screenshot(page, 'shortcut-sheet-own-keys');
    await page.keyboard.press('Escape');
    await sheet.waitFor({ state: 'detached' });
    // F4 now plays and pauses; F9 no longer does.
    await page.keyboard.press('F4');
    await expect.poll(async () => (await playing(page))?.paused).toBe(false);
    await page.keyboard.press('F4');
    await expect.poll(async () => (await playing(page))?.paused).toBe(true);
    await page.keyboard.press('F9');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await playing(page))?.paused).toBe(true);
    // Kept on this computer; and the usual keys put back.
    await page.keyboard.press('F1');
    await sheet.getByRole('button', { name: 'Put back the usual keys' }).click();
    await sheet.getByRole('button', { name: 'Change F9 (Play or pause the recording)' }).waitFor();
    await page.keyboard.press('Escape');
    expect(errors).toEqual([]);
  });

  it('plays a coded passage alone, from its start to its end', async () => {
    const { page, errors } = s;
    const turn = page.locator('.transcript-editor [data-turn]').nth(5);
    await turn.click({ position: { x: 40, y: 26 } });
    await page.keyboard.press('Home');
    await page.keyboard.press('Shift+End');
    await expect.poll(() => page.locator('.selection-info').textContent()).toMatch(/characters selected/);
    await page.keyboard.press('i'); // in vivo: a code named by the words
    await expect.poll(() => page.locator('.transcript-editor .coding-mark').count()).toBeGreaterThan(0);
    await page.locator('.transcript-editor .coding-mark').first().click();
    await page.getByRole('button', { name: '▶ Play this passage' }).click();
    await expect.poll(async () => (await playing(page))?.paused).toBe(false);
    expect((await playing(page))!.at).toBeGreaterThanOrEqual(25);
    // It stops by itself at the passage's end (29 s), before the recording's (30 s).
    await expect.poll(async () => (await playing(page))?.paused, { timeout: 10_000 }).toBe(true);
    expect((await playing(page))!.at).toBeGreaterThanOrEqual(28.5);
    expect((await playing(page))!.at).toBeLessThan(29.9);
    expect(errors).toEqual([]);
  });

  it('shows in Retrieval when the coded passage is said in the recording', async () => {
    const { page, errors } = s;
    await page.getByRole('tab', { name: 'Retrieval' }).click();
    // The in vivo code is named by the words coded.
    const choice = page.getByLabel('Code to retrieve').locator('option', { hasText: 'week six' });
    await page.getByLabel('Code to retrieve').selectOption((await choice.getAttribute('value'))!);
    // Kieran's last turn is the sixth cue, from 25 s.
    await expect.poll(() => page.locator('.passage header').first().textContent({ timeout: 5000 })).toMatch(/ · 0:2[5-9] · coded/);
    await screenshot(page, 'retrieval-time');
    await page.getByRole('tab', { name: 'Coding' }).click();
    await page.locator('.transcript-editor [data-turn]').nth(5).waitFor();
    expect(errors).toEqual([]);
  });

  it('syncs a transcript without times while listening, and then plays its turns from their sync points', async () => {
    const { page, errors } = s;
    await page.getByLabel('Transcript to code').selectOption({ label: 'Dale_T1' });
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Attach recording…' }).click();
    await (await chooser).setFiles([{ name: 'Dale_T1.wav', mimeType: 'audio/wav', buffer: Buffer.from(WAV) }]);
    await page.getByRole('button', { name: 'Keep it' }).click();
    const bar = page.getByRole('region', { name: 'Recording: Dale_T1.wav' });
    await bar.waitFor();
    await expect.poll(() => bar.textContent()).toMatch(/No times in this transcript yet/);
    // The sound is read back in the worker: the player has it once its metadata is loaded.
    await expect
      .poll(() => page.evaluate(() => document.querySelector<HTMLMediaElement>('.recording-bar audio')?.readyState ?? 0))
      .toBeGreaterThan(0);
    // The cursor in Dale's first answer; play from 4 s and mark where the answer starts.
    await page
      .locator('.transcript-editor [data-turn]')
      .nth(1)
      .click({ position: { x: 60, y: 26 } });
    await page.evaluate(() => {
      document.querySelector<HTMLMediaElement>('.recording-bar audio')!.currentTime = 4;
    });
    await page.keyboard.press('Control+Space');
    await expect.poll(async () => (await playing(page))!.at, { timeout: 5000 }).toBeGreaterThan(5);
    await page.keyboard.press('Control+Shift+Space');
    await page.keyboard.press('F9');
    await expect.poll(() => bar.textContent()).toMatch(/1 sync point/);
    const synced = (await page.evaluate(() => document.querySelector<HTMLMediaElement>('.recording-bar audio')!.currentTime)) as number;
    // A click on Dale's name now plays his answer from its sync point.
    await page
      .locator('.transcript-editor [data-turn]')
      .nth(1)
      .click({ position: { x: 6, y: 4 } });
    await expect.poll(async () => (await playing(page))?.paused).toBe(false);
    expect((await playing(page))!.at).toBeGreaterThanOrEqual(5);
    expect((await playing(page))!.at).toBeLessThan(synced + 0.5);
    await page.keyboard.press('F9');
    await screenshot(page, 'recording-synced');
    expect(errors).toEqual([]);
  });

  it('says so when an attached file cannot be played, and the transcript stays as it was', async () => {
    const { page, errors } = s;
    await page.getByLabel('Transcript to code').selectOption({ label: 'Kieran_T2' });
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Replace recording…' }).click();
    await (await chooser).setFiles([{ name: 'broken.mp3', mimeType: 'audio/mpeg', buffer: Buffer.from('ID3 this is no sound at all') }]);
    await page.getByRole('button', { name: 'Keep it' }).click();
    const bar = page.getByRole('region', { name: 'Recording: broken.mp3' });
    await bar.waitFor();
    await expect
      .poll(() => bar.getByRole('alert').textContent())
      .toBe('broken.mp3 cannot be played: it is damaged, or not the kind of file its name says. Attach the recording again.');
    await expect.poll(() => page.locator('.transcript-editor [data-turn]').count()).toBe(6);
    // The media element's own failure is reported on the page's console: expected here, and the only one.
    expect(errors.filter((e) => !/MEDIA|media|Failed to load resource/.test(e))).toEqual([]);
    await page.getByLabel('Transcript to code').selectOption({ label: 'Dale_T1' });
  });

  it('finds the recording still attached after a reload', async () => {
    const { page, errors } = s;
    await page.reload(); // the route keeps the project and its Coding tab
    const bar = page.getByRole('region', { name: 'Recording: Dale_T1.wav' });
    await bar.waitFor();
    await expect.poll(() => bar.locator('canvas.waveform').getAttribute('data-peaks')).toBe('600');
    await expect.poll(() => bar.textContent()).toMatch(/1 sync point/);
    expect(errors).toEqual([]);
  });
});
