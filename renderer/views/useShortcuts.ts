// The shortcuts in effect on this computer: the registry with the researcher's own player keys
// (kept in prefs). Key handlers read them at each key press (currentShortcuts), views that show
// keys re-render when they change (useShortcuts).
import { useSyncExternalStore } from 'react';
import { parseKeyOverrides, SHORTCUTS, withOverrides, type KeyOverrides, type Shortcut } from '../core/shortcuts';
import { prefs } from '../store/prefs';

let overrides: KeyOverrides | null = null;
let current: readonly Shortcut[] | null = null;
const listeners = new Set<() => void>();

/** The researcher's keys as changed (only those differing from the defaults). */
export function keyOverrides(): KeyOverrides {
  return (overrides ??= parseKeyOverrides(prefs.keyOverrides(), SHORTCUTS));
}

export function currentShortcuts(): readonly Shortcut[] {
  return (current ??= withOverrides(SHORTCUTS, keyOverrides()));
}

/** Keeps new overrides on this computer ({} puts every default back). */
export function setKeyOverrides(next: KeyOverrides): void {
  prefs.setKeyOverrides(Object.keys(next).length ? JSON.stringify(next) : null);
  overrides = null;
  current = null;
  for (const listener of listeners) listener();
}

export function useShortcuts(): readonly Shortcut[] {
  return useSyncExternalStore((listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, currentShortcuts);
}
