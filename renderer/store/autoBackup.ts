// Takes a project's automatic backups while it is open: listens to every change of the
// project's database (Dexie's storagemutated, which also hears other windows), and backs up
// when core/backups says it is due, when the project is closed, and before the window closes.
// A change not yet backed up is remembered in the registry, so a window closed before its
// backup gets one at the next start.
import Dexie from 'dexie';
import { backupDue, BACKUP_SCHEDULE, type BackupSchedule } from '../core/backups';
import { errorMessage } from '../core/shared';
import { backupProject, markSaved, markUnsaved, projectBackupState, type BackupTarget } from './backups';
import { projectDbName } from './registry';

export interface AutoBackupStatus {
  saving: boolean;
  lastBackupAt: number | null;
  unsavedSince: number | null;
  /** Why the last attempt failed; cleared by the next success. */
  error: string | null;
}

export interface AutoBackup {
  status(): AutoBackupStatus;
  subscribe(listener: () => void): () => void;
  /** Backs up now if anything changed since the last backup (or always, with force). */
  backupNow(force?: boolean): Promise<void>;
  /** Stops listening; takes a last backup if anything changed. */
  stop(): Promise<void>;
}

export function startAutoBackup(
  projectId: string,
  target: BackupTarget,
  options: { schedule?: BackupSchedule; checkEveryMs?: number; now?: () => number } = {},
): AutoBackup {
  const schedule = options.schedule ?? BACKUP_SCHEDULE;
  const now = options.now ?? Date.now;
  const prefix = `idb://${projectDbName(projectId)}/`;
  const listeners = new Set<() => void>();
  let status: AutoBackupStatus = { saving: false, lastBackupAt: null, unsavedSince: null, error: null };
  let lastChangeAt: number | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;

  const set = (patch: Partial<AutoBackupStatus>) => {
    status = { ...status, ...patch };
    for (const l of listeners) l();
  };

  const loaded = projectBackupState(projectId).then((s) =>
    set({ lastBackupAt: s.lastBackupAt ?? null, unsavedSince: status.unsavedSince ?? s.unsavedSince ?? null }),
  );

  const onMutation = (parts: Record<string, unknown>) => {
    if (stopped || !Object.keys(parts).some((k) => k.startsWith(prefix))) return;
    const at = now();
    lastChangeAt = at;
    if (status.unsavedSince == null) {
      set({ unsavedSince: at });
      void markUnsaved(projectId, at).catch((e: unknown) => console.error('Could not note an unsaved change:', e));
    }
  };
  Dexie.on('storagemutated', onMutation);

  const run = async (): Promise<void> => {
    const started = now();
    set({ saving: true });
    try {
      await backupProject(projectId, target, started);
      await markSaved(projectId, started, lastChangeAt);
      set({
        saving: false,
        error: null,
        lastBackupAt: started,
        unsavedSince: lastChangeAt != null && lastChangeAt >= started ? lastChangeAt : null,
      });
    } catch (e) {
      set({ saving: false, error: errorMessage(e) });
      throw e;
    }
  };

  const backupNow = async (force = false): Promise<void> => {
    await loaded;
    // One backup at a time; a change during one is caught by the next.
    while (running) await running.catch(() => undefined);
    if (!force && status.unsavedSince == null) return;
    running = run().finally(() => (running = null));
    return running;
  };

  const tick = () => {
    if (stopped || running) return;
    if (backupDue({ unsavedSince: status.unsavedSince, lastChangeAt, lastBackupAt: status.lastBackupAt }, now(), schedule)) {
      // A failure is shown in the status, and tried again at the next check.
      backupNow().catch(() => undefined);
    }
  };
  const timer = setInterval(tick, options.checkEveryMs ?? 15_000);
  void loaded.then(tick);

  return {
    status: () => status,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    backupNow,
    async stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      Dexie.on('storagemutated').unsubscribe(onMutation);
      await backupNow();
    },
  };
}
