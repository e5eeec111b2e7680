// Work of a second or more kept on the window's thread (it needs records the thread already
// holds, which a worker would have to load again) run a step at a time: the work is a
// generator yielding its share done, and between two steps the thread is handed back, so the
// window draws, shows the progress and answers input. At ten times the study, planning a merge
// of 400,000 codings was one task of about a second (measured); in steps, none over ~50 ms.

/** A turn of the event loop that lets the window draw (a message, not a timer: timers nested deeply wait 4 ms each). */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

export interface StepOptions {
  /** The share done, 0 to 1, after each step. */
  onProgress?: (share: number) => void;
  /** Asked between steps: true stops the work, and the promise then resolves to null. */
  cancelled?: () => boolean;
}

/** Runs `steps` to its end, handing the thread back between steps; its result, or null when cancelled. */
export async function runInSteps<T>(steps: Generator<number, T>, options: StepOptions = {}): Promise<T | null> {
  for (;;) {
    if (options.cancelled?.()) return null;
    const step = steps.next();
    if (step.done) return step.value;
    options.onProgress?.(step.value);
    await nextTurn();
  }
}
