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

  it('hands the thread back between steps, so a timer due meanwhile runs before the work ends', async () => {
    const order: string[] = [];
    const busyFor = (ms: number) => {
      const until = performance.now() + ms;
      while (performance.now() < until);
    };
    const steps = (function* () {
      for (let i = 1; i <= 40; i += 1) {
        busyFor(1);
        order.push(`step ${i}`);
        yield i / 40;
      }
      return 'done';
    })();
    setTimeout(() => order.push('timer'), 0);
    await runInSteps(steps);
    // All at once, the timer would come after the 40th step; between steps, it runs long before.
    expect(order.indexOf('timer')).toBeGreaterThan(0);
    expect(order.indexOf('timer')).toBeLessThan(20);
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
