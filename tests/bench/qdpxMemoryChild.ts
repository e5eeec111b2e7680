// Run by qdpxMemory.ts in a fresh Node process: reads the .qdpx named on the command line and
// prints one line of JSON with the process's memory before and at its peak.
import { readFileSync } from 'node:fs';
import { readQdpx } from '../../renderer/io/qdpx';

const bytes = new Uint8Array(readFileSync(process.argv[2]!));
const rssBefore = process.memoryUsage().rss;
const t0 = performance.now();
let n = 0;
const { project } = await readQdpx(bytes, 'study.qdpx', { newId: () => `id-${(n += 1)}`, now: 0 });
const readMs = performance.now() - t0;
// ru_maxrss is in kilobytes on Linux and macOS (bytes on older macOS; Node normalises to KB).
const maxRss = process.resourceUsage().maxRSS * 1024;
const heapAfter = process.memoryUsage().heapUsed;
console.log(JSON.stringify({ rssBefore, maxRss, heapAfter, readMs, sources: project.sources.length, codings: project.codings.length }));
