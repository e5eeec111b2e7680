// runInSteps: work on the window's thread a step at a time, the thread handed back in between.
import { describe, expect, it } from 'vitest';
import { runInSteps } from '../../renderer/store/inSteps';

function* counting(steps: number): Generator<number, string> {
  for (let i = 1; i <= steps; i += 1) yield i / steps;
  return 'done';
}

describe('runInSteps', () => {
  it('runs the steps to the end, reporting each share done, and resolves to the result', async () => {
    const shares: number[] = [];
    await expect(runInSteps(counting(4), { onProgress: (s) => shares.push(s) })).resolves.toBe('done');
    expect(shares).toEqual([0.25, 0.5, 0.75, 1]);
  });

  it('hands the thread back between steps, so a timer queued before the work runs before it ends', async () => {
    let fired = false;
    setTimeout(() => (fired = true), 0);
    // Steps go on until the timer has run. Were the thread never handed back (or only to
    // microtasks), the timer could not run: the steps would stop at the cap with it not run.
    const steps = (function* () {
      let taken = 0;
      while (!fired && taken < 1_000_000) {
        taken += 1;
        yield 0.5;
      }
      return fired;
    })();
    await expect(runInSteps(steps)).resolves.toBe(true);
  });

  it('stops between steps when cancelled, resolving to null', async () => {
    let stop = false;
    const shares: number[] = [];
    const result = runInSteps(counting(10), {
      onProgress: (s) => {
        shares.push(s);
        if (s >= 0.3) stop = true;
      },
      cancelled: () => stop,
    });
    await expect(result).resolves.toBeNull();
    expect(shares).toEqual([0.1, 0.2, 0.3]);
  });
});
