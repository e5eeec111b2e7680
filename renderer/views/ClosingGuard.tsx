// Before the desktop window closes: work still running (an import, a restore, a save, a change
// being written) finishes first, then the open project's last backup is taken. Meanwhile a dialog
// says what the window is waiting for, with a way to close at once anyway; the page keeps telling
// main it is still at it, so main waits (and closes on its own if the page stops answering).
import { useEffect, useState } from 'react';
import { getPlatform } from '../platform/platform';
import { Modal } from './common';
import { useRunningWork, whenIdle } from './runningWork';
import { takeLastBackups } from './useAutoBackup';

/** How often the page tells main it is still finishing: well inside main's grace period. */
const STILL_CLOSING_EVERY_MS = 5_000;

/**
 * What the page does when the window is about to close: waits for running work (or for
 * `closeNow`), then for the last backups, saying it is still at it every few seconds.
 */
export async function finishBeforeClosing(steps: {
  idle: () => Promise<void>;
  closeNow: Promise<void>;
  lastBackups: () => Promise<void>;
  stillClosing: () => void;
  every?: number;
}): Promise<void> {
  const beat = setInterval(steps.stillClosing, steps.every ?? STILL_CLOSING_EVERY_MS);
  try {
    const skipped = await Promise.race([steps.idle().then(() => false), steps.closeNow.then(() => true)]);
    if (!skipped) await steps.lastBackups();
  } finally {
    clearInterval(beat);
  }
}

export function ClosingGuard() {
  const [closing, setClosing] = useState<{ closeNow(): void; hidden?: true } | null>(null);
  const work = useRunningWork();
  useEffect(() => {
    const platform = getPlatform();
    platform.onAppClosing?.(async (stillClosing) => {
      let closeNow = () => {};
      const asked = new Promise<void>((resolve) => (closeNow = resolve));
      setClosing({ closeNow });
      try {
        await finishBeforeClosing({ idle: whenIdle, closeNow: asked, lastBackups: takeLastBackups, stillClosing });
      } finally {
        setClosing(null);
      }
    });
  }, []);
  if (!closing || closing.hidden || work.length === 0) return null;
  // × only puts the notice away: the window still closes when the work is done.
  return (
    <Modal title="Finishing before the window closes" onClose={() => setClosing({ ...closing, hidden: true })}>
      <div className="modal-body">
        <p>The window closes as soon as this is done, and the project's last backup is taken:</p>
        <ul>
          {work.map((w, i) => (
            <li key={`${i}-${w}`}>{w[0]!.toUpperCase() + w.slice(1)}…</li>
          ))}
        </ul>
        <p className="muted small">Closing now may leave the last change out; work that was cut off is never half written.</p>
      </div>
      <footer className="modal-foot">
        <button type="button" onClick={() => closing.closeNow()}>
          Close now anyway
        </button>
      </footer>
    </Modal>
  );
}
