import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is served from renderer/; the same build runs inside Electron (file://)
// or in any browser (browser mode), so asset paths are relative.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../dist', emptyOutDir: true, sourcemap: true },
  server: { host: '127.0.0.1', strictPort: false },
});
