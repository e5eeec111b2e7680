// Transcript editor at study scale, in real Chromium: open a 15,000-word transcript with
// ~400 turns and 400 codings, apply one code, scroll top to bottom. Not a test: it reports.
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import type { Coding, Source, Turn } from '../../../renderer/core/shared/model';
import { TranscriptEditor } from '../../../renderer/editor/TranscriptEditor';
import { prng, VOCABULARY } from '../corpus';

export interface EditorBenchResult {
  openMs: number;
  /** Until every turn has its marks too (off-screen turns are marked in idle chunks). */
  openAllMarksMs: number;
  applyMs: number;
  applyMainThreadMs: number;
  applyMainThreadMaxMs: number;
  scrollFrames: number;
  scrollP95FrameMs: number;
  words: number;
  codings: number;
}

const WORDS = VOCABULARY;
const COLOURS = ['#e6194b', '#3cb44b', '#ffe119', '#4363d8', '#f58231', '#911eb4', '#42d4f4', '#f032e6', '#bfef45', '#469990'];

/** Alternating interviewer/participant turns with labels outside the turns, as imported. */
export function benchSource(targetWords = 15_000, seed = 42): { source: Source; wordStarts: number[] } {
  const rand = prng(seed);
  const turns: Turn[] = [];
  const wordStarts: number[] = [];
  let text = '';
  let words = 0;
  for (let i = 0; words < targetWords; i += 1) {
    const interviewer = i % 2 === 0;
    const n = Math.min(targetWords - words, interviewer ? 8 + Math.floor(rand() * 20) : 20 + Math.floor(rand() * 70));
    if (i > 0) text += '\n\n';
    text += interviewer ? 'Interviewer: ' : 'P001: ';
    const start = text.length;
    for (let w = 0; w < n; w += 1) {
      if (w > 0) text += ' ';
      wordStarts.push(text.length);
      const word = WORDS[Math.floor(rand() * WORDS.length)]!;
      text += w === 0 ? word[0]!.toUpperCase() + word.slice(1) : word;
    }
    text += '.';
    turns.push({
      start,
      end: text.length,
      speaker: interviewer ? 'Interviewer' : 'P001',
      speakerRole: interviewer ? 'interviewer' : 'participant',
    });
    words += n;
  }
  const origin = { fileName: 'bench.txt', format: 'txt', sha256: '', importedAt: 0 };
  return { source: { id: 'bench', participantId: null, wave: 'T1', title: 'Bench transcript', text, turns, origin }, wordStarts };
}

export function benchCodings(source: Source, wordStarts: number[], count = 400, seed = 7): Coding[] {
  const rand = prng(seed);
  return Array.from({ length: count }, (_, i) => {
    const first = Math.floor(rand() * (wordStarts.length - 70));
    const last = first + 2 + Math.floor(rand() * 60);
    const end = source.text.indexOf(' ', wordStarts[last]!);
    return {
      id: `coding-${i}`,
      sourceId: source.id,
      codeId: `code-${i % COLOURS.length}`,
      coderId: 'me',
      start: wordStarts[first]!,
      end: end < 0 ? source.text.length : end,
      memo: '',
      createdAt: 0,
      updatedAt: 0,
    };
  });
}

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
/** A task queued from a rAF callback runs after that frame's style, layout and paint. */
const painted = () =>
  new Promise<void>((resolve) =>
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => resolve();
      ch.port2.postMessage(null);
    }),
  );

/** Resolves as soon as `check` holds after a DOM change in `root` (or already holds). */
function whenDom(root: HTMLElement, check: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (check()) return resolve();
    const mo = new MutationObserver(() => {
      if (check()) {
        mo.disconnect();
        resolve();
      }
    });
    mo.observe(root, { childList: true, subtree: true, attributes: true });
  });
}

export async function runEditorBench(container: HTMLElement): Promise<EditorBenchResult> {
  if (!container.clientHeight) container.style.height = '800px';
  const { source, wordStarts } = benchSource();
  const codings = benchCodings(source, wordStarts);
  const colours = new Map(COLOURS.map((c, i) => [`code-${i}`, c]));
  const props = { source, colours, selectedCodingId: null, onSelectionChange: () => {}, onCodingClick: () => {} };
  const root = createRoot(container);

  const t0 = performance.now();
  root.render(<TranscriptEditor {...props} codings={codings} />);
  await whenDom(container, () => container.querySelectorAll('.turn').length === source.turns.length);
  // Until the first frame with the transcript is rendered (its rAF and the paint after it).
  await painted();
  const openMs = performance.now() - t0;
  const editorEl = container.querySelector<HTMLElement>('.transcript-editor')!;
  await whenDom(container, () => editorEl.dataset.marksPending === 'false');
  const openAllMarksMs = performance.now() - t0;
  // Let the margin's last measure finish: apply starts from a settled screen.
  await painted();
  await painted();

  // Apply: one more coding at a time in turns on screen, nine times; the median is reported
  // (one sample on a 2-core machine is mostly noise: a GC pause, the other core's work).
  let current = codings;
  const mainThread: number[] = [];
  const untilShown: number[] = [];
  for (let i = 0; i < 9; i += 1) {
    const turn = source.turns[2 + (i % 6)]!;
    const id = `applied-${i}`;
    const added: Coding = {
      ...codings[0]!,
      id,
      codeId: `code-${3 + (i % 5)}`,
      start: turn.start,
      end: Math.min(turn.end, turn.start + 20 + i),
    };
    current = [...current, added];
    const t1 = performance.now();
    flushSync(() => root.render(<TranscriptEditor {...props} codings={current} />));
    mainThread.push(performance.now() - t1);
    await whenDom(container, () => container.querySelector(`[data-coding-ids~="${id}"]`) !== null);
    await frame();
    await frame();
    untilShown.push(performance.now() - t1); // until the frame after the one showing the mark
    await painted();
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const applyMainThreadMs = median(mainThread);
  const applyMainThreadMaxMs = Math.max(...mainThread);
  const applyMs = median(untilShown);

  // Scroll top to bottom over ~2 s, one step per frame.
  const scroller = container.querySelector<HTMLElement>('[data-transcript-scroll]')!;
  const stamps: number[] = [];
  const s0 = await frame();
  for (let now = s0; now - s0 < 2000; now = await frame()) {
    stamps.push(now);
    scroller.scrollTop = ((now - s0) / 2000) * (scroller.scrollHeight - scroller.clientHeight);
  }
  const gaps = stamps
    .slice(1)
    .map((t, i) => t - stamps[i]!)
    .sort((a, b) => a - b);
  const scrollP95FrameMs = gaps[Math.min(gaps.length - 1, Math.floor(gaps.length * 0.95))] ?? 0;

  root.unmount();
  return {
    openMs,
    openAllMarksMs,
    applyMs,
    applyMainThreadMs,
    applyMainThreadMaxMs,
    scrollFrames: stamps.length,
    scrollP95FrameMs,
    words: wordStarts.length,
    codings: codings.length,
  };
}
