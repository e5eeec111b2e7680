// Electron's entry point (package.json "main": dist-electron/main.js, an ES module).
// Deliberately thin: all logic is in app.ts and friends, where tests can reach it.
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session, shell } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeReady, whenReady } from './app.js';
import { filesInArgs, OpenedFiles } from './openedFiles.js';

const here = path.dirname(fileURLToPath(import.meta.url)); // <project>/dist-electron
const pieces = { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session, shell };
// A file the app was launched to open (a double-click on a .mirabal or .qdpx) waits for the page.
const opened = new OpenedFiles();
opened.add(filesInArgs(process.argv.slice(1), process.cwd()));

if (beforeReady(pieces, opened))
  void app
    .whenReady()
    .then(() => whenReady(pieces, { distDir: path.join(here, '..', 'dist'), preloadPath: path.join(here, 'preload.cjs') }, opened));
