// The bench's Node section (`npm run bench`, loaded through tsx): pure functions timed on
// the inputs their unit tests use, which once asserted these times and now check only the
// results (tests/unit/io/docx.test.ts, tests/unit/core/turns.test.ts and
// tests/unit/core/codebook.csv.test.ts). The time each test allowed is kept here as the target.
// Also the peak memory of a study-scale .qdpx import, measured in a fresh process (qdpxMemory.ts).
import { parseCodebookCsv } from '../../renderer/core/codebook';
import { detectTurns } from '../../renderer/core/transcripts';
import { docxToText } from '../../renderer/io/docx';
import { unredacted } from '../../renderer/core/quotes';
import { makeDocx } from '../fixtures/makeDocx';
import { qdpxImportMemory } from './qdpxMemory';

export interface NodeFigure {
  /** Median of the runs, after one warm-up run. */
  medianMs: number;
  slowestMs: number;
  runsMs: number[];
  /** The time the unit test used to assert. */
  targetMs: number;
}

const RUNS = 9;

async function measure(targetMs: number, run: () => unknown): Promise<NodeFigure> {
  await run(); // warm-up: the first call pays for compiling the code
  const runsMs: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const t0 = performance.now();
    await run();
    runsMs.push(performance.now() - t0);
  }
  const sorted = [...runsMs].sort((a, b) => a - b);
  return { medianMs: sorted[Math.floor(RUNS / 2)]!, slowestMs: sorted[RUNS - 1]!, runsMs, targetMs };
}

function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(`node bench: ${what}`);
}

/** docx.test.ts: 500 paragraphs of 20 words, alternating Interviewer and Dale. */
async function docx10kWords(): Promise<NodeFigure & { words: number; paragraphs: number }> {
  const words = 'so I said to her that I would not do it again and she said'.split(' ');
  const paras: string[] = [];
  for (let i = 0; i < 500; i++) {
    paras.push(`${i % 2 ? 'Dale' : 'Interviewer'}: ${Array.from({ length: 20 }, (_, j) => words[(i + j) % words.length]).join(' ')}`);
  }
  const bytes = makeDocx(paras);
  const text = await docxToText(bytes, 'bench.docx');
  check(text === paras.join('\n'), 'the .docx did not read back as written');
  const figure = await measure(60, () => docxToText(bytes, 'bench.docx'));
  return { ...figure, words: text.split(/\s+/).length, paragraphs: paras.length };
}

/** turns.test.ts: 1,000 turns of 15 words, alternating I and R. */
async function detectTurns15kWords(): Promise<NodeFigure & { words: number; turns: number }> {
  const lines: string[] = [];
  for (let i = 0; i < 1000; i++) lines.push(`${i % 2 ? 'R' : 'I'}: ${'word '.repeat(15)}`);
  const text = lines.join('\n');
  const turns = detectTurns(text);
  check(turns.length === 1000, `found ${turns.length} turns, not 1000`);
  const figure = await measure(200, () => detectTurns(text));
  return { ...figure, words: 15 * lines.length, turns: turns.length };
}

/** codebook.csv.test.ts: 416 chains of 12 levels, each listed deepest first. */
async function codebookCsv5kCodes(): Promise<NodeFigure & { codes: number; depth: number }> {
  const rows = [['path']];
  for (let c = 0; c < 416; c++) {
    for (let d = 12; d >= 1; d--) rows.push([Array.from({ length: d }, (_, k) => (k ? `C${c} L${k + 1}` : `C${c}`)).join(' / ')]);
  }
  type Tree = ReturnType<typeof parseCodebookCsv>;
  const count = (nodes: Tree): number => nodes.reduce((n, node) => n + 1 + count(node.children ?? []), 0);
  const depth = (nodes: Tree): number => Math.max(0, ...nodes.map((node) => 1 + depth(node.children ?? [])));
  const tree = parseCodebookCsv(rows, 'bench.csv');
  check(count(tree) === 416 * 12 && depth(tree) === 12, `read ${count(tree)} codes ${depth(tree)} deep, not ${416 * 12} codes 12 deep`);
  const figure = await measure(1000, () => parseCodebookCsv(rows, 'bench.csv'));
  return { ...figure, codes: count(tree), depth: depth(tree) };
}

/**
 * quotes.disguise.test.ts: the leak check over a 2.2 MB report in which every line hides the
 * listed names (hyphen and line break, spaced and dotted, Cyrillic look-alikes), against a list
 * of 60 names. The unit test allowed 4 s for two names.
 */
async function leakCheck2MbReport(): Promise<NodeFigure & { megabytes: number; leaks: number; names: number }> {
  const text = 'Sarah-\nJones said S. a. r. a. h. came 😀 with Ѕаrаh. '.repeat(40_000);
  const names = ['Sarah', 'Jones', ...Array.from({ length: 58 }, (_, i) => `Name${String.fromCharCode(97 + (i % 26))}${i}`)];
  const list = names.map((find) => ({ find, replace: '[name]' }));
  const leaks = unredacted(text, list).length;
  check(leaks === 160_000, `found ${leaks} leaks, not 160,000`);
  const figure = await measure(4000, () => unredacted(text, list));
  return { ...figure, megabytes: new TextEncoder().encode(text).length / 1e6, leaks, names: names.length };
}

export async function runNodeBench() {
  return {
    docxToText10kWords: await docx10kWords(),
    detectTurns15kWords: await detectTurns15kWords(),
    parseCodebookCsv5kCodes: await codebookCsv5kCodes(),
    leakCheck2MbReport: await leakCheck2MbReport(),
    // Not a time: the peak memory of reading the study-scale .qdpx, in a fresh process.
    qdpxImportMemory: await qdpxImportMemory(),
  };
}
