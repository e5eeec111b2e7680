import { describe, expect, it } from 'vitest';
import { layoutPdf, type PdfPage, type PdfTextRun } from '../../../renderer/core/transcripts';

// A page of A4 with lines set at 11 pt, 14 pt apart, from the top margin down.
const W = 595;
const H = 842;
const run = (str: string, x: number, y: number, extra: Partial<PdfTextRun> = {}): PdfTextRun => ({
  str,
  x,
  y,
  width: str.length * 5.5,
  size: 11,
  font: 'regular',
  ...extra,
});
/** One run per line at the left margin; a line of "" leaves a blank line. */
const page = (lines: (string | PdfTextRun[])[], top = 780): PdfPage => ({
  width: W,
  height: H,
  runs: lines.flatMap((line, i) => (typeof line === 'string' ? (line === '' ? [] : [run(line, 70, top - 14 * i)]) : line)),
});
const texts = (pages: PdfPage[]) => layoutPdf(pages).lines.map((l) => l.text);
// A full line is about 80 characters: 70 + 80 × 5.5 = 510, near the right margin (525).
const FULL = 'x'.repeat(70);

describe('layoutPdf: lines into paragraphs', () => {
  it('joins the lines of a paragraph; a short line ending a sentence, a gap or a label ends it', () => {
    expect(
      texts([
        page([
          `Interviewer: ${FULL.slice(0, 60)} that`,
          'went on.',
          `Dale: a whole line of words that runs on to the right margin of the page ${'y'.repeat(10)}`,
          'and this is still Dale.',
          'Interviewer: next.',
          '',
          'A new paragraph after a gap',
        ]),
      ]),
    ).toEqual([
      `Interviewer: ${FULL.slice(0, 60)} that went on.`,
      `Dale: a whole line of words that runs on to the right margin of the page ${'y'.repeat(10)} and this is still Dale.`,
      'Interviewer: next.',
      'A new paragraph after a gap',
    ]);
  });

  it('undoes a hyphen at a line’s end only where the document has the word whole elsewhere', () => {
    const lines = texts([
      page([
        `It was a pro- ${'z'.repeat(60)} self-`,
        `gramme and the programme was long ${'q'.repeat(50)} well-`,
        'known to all, and self-known.',
      ]),
    ]);
    expect(lines).toEqual([
      `It was a pro- ${'z'.repeat(60)} self-gramme and the programme was long ${'q'.repeat(50)} well-known to all, and self-known.`,
    ]);
    const joined = texts([page([`The pro${'z'.repeat(66)} pro-`, 'gramme helped. The programme did.'])]);
    expect(joined).toEqual([`The pro${'z'.repeat(66)} programme helped. The programme did.`]);
  });

  it('a first run in a font of its own is the paragraph’s lead (a bold name)', () => {
    const line = [run('Dale', 70, 780, { font: 'bold' }), run(' ', 92, 780, { font: 'bold' }), run('It was bad.', 95, 780)];
    expect(layoutPdf([page([line])]).lines).toEqual([{ text: 'Dale It was bad.', style: null, boldLead: 'Dale' }]);
  });

  it('sizes: the first and largest line is the title, larger lines are headings by size', () => {
    const pages = [
      page([
        [run('Interview with Dale', 70, 780, { size: 20, width: 200 })],
        [run('Part 1', 70, 750, { size: 15, width: 60 })],
        [run('Interviewer: hello.', 70, 730)],
        [run('A smaller heading', 70, 700, { size: 13, width: 100 })],
        [run('Dale: hi.', 70, 680)],
        // Body text outweighs the headings, as in any transcript.
        ...Array.from({ length: 8 }, (_, i) => [run(`Interviewer: a question of some length, number ${i}.`, 70, 660 - 14 * i)]),
      ]),
    ];
    expect(layoutPdf(pages).lines.map((l) => [l.text, l.style])).toEqual([
      ['Interview with Dale', 'Title'],
      ['Part 1', 'Heading 1'],
      ['Interviewer: hello.', null],
      ['A smaller heading', 'Heading 2'],
      ['Dale: hi.', null],
      ...Array.from({ length: 8 }, (_, i) => [`Interviewer: a question of some length, number ${i}.`, null]),
    ]);
  });
});

