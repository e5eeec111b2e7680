// The keyboard shortcut sheet (? or F1): every shortcut of every view, read from the one registry
// the views match key presses against (core/shortcuts), so it cannot fall out of date. The
// player's keys can be changed here, and are kept on this computer (useShortcuts.ts).
import { useEffect, useState } from 'react';
import {
  CONFIGURABLE_SCOPES,
  keyChangeProblem,
  keysFromPress,
  keysLabel,
  matchShortcut,
  SHORTCUTS,
  shortcutSheet,
  type ShortcutId,
} from '../core/shortcuts';
import { inTextField, Modal } from './common';
import { keyOverrides, setKeyOverrides, useShortcuts } from './useShortcuts';

export const isMac = () => /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

const openers = new Set<() => void>();

/** Opens the sheet (the Help button; the keys open it themselves). */
export function showShortcutSheet(): void {
  for (const open of openers) open();
}

export function ShortcutSheet(props: { onClose(): void }) {
  const mac = isMac();
  const shortcuts = useShortcuts();
  const sections = shortcutSheet(mac, shortcuts);
  /** The shortcut whose new keys are being waited for, and what was wrong with the last ones. */
  const [changing, setChanging] = useState<{ id: ShortcutId; problem: string | null } | null>(null);
  const changed = Object.keys(keyOverrides()).length > 0;
  useEffect(() => {
    if (!changing) return;
    // First of all listeners (the window, capturing), so the keys reach nothing else: not the
    // dialog's Esc, not the player.
    const onKey = (e: KeyboardEvent) => {
      e.preventDefault();
      e.stopImmediatePropagation();
      if (e.key === 'Escape' && !e.ctrlKey && !e.metaKey && !e.altKey && !e.shiftKey) return setChanging(null);
      const keys = keysFromPress(e);
      if (!keys) return;
      const problem = keyChangeProblem(changing.id, keys, shortcuts, (k) => keysLabel(k, mac));
      if (problem) return setChanging({ id: changing.id, problem });
      const defaults = SHORTCUTS.find((x) => x.id === changing.id)!.keys;
      const { [changing.id]: _old, ...rest } = keyOverrides();
      setKeyOverrides(keys === defaults ? rest : { ...rest, [changing.id]: keys });
      setChanging(null);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [changing, shortcuts, mac]);
  return (
    <Modal title="Keyboard shortcuts" onClose={props.onClose} wide>
      <div className="modal-body shortcut-sheet">
        {sections.map((section) => {
          const configurable = CONFIGURABLE_SCOPES.includes(section.scope);
          return (
            <section key={section.scope} aria-label={section.title}>
              <h3>{section.title}</h3>
              {configurable && (
                <p className="muted small">
                  Yours to change on this computer (with Ctrl or Alt, or a function key).{' '}
                  {changed && (
                    <button type="button" className="link" onClick={() => setKeyOverrides({})}>
                      Put back the usual keys
                    </button>
                  )}
                </p>
              )}
              <table className="plain">
                <tbody>
                  {section.rows.map((row) => (
                    <tr key={row.label}>
                      <td className="keys">
                        {row.keys.map((k, i) => (
                          <span key={row.ids[i]}>
                            {i > 0 && ' or '}
                            <kbd>{changing?.id === row.ids[i] ? '…' : k}</kbd>
                            {configurable && (
                              <button
                                type="button"
                                className="link small"
                                aria-label={`Change ${k} (${row.label})`}
                                onClick={() => setChanging({ id: row.ids[i]!, problem: null })}
                              >
                                change
                              </button>
                            )}
                          </span>
                        ))}
                      </td>
                      <td>
                        {row.label}
                        {row.ids.includes(changing?.id as ShortcutId) && (
                          <span role="status" className="small">
                            {' '}
                            — press the new keys (Esc: keep these){changing?.problem && <span className="error"> {changing.problem}</span>}
                          </span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          );
        })}
      </div>
    </Modal>
  );
}

/** Opens the sheet on ? (outside text fields) or F1, anywhere in the app. */
export function ShortcutSheetKey() {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const id = matchShortcut('everywhere', e);
      if (id === 'shortcutSheetF1' || (id === 'shortcutSheet' && !inTextField(e.target))) {
        e.preventDefault();
        setOpen(true);
      }
    };
    const open = () => setOpen(true);
    openers.add(open);
    window.addEventListener('keydown', onKey);
    return () => {
      openers.delete(open);
      window.removeEventListener('keydown', onKey);
    };
  }, []);
  return open ? <ShortcutSheet onClose={() => setOpen(false)} /> : null;
}
