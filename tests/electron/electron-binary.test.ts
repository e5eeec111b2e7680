import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { electronBinaryPath } from '../../scripts/electron-binary.mjs';

let project: string;
const pkg = () => join(project, 'node_modules', 'electron');

beforeEach(() => {
  project = mkdtempSync(join(tmpdir(), 'wb-electron-bin-'));
  mkdirSync(pkg(), { recursive: true });
  writeFileSync(join(pkg(), 'index.js'), 'throw new Error("must not be required")');
});
afterEach(() => rmSync(project, { recursive: true, force: true }));

describe('electronBinaryPath', () => {
  it('is null when path.txt is missing (the download never happened)', () => {
    expect(electronBinaryPath(project, {})).toBeNull();
  });

  it('is null when path.txt names a binary that is not there', () => {
    writeFileSync(join(pkg(), 'path.txt'), 'electron');
    expect(electronBinaryPath(project, {})).toBeNull();
  });

  it('is the binary under dist/ when path.txt names one that exists', () => {
    writeFileSync(join(pkg(), 'path.txt'), 'electron');
    mkdirSync(join(pkg(), 'dist'));
    writeFileSync(join(pkg(), 'dist', 'electron'), '');
    expect(electronBinaryPath(project, {})).toBe(join(pkg(), 'dist', 'electron'));
  });

  it('handles nested paths such as the macOS app bundle', () => {
    const rel = 'Electron.app/Contents/MacOS/Electron';
    writeFileSync(join(pkg(), 'path.txt'), rel);
    mkdirSync(join(pkg(), 'dist', 'Electron.app', 'Contents', 'MacOS'), { recursive: true });
    writeFileSync(join(pkg(), 'dist', rel), '');
    expect(electronBinaryPath(project, {})).toBe(join(pkg(), 'dist', rel));
  });

  it('refuses a path.txt that points outside dist/', () => {
    writeFileSync(join(pkg(), 'path.txt'), '../index.js');
    expect(electronBinaryPath(project, {})).toBeNull();
  });

  it('is null when path.txt names a directory', () => {
    writeFileSync(join(pkg(), 'path.txt'), 'electron');
    mkdirSync(join(pkg(), 'dist', 'electron'), { recursive: true });
    expect(electronBinaryPath(project, {})).toBeNull();
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH like electron/index.js', () => {
    const custom = join(project, 'custom');
    mkdirSync(custom);
    writeFileSync(join(custom, 'electron'), '');
    expect(electronBinaryPath(project, { ELECTRON_OVERRIDE_DIST_PATH: custom })).toBe(join(custom, 'electron'));
  });

  it('is null for the real project on this machine (no binary offline) or a real file', () => {
    const found = electronBinaryPath(join(import.meta.dirname, '..', '..'), {});
    expect(found === null || found.includes(join('node_modules', 'electron', 'dist'))).toBe(true);
  });
});
