// Every keyboard shortcut of the app, as data, in one registry: the views ask it whether a key
// press is a shortcut (matchShortcut), and the shortcut sheet lists it (shortcutSheet), so the
// sheet can never be out of date. A shortcut's keys are written once, as a spec
// ("Mod+Shift+Z": Mod is Ctrl, or ⌘ on a Mac), and read both for matching and for showing.

export type ShortcutScope = 'everywhere' | 'coding' | 'player' | 'find' | 'codebook' | 'picker' | 'dialog';

export type ShortcutId =
  | 'undo'
  | 'redo'
  | 'redoAlt'
  | 'shortcutSheet'
  | 'shortcutSheetF1'
  | 'codeSelection'
  | 'repeatLastCode'
  | 'inVivoCode'
  | 'clearClicked'
  | 'findInTranscript'
  | 'findNextHit'
  | 'findPreviousHit'
  | 'findGo'
  | 'findBack'
  | 'findClose'
  | 'selectWords'
  | 'selectExactly'
  | 'codebookNext'
  | 'codebookPrevious'
  | 'codebookMoveUp'
  | 'codebookMoveDown'
  | 'codebookIndent'
  | 'codebookOutdent'
  | 'codebookAddChild'
  | 'codebookAddChildInsert'
  | 'codebookAddSibling'
  | 'codebookDelete'
  | 'pickerNext'
  | 'pickerPrevious'
  | 'pickerChoose'
  | 'dialogClose'
  | 'playPause'
  | 'playPauseF9'
  | 'playBack'
  | 'playForward'
  | 'playFromCursor'
  | 'playSelection'
  | 'syncTurn'
  | 'playSlower'
  | 'playFaster';

export interface Shortcut {
  id: ShortcutId;
  scope: ShortcutScope;
  /** The keys, e.g. "Mod+Shift+Z", "Alt+ArrowUp", "K", "?". */
  keys: string;
  label: string;
  /**
   * Shown in the sheet only: the view handles it itself (a selection gesture, or a key the
   * platform's own widget interprets), so matchShortcut never answers with it.
   */
  shownOnly?: true;
}

/** What of a keyboard event the registry reads (a DOM KeyboardEvent has all of it). */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

export const SCOPE_LABELS: Record<ShortcutScope, string> = {
  everywhere: 'Everywhere in a project',
  coding: 'Coding: in a transcript',
  player: 'Coding: a transcript with its recording',
  find: 'Find in the transcript (Coding)',
  codebook: 'Codebook: on a code in the tree',
  picker: 'Code picker',
  dialog: 'Dialogs',
};

