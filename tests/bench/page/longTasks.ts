// Tasks over 50 ms on the page's main thread while something runs (the Long Tasks API, as
// Chromium reports them): the measure of "the window stays responsive" in issue 21, whose
// target is none over 100 ms during agreement, .qdpx and archive work.
export interface LongTasks {
  count: number;
  longestMs: number;
  /** Tasks over 100 ms: the target is none. */
  over100: number;
}

export async function watchLongTasks<T>(work: () => Promise<T>): Promise<[T, LongTasks]> {
  // The task that called this (often a long one: the bench's own work before) ends first, so it is not counted.
  await new Promise((resolve) => setTimeout(resolve, 0));
  const seen: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) seen.push(entry.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  try {
    const result = await work();
    // Entries are delivered after the task ends: let the last one arrive.
    await new Promise((resolve) => setTimeout(resolve, 50));
    for (const entry of observer.takeRecords()) seen.push(entry.duration);
    return [result, { count: seen.length, longestMs: Math.max(0, ...seen), over100: seen.filter((d) => d > 100).length }];
  } finally {
    observer.disconnect();
  }
}
