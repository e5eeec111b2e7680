// Work that must not be cut off when the window closes: an import, a restore, a save, a change
// being written. Views track it here (useAction does for every action); before the desktop window
// closes, the page waits for it (ClosingGuard), then takes the last backup.
import { useSyncExternalStore } from 'react';

const running = new Map<symbol, string>();
const listeners = new Set<() => void>();
let snapshot: readonly string[] = [];

function changed(): void {
  snapshot = [...running.values()];
  for (const l of listeners) l();
}

/** Runs `work`, known as `label` ("importing transcripts") while it runs. */
export async function trackWork<T>(label: string, work: () => Promise<T> | T): Promise<T> {
  const key = Symbol(label);
  running.set(key, label);
  changed();
  try {
    return await work();
  } finally {
    running.delete(key);
    changed();
  }
}

/** What is running now, by label, oldest first. */
export function runningWork(): readonly string[] {
  return snapshot;
}

/** Resolves when nothing is running (at once if nothing is). */
export function whenIdle(): Promise<void> {
  if (running.size === 0) return Promise.resolve();
  return new Promise((resolve) => {
    const check = () => {
      if (running.size > 0) return;
      listeners.delete(check);
      resolve();
    };
    listeners.add(check);
  });
}

export function useRunningWork(): readonly string[] {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => snapshot,
  );
}