export const SHORTCUTS: readonly Shortcut[] = [
  { id: 'undo', scope: 'everywhere', keys: 'Mod+Z', label: 'Undo the last change (outside text fields)' },
  { id: 'redo', scope: 'everywhere', keys: 'Mod+Shift+Z', label: 'Redo' },
  { id: 'redoAlt', scope: 'everywhere', keys: 'Mod+Y', label: 'Redo' },
  { id: 'shortcutSheet', scope: 'everywhere', keys: '?', label: 'Show these keyboard shortcuts (outside text fields)' },
  { id: 'shortcutSheetF1', scope: 'everywhere', keys: 'F1', label: 'Show these keyboard shortcuts' },
  {
    id: 'selectWords',
    scope: 'coding',
    keys: 'Mod+Shift+ArrowRight',
    label: 'Select by words (selections snap to whole words)',
    shownOnly: true,
  },
  {
    id: 'selectExactly',
    scope: 'coding',
    keys: 'Alt',
    label: 'Hold while selecting to select exactly, not snapped to words',
    shownOnly: true,
  },
  { id: 'codeSelection', scope: 'coding', keys: 'K', label: 'Code the selection: open the code picker' },
  { id: 'repeatLastCode', scope: 'coding', keys: 'R', label: 'Code the selection with the code used last' },
  { id: 'inVivoCode', scope: 'coding', keys: 'I', label: 'Code the selection in vivo (a new code named by its words)' },
  { id: 'clearClicked', scope: 'coding', keys: 'Escape', label: 'Close the coding shown in the inspector' },
  { id: 'findInTranscript', scope: 'coding', keys: 'Mod+F', label: 'Find in the transcript' },
  { id: 'findNextHit', scope: 'coding', keys: 'F3', label: 'Go to the next hit of Find (then K codes it)' },
  { id: 'findPreviousHit', scope: 'coding', keys: 'Shift+F3', label: 'Go to the previous hit of Find' },
  { id: 'playPause', scope: 'player', keys: 'Mod+Space', label: 'Play or pause the recording' },
  { id: 'playPauseF9', scope: 'player', keys: 'F9', label: 'Play or pause the recording' },
  { id: 'playBack', scope: 'player', keys: 'F7', label: 'Back 5 seconds' },
  { id: 'playForward', scope: 'player', keys: 'F8', label: 'Forward 5 seconds' },
  { id: 'playFromCursor', scope: 'player', keys: 'Mod+Enter', label: 'Play from the turn at the cursor (or a click on a speaker’s name)' },
  { id: 'playSelection', scope: 'player', keys: 'Mod+Shift+Enter', label: 'Play the selected or coded passage alone' },
  {
    id: 'syncTurn',
    scope: 'player',
    keys: 'Mod+Shift+Space',
    label: 'Sync: the turn at the cursor starts now (times between sync points follow the words)',
  },
  { id: 'playSlower', scope: 'player', keys: 'Mod+Alt+ArrowDown', label: 'Play slower' },
  { id: 'playFaster', scope: 'player', keys: 'Mod+Alt+ArrowUp', label: 'Play faster' },
  { id: 'findGo', scope: 'find', keys: 'Enter', label: 'Go to the next hit, selected in the text (then K codes it)' },
  { id: 'findBack', scope: 'find', keys: 'Shift+Enter', label: 'Go to the previous hit' },
  { id: 'findClose', scope: 'find', keys: 'Escape', label: 'Close Find' },
  { id: 'codebookNext', scope: 'codebook', keys: 'ArrowDown', label: 'Next code' },
  { id: 'codebookPrevious', scope: 'codebook', keys: 'ArrowUp', label: 'Previous code' },
  { id: 'codebookMoveUp', scope: 'codebook', keys: 'Alt+ArrowUp', label: 'Move the code up' },
  { id: 'codebookMoveDown', scope: 'codebook', keys: 'Alt+ArrowDown', label: 'Move the code down' },
  { id: 'codebookIndent', scope: 'codebook', keys: 'Alt+ArrowRight', label: 'Make it a sub-code of the code above' },
  { id: 'codebookOutdent', scope: 'codebook', keys: 'Alt+ArrowLeft', label: 'Move it up a level' },
  { id: 'codebookAddChild', scope: 'codebook', keys: 'N', label: 'New sub-code' },
  { id: 'codebookAddChildInsert', scope: 'codebook', keys: 'Insert', label: 'New sub-code' },
  { id: 'codebookAddSibling', scope: 'codebook', keys: 'Shift+N', label: 'New code beside it' },
  { id: 'codebookDelete', scope: 'codebook', keys: 'Delete', label: 'Delete the code (asks first)' },
  { id: 'pickerNext', scope: 'picker', keys: 'ArrowDown', label: 'Next code' },
  { id: 'pickerPrevious', scope: 'picker', keys: 'ArrowUp', label: 'Previous code' },
  { id: 'pickerChoose', scope: 'picker', keys: 'Enter', label: 'Apply the code (or create it, when none matches)' },
  { id: 'dialogClose', scope: 'dialog', keys: 'Escape', label: 'Close the dialog without changing anything' },
];

interface KeySpec {
  key: string;
  mod: boolean;
  alt: boolean;
  shift: boolean;
}

