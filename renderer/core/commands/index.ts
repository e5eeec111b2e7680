// The app's commands and its application menu, as data. A command is something the researcher
// can ask for from the menu (File > Import .qdpx…) and, where it has one, from its keyboard
// shortcut: the keys come from the shortcut registry (core/shortcuts), so the menu, the keys and
// the shortcut sheet always agree. The views say which commands they can run at the moment
// (views/commandBus.ts); `applicationMenu` turns that into the menu the desktop window shows.
import { SHORTCUTS, type ShortcutId } from '../shortcuts';

export type CommandId =
  | 'newProject'
  | 'openSample'
  | 'importTranscripts'
  | 'importQdpx'
  | 'saveArchive'
  | 'restoreArchive'
  | 'exportQdpx'
  | 'undo'
  | 'redo'
  | 'shortcutSheet'
  | 'about';

export interface Command {
  id: CommandId;
  label: string;
  shortcut?: ShortcutId;
}

export const COMMANDS: Record<CommandId, Command> = {
  newProject: { id: 'newProject', label: 'New project…' },
  openSample: { id: 'openSample', label: 'Open sample project' },
  importTranscripts: { id: 'importTranscripts', label: 'Import transcripts…' },
  importQdpx: { id: 'importQdpx', label: 'Import .qdpx…' },
  saveArchive: { id: 'saveArchive', label: 'Save archive…' },
  restoreArchive: { id: 'restoreArchive', label: 'Restore archive…' },
  exportQdpx: { id: 'exportQdpx', label: 'Export .qdpx…' },
  undo: { id: 'undo', label: 'Undo', shortcut: 'undo' },
  redo: { id: 'redo', label: 'Redo', shortcut: 'redo' },
  shortcutSheet: { id: 'shortcutSheet', label: 'Keyboard shortcuts', shortcut: 'shortcutSheetF1' },
  about: { id: 'about', label: 'About Mirabal Workbench' },
};

/** Menu items the platform itself provides (Electron's menu roles): text editing, zoom, quitting. */
export type MenuRole = 'cut' | 'copy' | 'paste' | 'selectAll' | 'zoomIn' | 'zoomOut' | 'resetZoom' | 'togglefullscreen' | 'quit';

export type MenuItem =
  | { kind: 'command'; command: CommandId; label: string; accelerator?: string; enabled: boolean }
  | { kind: 'role'; role: MenuRole }
  | { kind: 'separator' };

export interface Menu {
  label: string;
  items: MenuItem[];
}

type Entry = CommandId | { role: MenuRole } | '-';

const LAYOUT: { label: string; entries: Entry[] }[] = [
  {
    label: 'File',
    entries: [
      'newProject',
      'openSample',
      '-',
      'importTranscripts',
      'importQdpx',
      '-',
      'saveArchive',
      'restoreArchive',
      'exportQdpx',
      '-',
      { role: 'quit' },
    ],
  },
  { label: 'Edit', entries: ['undo', 'redo', '-', { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }] },
  {
    label: 'View',
    entries: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, '-', { role: 'togglefullscreen' }],
  },
  { label: 'Help', entries: ['shortcutSheet', '-', 'about'] },
];

/**
 * Electron's accelerator for a shortcut's keys: "Mod+Shift+Z" is "CmdOrCtrl+Shift+Z". Keys
 * Electron cannot name (a lone "?") have none: the menu shows no keys for them.
 */
export function acceleratorOf(keys: string): string | undefined {
  const parts = keys.split('+');
  const key = parts.at(-1)!;
  const named: Record<string, string> = { ArrowUp: 'Up', ArrowDown: 'Down', ArrowLeft: 'Left', ArrowRight: 'Right', Escape: 'Esc' };
  const last = named[key] ?? key;
  if (!/^(?:[A-Z0-9]|F\d{1,2}|Up|Down|Left|Right|Esc|Enter|Delete|Insert)$/.test(last)) return undefined;
  const mods = parts.slice(0, -1).map((m) => (m === 'Mod' ? 'CmdOrCtrl' : m));
  return [...mods, last].join('+');
}

/**
 * The application menu as it should look now. `available` says which commands the views can
 * run at this moment (others are shown greyed out); `labels` overrides a command's label
 * ("Undo Apply code"). On a Mac, Quit lives in the app's own menu, not under File.
 */
export function applicationMenu(
  available: (id: CommandId) => boolean,
  options: { mac: boolean; labels?: Partial<Record<CommandId, string>> },
): Menu[] {
  return LAYOUT.map((menu) => {
    const items = menu.entries
      .filter((e) => !(options.mac && typeof e === 'object' && e.role === 'quit'))
      .map((e): MenuItem => {
        if (e === '-') return { kind: 'separator' };
        if (typeof e === 'object') return { kind: 'role', role: e.role };
        const command = COMMANDS[e];
        const keys = command.shortcut ? SHORTCUTS.find((s) => s.id === command.shortcut)?.keys : undefined;
        const accelerator = keys ? acceleratorOf(keys) : undefined;
        return {
          kind: 'command',
          command: e,
          label: options.labels?.[e] ?? command.label,
          ...(accelerator ? { accelerator } : {}),
          enabled: available(e),
        };
      });
    // A separator left at the end (Quit moved away on a Mac) is dropped.
    while (items.at(-1)?.kind === 'separator') items.pop();
    return { label: menu.label, items };
  });
}

/** Every command of the menu, in menu order (the contract's list of what main may send back). */
export function menuCommands(): CommandId[] {
  return LAYOUT.flatMap((m) => m.entries.filter((e): e is CommandId => typeof e === 'string' && e !== '-'));
}