describe('layoutPdf: pages', () => {
  const body = (n: number) => [`Interviewer: question ${n}.`, `Dale: answer ${n}.`];
  it('leaves out a header and footer that repeat on most pages and page numbers, and lists them', () => {
    const pages = [1, 2, 3].map((n) =>
      page([
        'Project Mirabal — confidential',
        '',
        ...(n === 2 ? ['Interviewer: a page without the footer.'] : []),
        ...body(n),
        '',
        '',
        `Page ${n} of 3`,
      ]),
    );
    const { lines, removed } = layoutPdf(pages);
    expect(lines.map((l) => l.text)).toEqual([...body(1), 'Interviewer: a page without the footer.', ...body(2), ...body(3)]);
    expect(removed).toEqual(['“Project Mirabal — confidential” (on 3 of 3 pages)', 'page numbers (3)']);
  });

  it('keeps a line at the top of half the pages only, and page numbers even on two pages go', () => {
    const words = (n: number) => [n % 2 ? 'Interviewer: Okay.' : `Dale: answer ${n}.`, `Interviewer: question ${n}.`];
    const half = [1, 2, 3, 4, 5, 6].map((n) => page(words(n)));
    expect(layoutPdf(half).lines.map((l) => l.text)).toEqual([1, 2, 3, 4, 5, 6].flatMap(words));
    const { lines, removed } = layoutPdf([page(['Dale: yes.', '', '', '1']), page(['Dale: no.', '', '', '2'])]);
    expect(lines.map((l) => l.text)).toEqual(['Dale: yes.', 'Dale: no.']);
    expect(removed).toEqual(['page numbers (2)']);
  });

  it('two columns read left then right, below a title across both', () => {
    const column = (x: number, from: number) =>
      Array.from({ length: 6 }, (_, i) => [
        run(`Priya: turn ${from + i}, words that fill the column to its edge.`, x, 740 - 14 * i, { width: 215 }),
      ]);
    const left = column(70, 1);
    const right = column(310, 7);
    const rows = left.map((l, i) => [...l, ...right[i]!]);
    const lines = texts([page([[run('A title across the page of two columns', 70, 780, { width: 300, size: 16 })], ...rows])]);
    expect(lines[0]).toBe('A title across the page of two columns');
    expect(lines.slice(1).map((l) => /turn (\d+)/.exec(l)?.[1])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12']);
  });

  it('a speaker table (short names on the left) is read row by row, not as two columns', () => {
    const rows = ['Interviewer', 'Dale', 'Interviewer', 'Dale'].map((name, i) => [
      run(name, 70, 760 - 14 * i, { width: 50 }),
      run(`Words of row ${i + 1} in the second column.`, 310, 760 - 14 * i, { width: 200 }),
    ]);
    expect(layoutPdf([page(rows)]).lines.map((l) => l.cells)).toEqual([
      ['Interviewer', 'Words of row 1 in the second column.'],
      ['Dale', 'Words of row 2 in the second column.'],
      ['Interviewer', 'Words of row 3 in the second column.'],
      ['Dale', 'Words of row 4 in the second column.'],
    ]);
  });
});

describe('layoutPdf: hostile pages stay linear', () => {
  // Quadratic handling of any of these would take minutes and time the test out.
  it('a page of 100,000 runs each on its own baseline, and one of 100,000 runs on one baseline', () => {
    const tall: PdfPage = {
      width: W,
      height: H,
      runs: Array.from({ length: 100_000 }, (_, i) => run(`w${i}.`, 70 + (i % 7) * 60, H - i * 0.01)),
    };
    expect(layoutPdf([tall]).lines.length).toBeGreaterThan(0);
    const wide: PdfPage = {
      width: W,
      height: H,
      runs: Array.from({ length: 100_000 }, (_, i) => run('a', i * 0.005, 400, { width: 0.004 })),
    };
    expect(layoutPdf([wide]).lines.length).toBe(1);
    const huge: PdfPage = { width: 1e9, height: H, runs: [run('A page wider than any paper.', 70, 400)] };
    expect(layoutPdf([huge]).lines.map((l) => l.text)).toEqual(['A page wider than any paper.']);
  });
});
