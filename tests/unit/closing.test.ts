// Before the desktop window closes, running work finishes, then the last backups are taken, and
// main hears all along that the page is still at it (views/ClosingGuard.tsx, views/runningWork.ts).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { finishBeforeClosing } from '../../renderer/views/ClosingGuard';
import { runningWork, trackWork, whenIdle } from '../../renderer/views/runningWork';

afterEach(() => vi.useRealTimers());

function deferred() {
  let resolve = () => {};
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('running work', () => {
  it('is known by its label while it runs, and idle resolves when the last piece ends', async () => {
    const a = deferred();
    const b = deferred();
    const first = trackWork('importing transcripts', () => a.promise);
    const second = trackWork('saving the archive', () => b.promise);
    expect(runningWork()).toEqual(['importing transcripts', 'saving the archive']);
    let idle = false;
    void whenIdle().then(() => (idle = true));
    a.resolve();
    await first;
    expect(runningWork()).toEqual(['saving the archive']);
    expect(idle).toBe(false);
    b.resolve();
    await second;
    await Promise.resolve();
    expect(idle).toBe(true);
    expect(runningWork()).toEqual([]);
  });

  it('ends when the work fails, passing the error on', async () => {
    await expect(trackWork('a change being saved', () => Promise.reject(new Error('disk full')))).rejects.toThrow('disk full');
    expect(runningWork()).toEqual([]);
    await expect(whenIdle()).resolves.toBeUndefined();
  });
});

describe('finishBeforeClosing', () => {
  it('waits for running work, then takes the last backups, telling main it is still closing meanwhile', async () => {
    vi.useFakeTimers();
    const steps: string[] = [];
    const work = deferred();
    const done = finishBeforeClosing({
      idle: () => work.promise.then(() => void steps.push('work done')),
      closeNow: new Promise(() => {}),
      lastBackups: async () => void steps.push('backups'),
      stillClosing: () => steps.push('still closing'),
      every: 5_000,
    });
    await vi.advanceTimersByTimeAsync(12_000);
    expect(steps).toEqual(['still closing', 'still closing']);
    work.resolve();
    await done;
    expect(steps).toEqual(['still closing', 'still closing', 'work done', 'backups']);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(steps.filter((s) => s === 'still closing')).toHaveLength(2); // stopped asking once done
  });

  it('closes at once when the researcher asks, without the backup of a half-done change', async () => {
    const now = deferred();
    const lastBackups = vi.fn(async () => undefined);
    const done = finishBeforeClosing({ idle: () => new Promise(() => {}), closeNow: now.promise, lastBackups, stillClosing: () => {} });
    now.resolve();
    await done;
    expect(lastBackups).not.toHaveBeenCalled();
  });
});
