import { describe, expect, it } from 'vitest';
import { backupDue, BACKUP_SCHEDULE } from '../../../renderer/core/backups';

const MIN = 60_000;
const T = 1_000_000_000_000;

describe('backupDue', () => {
  it('never when nothing changed since the last backup', () => {
    expect(backupDue({ unsavedSince: null, lastChangeAt: null, lastBackupAt: null }, T)).toBe(false);
    expect(backupDue({ unsavedSince: null, lastChangeAt: T - 60 * MIN, lastBackupAt: T - 90 * MIN }, T)).toBe(false);
  });

  it('after the first change of a project never backed up, once the work pauses', () => {
    expect(backupDue({ unsavedSince: T - 2000, lastChangeAt: T - 1000, lastBackupAt: null }, T)).toBe(false);
    expect(backupDue({ unsavedSince: T - 6000, lastChangeAt: T - 5000, lastBackupAt: null }, T)).toBe(true);
  });

  it('at most once per interval', () => {
    const t = { unsavedSince: T - 10_000, lastChangeAt: T - 10_000 };
    expect(backupDue({ ...t, lastBackupAt: T - BACKUP_SCHEDULE.intervalMs + 1 }, T)).toBe(false);
    expect(backupDue({ ...t, lastBackupAt: T - BACKUP_SCHEDULE.intervalMs }, T)).toBe(true);
  });

  it('during unbroken work too, once changes have waited the longest allowed', () => {
    const busy = { lastChangeAt: T - 100, lastBackupAt: T - 30 * MIN };
    expect(backupDue({ ...busy, unsavedSince: T - 9 * MIN }, T)).toBe(false);
    expect(backupDue({ ...busy, unsavedSince: T - 10 * MIN }, T)).toBe(true);
  });

  it('for a change left from a window closed before its backup (no change seen this session)', () => {
    expect(backupDue({ unsavedSince: T - 24 * 60 * MIN, lastChangeAt: null, lastBackupAt: T - 25 * 60 * MIN }, T)).toBe(true);
  });
});
