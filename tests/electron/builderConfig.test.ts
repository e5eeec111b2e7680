// The installers cannot be built here (electron-builder downloads Electron and its tools), so
// what builds them is checked offline: electron-builder.yml against electron-builder's own
// schema, with what issue 16 asks of it (targets, fuses, file associations, icons), and the
// release workflow that runs it on hosted machines.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DebugLogger } from 'builder-util/out/DebugLogger.js';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;

/** A PNG's width and height, from its IHDR chunk. */
function pngSize(file: string): [number, number] {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own schema, and the schema refuses a misspelt fuse', async () => {
    const config = await getConfig(ROOT, null, null);
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(
      validateConfiguration({ ...config, electronFuses: { runAsNodee: false } } as never, new DebugLogger(false)),
    ).rejects.toThrow(/electronFuses/);
  });

  it('builds AppImage and .deb, NSIS and dmg, with the app’s name and id', async () => {
    const config = await getConfig(ROOT, null, null);
    expect(config).toMatchObject({ appId: 'org.mirabal.workbench', productName: 'Mirabal Workbench', asar: true, publish: null });
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac?.target).toEqual(['dmg']);
  });

  it('sets the fuses the security checklist asks for', async () => {
    const config = await getConfig(ROOT, null, null);
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
    });
  });

  it('opens .mirabal archives and .qdpx projects with the app', async () => {
    const config = await getConfig(ROOT, null, null);
    const associations = [config.fileAssociations].flat();
    expect(associations.map((a) => a?.ext)).toEqual(['mirabal', 'qdpx']);
  });

  it('ships the built app only, with the main process package.json names', async () => {
    const config = await getConfig(ROOT, null, null);
    expect(config.files).toEqual([{ filter: ['dist/**/*', 'dist-electron/**/*', 'package.json', '!**/*.map'] }]);
    expect(pkg.main).toBe('dist-electron/main.js');
    // Everything the renderer uses is bundled by Vite: nothing for electron-builder to pack.
    expect(pkg.dependencies).toBeUndefined();
  });

  it('has the icon rendered from build/icon.svg at every size', () => {
    expect(readFileSync(join(ROOT, 'build', 'icon.svg'), 'utf8')).toMatch(/^<svg [^>]*viewBox="0 0 1024 1024"/);
    expect(pngSize(join(ROOT, 'build', 'icon.png'))).toEqual([1024, 1024]);
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512])
      expect(pngSize(join(ROOT, 'build', 'icons', `${size}x${size}.png`))).toEqual([size, size]);
  });
});

describe('the release workflow', () => {
  const workflow = parse(readFileSync(join(ROOT, '.github', 'workflows', 'release.yml'), 'utf8')) as {
    on: { push: { tags: string[] } };
    permissions: Record<string, string>;
    jobs: Record<
      string,
      {
        strategy: { matrix: { include: { os: string; target: string }[] } };
        steps: { uses?: string; run?: string; with?: Record<string, unknown> }[];
      }
    >;
  };
  const job = workflow.jobs.installers!;

  it('runs on a version tag, reading the repository only', () => {
    expect(workflow.on.push.tags).toEqual(['v*']);
    expect(workflow.permissions).toEqual({ contents: 'read' });
  });

  it('builds each installer on its own platform with Node 22, from a clean install, and keeps them', () => {
    expect(job.strategy.matrix.include.map((m) => m.target)).toEqual(['--linux AppImage deb', '--win nsis', '--mac dmg']);
    expect(job.strategy.matrix.include.map((m) => m.os)).toEqual([
      expect.stringMatching(/^ubuntu/),
      expect.stringMatching(/^windows/),
      expect.stringMatching(/^macos/),
    ]);
    const runs = job.steps.map((s) => s.run ?? s.uses ?? '');
    expect(job.steps.find((s) => s.uses?.startsWith('actions/setup-node@'))?.with?.['node-version']).toBe(22);
    const order = ['npm ci', 'npm run build', 'npx electron-builder ${{ matrix.target }} --publish never'].map((r) => runs.indexOf(r));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(runs.at(-1)).toMatch(/^actions\/upload-artifact@v\d+$/);
    // Every action pinned to a major version, none to a moving branch.
    for (const uses of job.steps.flatMap((s) => (s.uses ? [s.uses] : []))) expect(uses).toMatch(/@v\d+$/);
  });
});
