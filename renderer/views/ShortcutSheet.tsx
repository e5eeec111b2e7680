// The keyboard shortcut sheet (? or F1): every shortcut of every view, read from the one registry
// the views match key presses against (core/shortcuts), so it cannot fall out of date.
import { useEffect, useState } from 'react';
import { matchShortcut, shortcutSheet } from '../core/shortcuts';
import { inTextField, Modal } from './common';

export const isMac = () => /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

const openers = new Set<() => void>();

/** Opens the sheet (the Help button; the keys open it themselves). */
export function showShortcutSheet(): void {
  for (const open of openers) open();
}

export function ShortcutSheet(props: { onClose(): void }) {
  const sections = shortcutSheet(isMac());
  return (
    <Modal title="Keyboard shortcuts" onClose={props.onClose} wide>
      <div className="modal-body shortcut-sheet">
        {sections.map((section) => (
          <section key={section.scope} aria-label={section.title}>
            <h3>{section.title}</h3>
            <table className="plain">
              <tbody>
                {section.rows.map((row) => (
                  <tr key={row.label}>
                    <td className="keys">
                      {row.keys.map((k, i) => (
                        <span key={k}>
                          {i > 0 && ' or '}
                          <kbd>{k}</kbd>
                        </span>
                      ))}
                    </td>
                    <td>{row.label}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
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
