// Waits until the browser is idle before a bench step, so that a step is measured and not the
// previous one's aftermath: after a step writes hundreds of megabytes, Chromium's IndexedDB
// (LevelDB) may compact them in the background on the same two cores the next step runs on.
// Each step's wait is reported (settledMs). Measured at ten times the study (session 21): the
// browser was quiet within 3-4 s after every step, so compaction was not what made the .qdpx
// export and the archive slow; the wait stays as the guard that says so.
// Linux only (/proc); elsewhere it returns at once.
import { readFileSync, readdirSync } from 'node:fs';

/** Clock ticks per second of /proc's CPU times (USER_HZ, 100 on every Linux Node runs on). */
const TICKS = 100;

/** pid → parent pid of every process. */
function parents() {
  const map = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // The command name (field 2) may hold spaces and parentheses: the fields after its last ')'.
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      map.set(Number(name), { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // the process ended meanwhile
    }
  }
  return map;
}

/** CPU ticks used so far by the processes whose command line names `marker`, and all their descendants. */
function ticksOf(marker) {
  const all = parents();
  const roots = [...all.keys()].filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker);
    } catch {
      return false;
    }
  });
  const tree = new Set(roots);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, { ppid }] of all)
      if (!tree.has(pid) && tree.has(ppid)) {
        tree.add(pid);
        grew = true;
      }
  }
  let ticks = 0;
  for (const pid of tree) ticks += all.get(pid)?.ticks ?? 0;
  return ticks;
}

/**
 * Waits until the browser started with `marker` in its command line (its user-data folder) has
 * used under 5% of a core for 3 seconds running, or `maxMs` has passed. Returns the ms waited.
 */
export async function settle(marker, maxMs = 120_000) {
  if (process.platform !== 'linux') return 0;
  const start = performance.now();
  let quiet = 0;
  let last = ticksOf(marker);
  while (performance.now() - start < maxMs && quiet < 3) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const now = ticksOf(marker);
    quiet = (now - last) / TICKS < 0.05 ? quiet + 1 : 0;
    last = now;
  }
  return Math.round(performance.now() - start);
}
