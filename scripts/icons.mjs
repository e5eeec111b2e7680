// `npm run icons`: renders build/icon.svg (the app's icon, drawn by hand) to the PNGs the
// installers need, in Chromium: build/icon.png (1024 px; electron-builder makes the Windows
// .ico and the macOS .icns from it) and build/icons/<size>x<size>.png for Linux desktops.
// The PNGs are committed, so building installers needs no Chromium.
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, ensureTools } from './ensure-tools.mjs';

const build = path.join(import.meta.dirname, '..', 'build');
const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

ensureTools();
const svg = readFileSync(path.join(build, 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
  mkdirSync(path.join(build, 'icons'), { recursive: true });
  for (const size of SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const sized = svg.replace('width="1024" height="1024"', `width="${size}" height="${size}"`);
    await page.setContent(`<html><body style="margin:0;background:transparent">${sized}</body></html>`);
    const file = size === 1024 ? path.join(build, 'icon.png') : path.join(build, 'icons', `${size}x${size}.png`);
    await page.locator('svg').screenshot({ path: file, omitBackground: true });
    await page.close();
    console.log(path.relative(path.join(build, '..'), file));
  }
} finally {
  await browser.close();
}
