// Layers import only downwards: views -> editor/store/io/platform -> core. The core is pure
// TypeScript: no React, Dexie, Lexical, DOM or Node. This test is the lint rule that keeps it so.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

function imports(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  return [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2]!);
}

/** Which top-level folder of renderer/ a relative import lands in. */
function layerOf(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const target = relative(join(root, 'renderer'), join(from, '..', spec));
  if (target.startsWith('..')) return target.replace(/\\/g, '/').startsWith('../codebook') ? 'codebook' : `outside:${target}`;
  return target.split(/[\\/]/)[0]!;
}

const PURE_LIBRARIES = ['fuse.js', 'minisearch'];

const ALLOWED: Record<string, string[]> = {
  core: ['core'],
  io: ['core', 'io'],
  store: ['core', 'io', 'store', 'sample', 'codebook'],
  editor: ['core', 'store', 'editor'],
  platform: ['platform', 'outside:../electron/contract'],
  sample: ['core', 'sample'],
  views: ['core', 'io', 'store', 'editor', 'platform', 'views', 'sample', 'codebook'],
};

describe('architecture', () => {
  it('core imports nothing outside core and no outer library', () => {
    const bad: string[] = [];
    for (const file of files(join(root, 'renderer', 'core'))) {
      for (const spec of imports(file)) {
        // Pure, platform-free libraries are allowed; anything of the app's outer layers is not.
        // Relative imports must stay inside core (sub-folders such as core/agreement may reach up to core).
        const insideCore = spec.startsWith('.') && layerOf(file, spec) === 'core';
        if (!insideCore && !PURE_LIBRARIES.includes(spec)) bad.push(`${relative(root, file)} imports ${spec}`);
      }
      const text = readFileSync(file, 'utf8');
      if (/\b(document|window|localStorage|indexedDB|process|require)\s*[.(]/.test(text)) bad.push(`${relative(root, file)} touches the DOM or Node`);
    }
    expect(bad).toEqual([]);
  });

  it('layers import only downwards', () => {
    const bad: string[] = [];
    for (const [layer, allowed] of Object.entries(ALLOWED)) {
      let dir: string;
      try {
        dir = join(root, 'renderer', layer);
        statSync(dir);
      } catch {
        continue;
      }
      for (const file of files(dir)) {
        for (const spec of imports(file)) {
          const target = layerOf(file, spec);
          if (target !== null && !allowed.includes(target)) bad.push(`${relative(root, file)} (${layer}) imports ${spec}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('electron main never imports the renderer application', () => {
    const bad = files(join(root, 'electron')).flatMap((file) =>
      imports(file).filter((s) => s.includes('renderer/')).map((s) => `${relative(root, file)} imports ${s}`),
    );
    expect(bad).toEqual([]);
  });
});
