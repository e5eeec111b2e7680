// The end-to-end and schema tests need Debian's Chromium and xmllint. Install them where we
// can (root with apt-get); otherwise stop and say exactly what to install. Never skip.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const needs = [
  { name: 'Chromium', present: () => existsSync(CHROMIUM), apt: 'chromium' },
  { name: 'xmllint', present: () => spawnSync('xmllint', ['--version']).status === 0, apt: 'libxml2-utils' },
  // A font with wide Unicode coverage so screenshots and text measurement are stable.
  { name: 'DejaVu fonts', present: () => existsSync('/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'), apt: 'fonts-dejavu-core' },
];

export function ensureTools() {
  const missing = needs.filter((n) => !n.present());
  if (missing.length === 0) return;
  const packages = missing.map((m) => m.apt);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('apt-get', ['--version']).status === 0;
  if (!isRoot || !hasApt) {
    console.error(
      `Missing for the tests: ${missing.map((m) => m.name).join(', ')}.\n` +
        `Install them with:  sudo apt-get install -y ${packages.join(' ')}\n` +
        `(or set CHROMIUM_PATH to a Chromium executable).`,
    );
    process.exit(1);
  }
  console.log(`Installing ${packages.join(', ')} with apt-get (needed by the tests)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'inherit', env });
  const still = missing.filter((m) => !m.present());
  if (still.length) {
    console.error(`apt-get ran but ${still.map((m) => m.name).join(', ')} is still missing.`);
    process.exit(1);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) ensureTools();
