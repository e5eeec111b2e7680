// The researcher's own keys for the player (issue 23: "all on the keyboard, configurable"). A
// transcriber's foot pedal or muscle memory from another tool (F4 in one, Esc in another) should
// not have to be unlearned. Only the player's shortcuts can be changed: they are read on the
// whole tab, even in a text field, so each must hold Ctrl/⌘ or Alt, or be a function key; and
// none may take the keys of another shortcut, of the editor (copy, paste, select all) or of the
// window (quit, close, reload, zoom), which the researcher would lose without noticing.
import type { KeyPress, Shortcut, ShortcutId, ShortcutScope } from './index';

/** Shortcut id → keys ("Mod+Shift+P"), for the shortcuts changed from their defaults. */
export type KeyOverrides = Partial<Record<ShortcutId, string>>;

/** The scopes whose keys may be changed. */
export const CONFIGURABLE_SCOPES: readonly ShortcutScope[] = ['player'];

/** Keys the editor, the browser or the window need, by what they do there. */
const RESERVED: Record<string, string> = {
  'Mod+A': 'select all',
  'Mod+C': 'copy',
  'Mod+V': 'paste',
  'Mod+X': 'cut',
  'Mod+Q': 'quit',
  'Mod+W': 'close the window',
  'Mod+R': 'reload',
  'Mod+Shift+R': 'reload',
  'Mod+P': 'print',
  'Mod+=': 'zoom in',
  'Mod++': 'zoom in',
  'Mod+-': 'zoom out',
  'Mod+0': 'actual size',
  F5: 'reload',
  F11: 'full screen',
  F12: "the developer's tools",
  Tab: 'moving between controls',
  'Shift+Tab': 'moving between controls',
  Escape: 'closing dialogs',
};

/** Scopes whose keys are live on the Coding tab with the player: the codebook's are on another tab. */
const LIVE_WITH_PLAYER: readonly ShortcutScope[] = ['everywhere', 'coding', 'player', 'find', 'picker', 'dialog'];

const MODIFIER_KEYS = new Set(['Control', 'Meta', 'Alt', 'Shift', 'AltGraph', 'CapsLock', 'Fn', 'OS']);

/** The keys of a key press as a spec ("Mod+Alt+P", "F4"); null for a modifier alone. */
export function keysFromPress(press: KeyPress): string | null {
  if (MODIFIER_KEYS.has(press.key) || press.key === 'Dead' || press.key === 'Unidentified') return null;
  const key = press.key === ' ' ? 'Space' : press.key.length === 1 ? press.key.toUpperCase() : press.key;
  const mods = [press.ctrlKey || press.metaKey ? 'Mod' : '', press.altKey ? 'Alt' : '', press.shiftKey ? 'Shift' : ''];
  return [...mods.filter(Boolean), key].join('+');
}

const isFunctionKey = (key: string) => /^F([2-9]|1[0-9]|2[0-4])$/.test(key);

/**
 * Why `keys` cannot be shortcut `id`'s, in words ("Ctrl+C is copy in the transcript"), or null
 * when it can. `shortcuts` are the ones in effect (overrides applied), `label` shows keys.
 */
export function keyChangeProblem(
  id: ShortcutId,
  keys: string,
  shortcuts: readonly Shortcut[],
  label: (keys: string) => string,
): string | null {
  const shortcut = shortcuts.find((s) => s.id === id);
  if (!shortcut || !CONFIGURABLE_SCOPES.includes(shortcut.scope)) return 'Only the player’s keys can be changed.';
  const parts = keys.split('+');
  const key = parts.at(-1)!;
  const modified = parts.includes('Mod') || parts.includes('Alt');
  if (!modified && !isFunctionKey(key))
    return `${label(keys)} would be taken from typing and from the coding keys: use Ctrl or Alt with it, or a function key (F2–F12).`;
  const reserved = RESERVED[keys];
  if (reserved) return `${label(keys)} is ${reserved}; choose other keys.`;
  const taken = shortcuts.find((s) => s.id !== id && s.keys === keys && !s.shownOnly && LIVE_WITH_PLAYER.includes(s.scope));
  if (taken) return `${label(keys)} is already “${taken.label}”.`;
  return null;
}

/** The shortcuts with the researcher's keys in place of the defaults. */
export function withOverrides(shortcuts: readonly Shortcut[], overrides: KeyOverrides): readonly Shortcut[] {
  if (Object.keys(overrides).length === 0) return shortcuts;
  return shortcuts.map((s) => {
    const keys = overrides[s.id];
    return keys && CONFIGURABLE_SCOPES.includes(s.scope) ? { ...s, keys } : s;
  });
}

/**
 * Overrides as stored (JSON), read leniently: an unknown id, a key that is not allowed or that
 * clashes (the registry changed since it was saved) is dropped, and its default comes back.
 */
export function parseKeyOverrides(
  stored: string | null,
  shortcuts: readonly Shortcut[],
  label: (keys: string) => string = (k) => k,
): KeyOverrides {
  let raw: unknown;
  try {
    raw = stored ? JSON.parse(stored) : {};
  } catch {
    return {};
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return {};
  let kept: KeyOverrides = {};
  for (const [id, keys] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof keys !== 'string' || !shortcuts.some((s) => s.id === id)) continue;
    const candidate = { ...kept, [id]: keys };
    if (keyChangeProblem(id as ShortcutId, keys, withOverrides(shortcuts, candidate), label) === null) kept = candidate;
  }
  return kept;
}
