// A vite plugin: the licences of the packages built into the app, for Help > About. It looks at
// what the bundles really hold (every module from node_modules, in the page and in its workers),
// so the list is exactly what ships, and writes it to dist/licences.js, which the About dialog
// loads only when it is opened.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const PACKAGE_DIR = /^(.*[\\/]node_modules[\\/](?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/;
const LICENCE_FILE = /^(?:licen[cs]e|copying)(?:[.-].*)?$/i;

/** The package a bundled module belongs to: its folder, or null for the app's own code. */
export function packageDirOf(moduleId) {
  const clean = moduleId.replace(/^\0/, '').split('?')[0];
  return PACKAGE_DIR.exec(clean)?.[1] ?? null;
}

/** Name, version, licence and licence text of the package in `dir`. */
export function packageLicence(dir) {
  const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const file = readdirSync(dir).find((f) => LICENCE_FILE.test(f));
  const licence = typeof pkg.license === 'string' ? pkg.license : (pkg.license?.type ?? 'see its licence text');
  return {
    name: pkg.name,
    version: pkg.version,
    licence,
    text: file ? readFileSync(path.join(dir, file), 'utf8').trim() : '',
  };
}

/**
 * One collector for the page's build and its workers' builds (vite builds workers with their
 * own plugins): both note the packages they bundle; the page's build writes the file.
 */
export function licences() {
  const dirs = new Set();
  const collect = {
    name: 'mirabal-licences-collect',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const item of Object.values(bundle)) {
        if (item.type !== 'chunk') continue;
        for (const id of Object.keys(item.modules)) {
          const dir = packageDirOf(id);
          if (dir && existsSync(path.join(dir, 'package.json'))) dirs.add(dir);
        }
      }
    },
  };
  const write = {
    ...collect,
    name: 'mirabal-licences',
    generateBundle(options, bundle) {
      collect.generateBundle.call(this, options, bundle);
      // A package nested inside another (node_modules/a/node_modules/b) is listed once per version.
      const seen = new Map();
      for (const dir of dirs) {
        const entry = packageLicence(dir);
        seen.set(`${entry.name}@${entry.version}`, entry);
      }
      const list = [...seen.values()].sort((a, b) => a.name.localeCompare(b.name));
      this.emitFile({ type: 'asset', fileName: 'licences.js', source: `export default ${JSON.stringify(list)};\n` });
    },
  };
  return { page: write, worker: collect };
}
