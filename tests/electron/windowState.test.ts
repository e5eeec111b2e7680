import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_WINDOW,
  MIN_HEIGHT,
  MIN_WIDTH,
  readWindowState,
  usableWindowState,
  windowStateFile,
  writeWindowState,
} from '../../electron/windowState';

const ONE_SCREEN = [{ x: 0, y: 0, width: 1920, height: 1040 }];
const LEFT_MONITOR = [...ONE_SCREEN, { x: -2560, y: 0, width: 2560, height: 1400 }];

describe('usableWindowState', () => {
  it('keeps a saved window that is on a screen', () => {
    expect(usableWindowState({ x: 100, y: 50, width: 1200, height: 800, maximized: true }, ONE_SCREEN)).toEqual({
      x: 100,
      y: 50,
      width: 1200,
      height: 800,
      maximized: true,
    });
  });

  it('keeps the size but not the place of a window left on a monitor that is gone', () => {
    const saved = { x: -2000, y: 100, width: 1600, height: 900, maximized: false };
    expect(usableWindowState(saved, LEFT_MONITOR)).toMatchObject({ x: -2000, y: 100 });
    expect(usableWindowState(saved, ONE_SCREEN)).toEqual({ width: 1600, height: 900, maximized: false });
  });

  it('drops a window whose title bar is off the top or far off to the side', () => {
    expect(usableWindowState({ x: 100, y: -500, width: 1200, height: 800, maximized: false }, ONE_SCREEN).x).toBeUndefined();
    expect(usableWindowState({ x: 1900, y: 10, width: 1200, height: 800, maximized: false }, ONE_SCREEN).x).toBeUndefined();
  });

  it('keeps the size between the minimum and the largest screen', () => {
    expect(usableWindowState({ width: 200, height: 100, maximized: false }, ONE_SCREEN)).toEqual({
      width: MIN_WIDTH,
      height: MIN_HEIGHT,
      maximized: false,
    });
    expect(usableWindowState({ width: 9000, height: 9000, maximized: false }, ONE_SCREEN)).toMatchObject({ width: 1920, height: 1040 });
  });

  it('falls back to the default for anything that is not a saved window', () => {
    for (const junk of [null, 'x', [], {}, { width: '1200', height: 800 }, { width: 1.5, height: 800 }, { width: 1e9, height: 800 }])
      expect(usableWindowState(junk, ONE_SCREEN)).toEqual(DEFAULT_WINDOW);
  });
});

describe('the window state file', () => {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mirabal-window-state-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is written whole and read back', async () => {
    const userData = join(dir, 'user data'); // created by the write
    await writeWindowState(userData, { getNormalBounds: () => ({ x: 30, y: 40, width: 1000, height: 700 }), isMaximized: () => false });
    expect(readWindowState(userData, ONE_SCREEN)).toEqual({ x: 30, y: 40, width: 1000, height: 700, maximized: false });
  });

  it('gives the default when it is missing or damaged', () => {
    expect(readWindowState(dir, ONE_SCREEN)).toEqual(DEFAULT_WINDOW);
    mkdirSync(dir, { recursive: true });
    writeFileSync(windowStateFile(dir), '{"x": 3, "y"');
    expect(readWindowState(dir, ONE_SCREEN)).toEqual(DEFAULT_WINDOW);
  });
});
