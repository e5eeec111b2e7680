// Preload for the sandboxed renderer. Sandboxed preloads run as CommonJS (hence
// .cts -> dist-electron/preload.cjs, whatever package.json's "type" says) and can
// only require('electron'): so the contract is imported for types only and the
// channel names are spelled out below, where tsc checks them against it.
//
// The page gets exactly one function per channel and never ipcRenderer itself, so it cannot
// send on any other channel or listen to anything but APP_CLOSING, MENU_COMMAND and FILES_OPENED.
import { contextBridge, ipcRenderer } from 'electron';
import type {
  APP_CLOSING as ContractClosing,
  CHANNELS as ContractChannels,
  FILES_OPENED as ContractFilesOpened,
  MENU_COMMAND as ContractMenuCommand,
  WorkbenchApi,
} from './contract.js';

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
  stillClosing: 'app:stillClosing',
  setMenu: 'menu:set',
  openedFiles: 'app:openedFiles',
  linkRecording: 'recording:link',
  recordingStatus: 'recording:status',
  relinkRecording: 'recording:relink',
  unlinkRecording: 'recording:unlink',
  recordingBytes: 'recording:bytes',
};
const APP_CLOSING: typeof ContractClosing = 'app:closing';
const MENU_COMMAND: typeof ContractMenuCommand = 'menu:command';
const FILES_OPENED: typeof ContractFilesOpened = 'app:filesOpened';

// Until the page listens (still loading, or no project open), closing needs no wait.
let closingListener: (() => void) | null = null;
ipcRenderer.on(APP_CLOSING, () => {
  if (closingListener) closingListener();
  else void ipcRenderer.invoke(CHANNELS.readyToClose);
});

// Menu commands and opened files that arrive before the page listens wait for it.
let menuListener: ((command: string) => void) | null = null;
const pendingCommands: string[] = [];
ipcRenderer.on(MENU_COMMAND, (_event, command: unknown) => {
  if (typeof command !== 'string') return;
  if (menuListener) menuListener(command);
  else pendingCommands.push(command);
});
let filesListener: (() => void) | null = null;
let filesWaiting = false;
ipcRenderer.on(FILES_OPENED, () => {
  if (filesListener) filesListener();
  else filesWaiting = true;
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
  stillClosing: () => ipcRenderer.invoke(CHANNELS.stillClosing),
  setMenu: (args) => ipcRenderer.invoke(CHANNELS.setMenu, args),
  openedFiles: () => ipcRenderer.invoke(CHANNELS.openedFiles),
  linkRecording: (args) => ipcRenderer.invoke(CHANNELS.linkRecording, args),
  recordingStatus: (args) => ipcRenderer.invoke(CHANNELS.recordingStatus, args),
  relinkRecording: (args) => ipcRenderer.invoke(CHANNELS.relinkRecording, args),
  unlinkRecording: (args) => ipcRenderer.invoke(CHANNELS.unlinkRecording, args),
  recordingBytes: (args) => ipcRenderer.invoke(CHANNELS.recordingBytes, args),
  // The listener gets no event object: the page never sees ipcRenderer or its sender.
  onAppClosing: (listener) => {
    closingListener = typeof listener === 'function' ? () => listener() : null;
  },
  onMenuCommand: (listener) => {
    menuListener = typeof listener === 'function' ? (command) => listener(command) : null;
    if (menuListener) for (const command of pendingCommands.splice(0)) menuListener(command);
  },
  onFilesOpened: (listener) => {
    filesListener = typeof listener === 'function' ? () => listener() : null;
    if (filesListener && filesWaiting) {
      filesWaiting = false;
      filesListener();
    }
  },
};

contextBridge.exposeInMainWorld('workbench', api);
