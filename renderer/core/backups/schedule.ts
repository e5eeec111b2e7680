// When an automatic backup is due. A backup is taken only after a change, at most once per
// interval, and not in the middle of a burst of work (it reads the whole project), unless the
// work has gone on so long that waiting longer would risk too much.

export interface BackupTimes {
  /** The first change not yet in a backup; null when the last backup holds everything. */
  unsavedSince: number | null;
  /** The last change seen (this session); null when none. */
  lastChangeAt: number | null;
  /** When the last backup was taken; null when there is none yet. */
  lastBackupAt: number | null;
}

export interface BackupSchedule {
  /** At most one backup per interval. */
  intervalMs: number;
  /** Wait for this long a pause in the work before backing up... */
  quietMs: number;
  /** ...unless changes have waited this long for a backup. */
  maxWaitMs: number;
}

export const BACKUP_SCHEDULE: BackupSchedule = { intervalMs: 3 * 60_000, quietMs: 5_000, maxWaitMs: 10 * 60_000 };

export function backupDue(t: BackupTimes, now: number, s: BackupSchedule = BACKUP_SCHEDULE): boolean {
  if (t.unsavedSince == null) return false;
  if (t.lastBackupAt != null && now - t.lastBackupAt < s.intervalMs) return false;
  const quiet = t.lastChangeAt == null || now - t.lastChangeAt >= s.quietMs;
  return quiet || now - t.unsavedSince >= s.maxWaitMs;
}