const MODIFIERS = new Set(['Mod', 'Alt', 'Shift']);

function parseKeys(keys: string): KeySpec {
  // A lone modifier ("Alt") is a key of its own; "?" and "+" are keys, not separators.
  const parts = keys === '+' ? ['+'] : keys.split('+');
  const key = parts.length > 1 && MODIFIERS.has(parts.at(-1)!) ? '' : parts.at(-1)!;
  const mods = new Set(key ? parts.slice(0, -1) : parts);
  return { key, mod: mods.has('Mod'), alt: mods.has('Alt'), shift: mods.has('Shift') };
}

/** Whether a key press is this shortcut. Letters match either case; Shift counts only where written (not for "?"). */
export function isShortcut(shortcut: Shortcut, press: KeyPress): boolean {
  const spec = parseKeys(shortcut.keys);
  if (!spec.key) return false;
  const letter = /^[A-Z]$/.test(spec.key);
  const pressed = press.key === ' ' ? 'Space' : press.key;
  const keyMatches = letter ? pressed.toUpperCase() === spec.key : pressed === spec.key;
  if (!keyMatches) return false;
  const mod = press.ctrlKey || press.metaKey;
  const printable = spec.key.length === 1 && !letter; // "?" needs Shift on most layouts: not checked
  return mod === spec.mod && press.altKey === spec.alt && (printable || press.shiftKey === spec.shift);
}

/** The shortcut of `scope` a key press is, if any; `shortcuts` with the researcher's keys (customKeys.ts). */
export function matchShortcut(scope: ShortcutScope, press: KeyPress, shortcuts: readonly Shortcut[] = SHORTCUTS): ShortcutId | null {
  return shortcuts.find((s) => s.scope === scope && !s.shownOnly && isShortcut(s, press))?.id ?? null;
}

const MAC_NAMES: Record<string, string> = { Mod: '⌘', Alt: '⌥', Shift: '⇧' };
const KEY_NAMES: Record<string, string> = { ArrowUp: '↑', ArrowDown: '↓', ArrowLeft: '←', ArrowRight: '→', Escape: 'Esc' };

/** How the keys are shown: "Ctrl+Shift+Z", or "⌘⇧Z" on a Mac. */
export function keysLabel(keys: string, mac: boolean): string {
  const parts = keys === '+' ? ['+'] : keys.split('+');
  const names = parts.map((p) => KEY_NAMES[p] ?? (mac ? (MAC_NAMES[p] ?? p) : p === 'Mod' ? 'Ctrl' : p));
  return mac ? names.join('') : names.join('+');
}

/** The keys of one shortcut as shown, for a button's tooltip ("Undo (Ctrl+Z)"). */
export function keysOf(id: ShortcutId, mac: boolean, shortcuts: readonly Shortcut[] = SHORTCUTS): string {
  return keysLabel(shortcuts.find((s) => s.id === id)!.keys, mac);
}

export interface SheetSection {
  scope: ShortcutScope;
  title: string;
  /** `ids[i]` is the shortcut whose keys are `keys[i]` (to change them, where that is allowed). */
  rows: { keys: string[]; ids: ShortcutId[]; label: string }[];
}

/** The shortcut sheet: every shortcut by scope, shortcuts with the same label on one row. */
export function shortcutSheet(mac: boolean, shortcuts: readonly Shortcut[] = SHORTCUTS): SheetSection[] {
  return (Object.keys(SCOPE_LABELS) as ShortcutScope[]).map((scope) => {
    const rows: SheetSection['rows'] = [];
    for (const s of shortcuts.filter((x) => x.scope === scope)) {
      const same = rows.find((r) => r.label === s.label);
      if (same) {
        same.keys.push(keysLabel(s.keys, mac));
        same.ids.push(s.id);
      } else rows.push({ keys: [keysLabel(s.keys, mac)], ids: [s.id], label: s.label });
    }
    return { scope, title: SCOPE_LABELS[scope], rows };
  });
}

export * from './customKeys';
