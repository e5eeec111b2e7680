import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { licences } from './scripts/licences.mjs';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };
const licenceList = licences();

// The renderer is served from renderer/; the same build runs inside Electron (file://)
// or in any browser (browser mode), so asset paths are relative.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), licenceList.page],
  worker: { plugins: () => [licenceList.worker] },
  define: { __APP_VERSION__: JSON.stringify(version) },
  build: { outDir: '../dist', emptyOutDir: true, sourcemap: true },
  server: { host: '127.0.0.1', strictPort: false },
});
