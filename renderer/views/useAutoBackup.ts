// The automatic backups of the open project (store/autoBackup.ts), started when a project
// opens and stopped (with a last backup) when it closes; in Electron also run before the window
// closes (ClosingGuard). The Backups card reads the running one's status.
import { useEffect, useSyncExternalStore } from 'react';
import { getPlatform } from '../platform/platform';
import { startAutoBackup, type AutoBackup, type AutoBackupStatus } from '../store/autoBackup';

const running = new Map<string, AutoBackup>();
// The card may render before the project screen's effect has started the backups.
const startedListeners = new Set<() => void>();
const announce = () => startedListeners.forEach((l) => l());
const stopping = new Set<Promise<void>>();

/** Before the window closes: the open projects' last backups, and those still being taken. */
export async function takeLastBackups(): Promise<void> {
  await Promise.allSettled([...[...running.values()].map((a) => a.backupNow()), ...stopping]);
}

export function useAutoBackup(projectId: string): void {
  useEffect(() => {
    const target = getPlatform().backups;
    if (!target) return;
    const auto = startAutoBackup(projectId, target);
    running.set(projectId, auto);
    announce();
    return () => {
      if (running.get(projectId) === auto) running.delete(projectId);
      announce();
      const last = auto.stop().catch((e: unknown) => console.error('The backup on closing the project failed:', e));
      stopping.add(last);
      void last.finally(() => stopping.delete(last));
    };
  }, [projectId]);
}

const NONE: AutoBackupStatus = { saving: false, lastBackupAt: null, unsavedSince: null, error: null };

/** The running backups' status, live; null when this project has none running. */
export function useAutoBackupStatus(projectId: string): { status: AutoBackupStatus; backupNow: () => Promise<void> } | null {
  const auto = useSyncExternalStore(
    (notify) => {
      startedListeners.add(notify);
      return () => startedListeners.delete(notify);
    },
    () => running.get(projectId) ?? null,
  );
  const status = useSyncExternalStore(
    (notify) => (auto ? auto.subscribe(notify) : () => undefined),
    () => auto?.status() ?? NONE,
  );
  return auto ? { status, backupNow: () => auto.backupNow(true) } : null;
}
