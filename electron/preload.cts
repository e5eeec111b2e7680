// Preload for the sandboxed renderer. Sandboxed preloads run as CommonJS (hence
// .cts -> dist-electron/preload.cjs, whatever package.json's "type" says) and can
// only require('electron'): so the contract is imported for types only and the
// channel names are spelled out below, where tsc checks them against it.
//
// The page gets exactly one function per channel and never ipcRenderer itself, so
// it cannot send on any other channel or listen to anything.
import { contextBridge, ipcRenderer } from 'electron';
import type { CHANNELS as ContractChannels, WorkbenchApi } from './contract.js';

const CHANNELS: typeof ContractChannels = {
  openFiles: 'dialog:openFiles',
  saveFile: 'dialog:saveFile',
  writeBackup: 'backup:write',
  listBackups: 'backup:list',
  appInfo: 'app:info',
};

const api: WorkbenchApi = {
  openFiles: (args) => ipcRenderer.invoke(CHANNELS.openFiles, args),
  saveFile: (args) => ipcRenderer.invoke(CHANNELS.saveFile, args),
  writeBackup: (args) => ipcRenderer.invoke(CHANNELS.writeBackup, args),
  listBackups: (args) => ipcRenderer.invoke(CHANNELS.listBackups, args),
  appInfo: () => ipcRenderer.invoke(CHANNELS.appInfo),
};

contextBridge.exposeInMainWorld('workbench', api);
