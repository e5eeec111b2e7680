// Electron's entry point (package.json "main": dist-electron/main.js, an ES module).
// Deliberately thin: all logic is in app.ts and friends, where tests can reach it.
import { app, BrowserWindow, dialog, ipcMain, protocol, screen, session, shell } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeReady, whenReady } from './app.js';

const here = path.dirname(fileURLToPath(import.meta.url)); // <project>/dist-electron
const pieces = { app, BrowserWindow, dialog, ipcMain, protocol, screen, session, shell };

if (beforeReady(pieces))
  void app.whenReady().then(() =>
    whenReady(pieces, {
      distDir: path.join(here, '..', 'dist'),
      preloadPath: path.join(here, 'preload.cjs'),
    }),
  );
