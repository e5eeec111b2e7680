// Preload for the sandboxed renderer. Sandboxed preloads run as CommonJS (hence
// .cts -> dist-electron/preload.cjs, whatever package.json's "type" says) and can
// only require('electron'): so the contract is imported for types only and the
// channel names are spelled out below, where tsc checks them against it.
//
// The page gets exactly one function per channel and never ipcRenderer itself, so
// it cannot send on any other channel or listen to anything but APP_CLOSING.
import { contextBridge, ipcRenderer } from 'electron';
import type { APP_CLOSING as ContractClosing, CHANNELS as ContractChannels, WorkbenchApi } from './contract.js';

const CHANNELS: typeof ContractChannels = {
  openFiles: 'dialog:openFiles',
  saveFile: 'dialog:saveFile',
  writeBackup: 'backup:write',
  listBackups: 'backup:list',
  readBackup: 'backup:read',
  revealBackups: 'backup:reveal',
  backupProjects: 'backup:projects',
  deleteBackups: 'backup:delete',
  appInfo: 'app:info',
  readyToClose: 'app:readyToClose',
};
const APP_CLOSING: typeof ContractClosing = 'app:closing';

// Until the page listens (still loading, or no project open), closing needs no wait.
let closingListener: (() => void) | null = null;
ipcRenderer.on(APP_CLOSING, () => {
  if (closingListener) closingListener();
  else void ipcRenderer.invoke(CHANNELS.readyToClose);
});

const api: WorkbenchApi = {
  openFiles: (args) => ipcRenderer.invoke(CHANNELS.openFiles, args),
  saveFile: (args) => ipcRenderer.invoke(CHANNELS.saveFile, args),
  writeBackup: (args) => ipcRenderer.invoke(CHANNELS.writeBackup, args),
  listBackups: (args) => ipcRenderer.invoke(CHANNELS.listBackups, args),
  readBackup: (args) => ipcRenderer.invoke(CHANNELS.readBackup, args),
  revealBackups: (args) => ipcRenderer.invoke(CHANNELS.revealBackups, args),
  backupProjects: () => ipcRenderer.invoke(CHANNELS.backupProjects),
  deleteBackups: (args) => ipcRenderer.invoke(CHANNELS.deleteBackups, args),
  appInfo: () => ipcRenderer.invoke(CHANNELS.appInfo),
  readyToClose: () => ipcRenderer.invoke(CHANNELS.readyToClose),
  // The listener gets no event object: the page never sees ipcRenderer or its sender.
  onAppClosing: (listener) => {
    closingListener = typeof listener === 'function' ? () => listener() : null;
  },
};

contextBridge.exposeInMainWorld('workbench', api);
