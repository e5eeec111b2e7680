// How automatic backups are named and which ones are kept. Pure and import-free, like
// contract.ts, because both sides apply it: Electron's main prunes the backups folder after
// every write, and browser mode prunes its copies in the Origin Private File System
// (renderer/platform/backupPolicy.ts re-exports this file).

/** Every backup is a project archive (.mirabal) whose name carries the moment it was taken. */
export const BACKUP_EXTENSION = '.mirabal';

const DAY_MS = 24 * 60 * 60 * 1000;

/** What the rotation keeps: the newest N, one per day for D days, one per week for W weeks. */
export interface RotationRule {
  recent: number;
  days: number;
  weeks: number;
}
export const ROTATION: RotationRule = { recent: 10, days: 7, weeks: 8 };

/** "backup-2026-12-05T11-30-00.123Z.mirabal": sorts by time, and is a plain file name on every system. */
export function backupFileName(takenAt: number): string {
  return `backup-${new Date(takenAt).toISOString().replace(/:/g, '-')}${BACKUP_EXTENSION}`;
}

const NAME = /^backup-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})\.(\d{3})Z\.mirabal$/;

/** The moment a backup was taken, read from its name; null for any other file. */
export function backupTakenAt(fileName: string): number | null {
  const m = NAME.exec(fileName);
  if (!m) return null;
  const t = Date.parse(`${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`);
  return Number.isNaN(t) ? null : t;
}

/**
 * The backups to delete so that what is left is: the `recent` newest, the newest of each of the
 * last `days` calendar days (UTC), and the newest of each of the last `weeks` weeks (7-day
 * blocks, Monday to Sunday UTC). Buckets are tied to the calendar, not to the age of a backup,
 * so a backup kept for its day stays kept until its day (and then its week) is out of range.
 * Files that are not backups by name are never deleted; neither is `keep` (the one just written).
 */
export function backupsToDelete(fileNames: readonly string[], now: number, keep?: string, rule: RotationRule = ROTATION): string[] {
  const backups = fileNames
    .map((name) => ({ name, at: backupTakenAt(name) }))
    .filter((b): b is { name: string; at: number } => b.at !== null)
    .sort((a, b) => b.at - a.at || (a.name < b.name ? 1 : -1));
  const kept = new Set<string>(backups.slice(0, rule.recent).map((b) => b.name));
  if (keep) kept.add(keep);
  const today = Math.floor(now / DAY_MS);
  // Day 0 of the epoch (1 Jan 1970) was a Thursday: +3 makes weeks start on Monday.
  const week = (day: number) => Math.floor((day + 3) / 7);
  const seenDays = new Set<number>();
  const seenWeeks = new Set<number>();
  for (const b of backups) {
    const day = Math.floor(b.at / DAY_MS);
    if (day > today - rule.days && !seenDays.has(day)) {
      seenDays.add(day);
      kept.add(b.name);
    }
    if (week(day) > week(today) - rule.weeks && !seenWeeks.has(week(day))) {
      seenWeeks.add(week(day));
      kept.add(b.name);
    }
  }
  return backups.filter((b) => !kept.has(b.name)).map((b) => b.name);
}
