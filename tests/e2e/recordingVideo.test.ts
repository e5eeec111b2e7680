// End to end in Chromium: a video beside a transcript (issue 23). The browser itself records a
// short WebM (a canvas that changes colour each second, and a tone) with MediaRecorder; it is
// attached, shown as a picture above the transcript, and played from a turn.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newProjectImporting, screenshot, sharedPage, startApp, startCoding, type App } from './harness';

let app: App;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

const VTT = `WEBVTT

00:00:00.000 --> 00:00:01.500
<v Interviewer>Shall we start?

00:00:02.000 --> 00:00:03.500
<v Leanne>Yes. The group helped him, I think.
`;

describe('a video beside its transcript', () => {
  const s = sharedPage(
    () => app,
    async ({ page }) => {
      await newProjectImporting(page, 'Video', [{ name: 'Leanne_T1.vtt', mimeType: 'text/vtt', buffer: Buffer.from(VTT) }]);
      await page.getByRole('button', { name: 'Import 1 transcript' }).click();
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      await startCoding(page, 'Tess', 'Leanne_T1');
      await page.locator('.transcript-editor [data-turn]').nth(1).waitFor();
    },
  );

  it('attaches a WebM the browser recorded, shows its picture, and plays it from a turn', async () => {
    const { page, errors } = s;
    // Four seconds of a canvas changing colour each second, with a 440 Hz tone.
    const webm = await page.evaluate(async () => {
      const canvas = document.createElement('canvas');
      canvas.width = 160;
      canvas.height = 90;
      const g = canvas.getContext('2d')!;
      const audio = new AudioContext();
      const tone = audio.createOscillator();
      const out = audio.createMediaStreamDestination();
      tone.connect(out);
      tone.start();
      const stream = new MediaStream([...canvas.captureStream(25).getVideoTracks(), ...out.stream.getAudioTracks()]);
      const recorder = new MediaRecorder(stream, { mimeType: 'video/webm' });
      const parts: Blob[] = [];
      recorder.ondataavailable = (e) => parts.push(e.data);
      const colours = ['#2f6db5', '#b5512f', '#3f8f4f', '#8f3f8f'];
      const started = performance.now();
      recorder.start();
      await new Promise<void>((resolve) => {
        const draw = () => {
          const second = Math.floor((performance.now() - started) / 1000);
          g.fillStyle = colours[second % colours.length]!;
          g.fillRect(0, 0, 160, 90);
          if (second < 4) requestAnimationFrame(draw);
          else resolve();
        };
        draw();
      });
      const stopped = new Promise((resolve) => (recorder.onstop = resolve));
      recorder.stop();
      await stopped;
      tone.stop();
      await audio.close();
      return [...new Uint8Array(await new Blob(parts).arrayBuffer())];
    });
    expect(webm.length).toBeGreaterThan(1000);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Attach recording…' }).click();
    await (await chooser).setFiles([{ name: 'Leanne_T1.webm', mimeType: 'video/webm', buffer: Buffer.from(webm) }]);
    await page.getByRole('button', { name: 'Keep it' }).click();
    const bar = page.getByRole('region', { name: 'Recording: Leanne_T1.webm' });
    await bar.waitFor();
    const video = bar.locator('video.recording-video');
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState), { timeout: 5000 }).toBeGreaterThan(0);
    expect(await video.evaluate((v: HTMLVideoElement) => [v.videoWidth, v.videoHeight])).toEqual([160, 90]);
    // Leanne's answer starts at 2 s: a click on her name plays from there.
    await page
      .locator('.transcript-editor [data-turn]')
      .nth(1)
      .click({ position: { x: 6, y: 4 } });
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.paused)).toBe(false);
    expect(await video.evaluate((v: HTMLVideoElement) => v.currentTime)).toBeGreaterThanOrEqual(2);
    await page.waitForTimeout(300);
    await screenshot(page, 'recording-video');
    await page.keyboard.press('F9');
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.paused)).toBe(true);
    expect(errors).toEqual([]);
  });
});
