import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backupFileName, backupsToDelete, backupTakenAt, ROTATION } from '../../electron/backupPolicy';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2026, 11, 5, 15, 0); // Saturday 5 December 2026, 15:00 UTC

function kept(times: number[], now = NOW): number[] {
  const names = times.map(backupFileName);
  const gone = new Set(backupsToDelete(names, now));
  return times.filter((t) => !gone.has(backupFileName(t))).sort((a, b) => b - a);
}

describe('backup names', () => {
  it('carry the moment, to the millisecond, as a plain file name', () => {
    const t = Date.UTC(2026, 11, 5, 11, 30, 7, 42);
    expect(backupFileName(t)).toBe('backup-2026-12-05T11-30-07.042Z.mirabal');
    expect(backupTakenAt(backupFileName(t))).toBe(t);
  });
  it('are the only names read as backups', () => {
    for (const name of [
      'notes.txt',
      '.backup-2026-12-05T11-30-07.042Z.mirabal.1.tmp',
      'backup-2026-13-45T11-30-07.042Z.mirabal',
      'Project.mirabal',
    ]) {
      expect(backupTakenAt(name)).toBeNull();
    }
  });
  it('round-trip any moment from 1970 to 9999', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 253402300799999 }), (t) => backupTakenAt(backupFileName(t)) === t));
  });
});

describe('rotation: the last 10, one a day for 7 days, one a week for 8 weeks', () => {
  it('keeps everything while there are at most ten', () => {
    const times = Array.from({ length: 10 }, (_, i) => NOW - i * 400 * DAY);
    expect(kept(times)).toEqual(times);
  });

  it('keeps the ten newest of a busy afternoon, and the newest of each earlier day', () => {
    const today = Array.from({ length: 30 }, (_, i) => NOW - i * 5 * 60_000); // every 5 minutes
    const earlier = [1, 2, 3].flatMap((d) => [NOW - d * DAY - HOUR, NOW - d * DAY - 2 * HOUR]);
    const result = kept([...today, ...earlier]);
    expect(result.slice(0, 10)).toEqual(today.slice(0, 10));
    expect(result.slice(10)).toEqual([NOW - DAY - HOUR, NOW - 2 * DAY - HOUR, NOW - 3 * DAY - HOUR]);
  });

  it('after a year of hourly backups, keeps the ten newest, the last of each of 7 days and of each of 8 weeks', () => {
    const times = Array.from({ length: 365 * 24 }, (_, i) => NOW - i * HOUR);
    const at = (m: number, d: number, h: number) => Date.UTC(2026, m, d, h);
    const tenNewest = times.slice(0, 10); // 06:00 to 15:00 today
    const lastOfDays = [at(11, 4, 23), at(11, 3, 23), at(11, 2, 23), at(11, 1, 23), at(10, 30, 23), at(10, 29, 23)];
    // Weeks run Monday to Sunday: the last backup of each earlier week is at Sunday 23:00; the one
    // of the week before this (Sunday 29 November) is already a day's.
    const lastOfWeeks = [at(10, 22, 23), at(10, 15, 23), at(10, 8, 23), at(10, 1, 23), at(9, 25, 23), at(9, 18, 23)];
    expect(kept(times)).toEqual([...tenNewest, ...lastOfDays, ...lastOfWeeks]);
    expect(ROTATION).toEqual({ recent: 10, days: 7, weeks: 8 });
  });

  it('never deletes the backup just written, nor a file that is not a backup', () => {
    const times = Array.from({ length: 20 }, (_, i) => NOW + (i + 1) * DAY); // a clock that ran ahead
    const old = backupFileName(NOW - 100 * DAY);
    const names = [...times.map(backupFileName), old, 'notes.txt'];
    const gone = backupsToDelete(names, NOW, old);
    expect(gone).not.toContain(old);
    expect(gone).not.toContain('notes.txt');
  });

  it('is stable: pruning what it kept deletes nothing more', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: NOW - 120 * DAY, max: NOW }), { maxLength: 200 }), (times) => {
        const names = times.map(backupFileName);
        const gone = new Set(backupsToDelete(names, NOW));
        const left = names.filter((n) => !gone.has(n));
        expect(backupsToDelete(left, NOW)).toEqual([]);
        // And the newest always survives.
        if (times.length) expect(left).toContain(backupFileName(Math.max(...times)));
      }),
    );
  });

  it('keeps the last backup of a week for eight weeks, as time passes, then lets it go', () => {
    const monday = Date.UTC(2026, 10, 23, 9); // Monday 23 November 2026, alone in its week
    const times = [monday, ...Array.from({ length: 12 }, (_, i) => NOW - i * 60_000)];
    for (const later of [NOW, NOW + 3 * DAY, NOW + 40 * DAY]) expect(kept(times, later)).toContain(monday);
    expect(kept(times, NOW + 60 * DAY)).not.toContain(monday);
  });
});
