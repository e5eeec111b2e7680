// Peak memory of a study-scale .qdpx import, for `npm run bench` (Node section). The study
// (350 transcripts of about 10,000 words, 60 codes, 2 coders, 40,000 codings, as the
// Chromium section builds it) is written as a .qdpx to a temporary file; a fresh Node process
// (qdpxMemoryChild.ts) reads it with readQdpx and reports the kernel's high-water mark of its
// resident memory (ru_maxrss), which catches the peak however briefly it lasts, and its
// resident memory just before the import. A fresh process, so nothing else the bench did is
// counted. The same figures set the .qdpx size limits (renderer/io/qdpx.ts).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Code, Coding, ProjectSnapshot, Source } from '../../renderer/core/shared';
import { detectTurns } from '../../renderer/core/transcripts';
import { writeQdpx } from '../../renderer/io/qdpx';
import { generateTranscript, prng } from './corpus';

export interface QdpxMemoryFigure {
  qdpxMegabytes: number;
  /** Sum of the entries' uncompressed sizes. */
  unpackedMegabytes: number;
  sources: number;
  codings: number;
  /** Resident memory of the reading process just before readQdpx (modules and the file loaded). */
  rssBeforeMegabytes: number;
  /** Its high-water mark of resident memory, read after readQdpx. */
  peakRssMegabytes: number;
  /** peakRss - rssBefore: what the import itself took at its peak. */
  importPeakMegabytes: number;
  /** V8 heap in use after the import, the project still held. */
  heapAfterMegabytes: number;
  readMs: number;
}

const id = (prefix: string, i: number) => `${prefix}000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

/** The study-scale project as a snapshot, deterministic. */
export function studyProject(files = 350, words = 10_000, codingCount = 40_000): ProjectSnapshot {
  const sources: Source[] = [];
  for (let i = 0; i < files; i += 1) {
    const t = generateTranscript(i, words);
    const text = t.paragraphs.join('\n');
    sources.push({
      id: id('a', i),
      participantId: null,
      wave: i % 2 === 0 ? 'T1' : 'T2',
      title: t.fileName.replace(/\.docx$/, ''),
      text,
      turns: detectTurns(text),
      origin: { fileName: t.fileName, format: 'docx', sha256: '', importedAt: 0 },
    });
  }
  const codes: Code[] = [];
  for (let m = 0; m < 10; m += 1) {
    const parent = id('b', m * 6);
    const code = (i: number, parentId: string | null, name: string): Code => ({
      id: id('b', i),
      parentId,
      name,
      description: '',
      inclusion: '',
      exclusion: '',
      examples: '',
      colour: '#8ec4eb',
      order: i,
      deletedAt: null,
    });
    codes.push(code(m * 6, null, `Measure ${m + 1}`));
    for (let j = 1; j <= 5; j += 1) codes.push(code(m * 6 + j, parent, `Indicator ${m + 1}.${j}`));
  }
  const coders = [
    { id: id('c', 0), name: 'A', colour: '#2f6db5' },
    { id: id('c', 1), name: 'B', colour: '#b5512f' },
  ];
  const rand = prng(7);
  const codings: Coding[] = [];
  for (let i = 0; i < codingCount; i += 1) {
    const source = sources[Math.floor(rand() * sources.length)]!;
    const turn = source.turns[Math.floor(rand() * source.turns.length)]!;
    codings.push({
      id: id('d', i),
      sourceId: source.id,
      codeId: codes[Math.floor(rand() * codes.length)]!.id,
      coderId: coders[i % 2]!.id,
      start: turn.start,
      end: turn.end,
      memo: '',
      createdAt: i,
      updatedAt: i,
      deletedAt: null,
    });
  }
  return {
    name: 'Bench study',
    waves: [
      { id: 'T1', label: 'Time 1', order: 0 },
      { id: 'T2', label: 'Time 2', order: 1 },
    ],
    participants: [],
    sources,
    codes,
    codings,
    coders,
  };
}

const MB = 1024 * 1024;

/** Writes the study as a .qdpx and reads it in a fresh Node process, reporting its memory. */
export async function qdpxImportMemory(project: ProjectSnapshot = studyProject()): Promise<QdpxMemoryFigure> {
  const bytes = await writeQdpx(project);
  const { unzipSync } = await import('fflate');
  let unpacked = 0;
  for (const entry of Object.values(unzipSync(bytes))) unpacked += entry.length;
  const dir = mkdtempSync(join(tmpdir(), 'mirabal-bench-'));
  try {
    const file = join(dir, 'study.qdpx');
    writeFileSync(file, bytes);
    const child = fileURLToPath(new URL('./qdpxMemoryChild.ts', import.meta.url));
    const out = execFileSync(process.execPath, ['--import', 'tsx', child, file], { encoding: 'utf8', cwd: join(child, '../../..') });
    const r = JSON.parse(out.trim().split('\n').pop()!) as {
      rssBefore: number;
      maxRss: number;
      heapAfter: number;
      readMs: number;
      sources: number;
      codings: number;
    };
    return {
      qdpxMegabytes: bytes.length / MB,
      unpackedMegabytes: unpacked / MB,
      sources: r.sources,
      codings: r.codings,
      rssBeforeMegabytes: r.rssBefore / MB,
      peakRssMegabytes: r.maxRss / MB,
      importPeakMegabytes: (r.maxRss - r.rssBefore) / MB,
      heapAfterMegabytes: r.heapAfter / MB,
      readMs: r.readMs,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
