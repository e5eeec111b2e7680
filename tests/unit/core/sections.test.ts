import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  headingLevel,
  headingsBeforeTurns,
  sectionsAt,
  sectionTitles,
  splitSections,
  splitTitle,
  type StyledLine,
} from '../../../renderer/core/transcripts';

const plain = (...texts: string[]): StyledLine[] => texts.map((text) => ({ text, style: null }));
const h = (text: string, level = 1): StyledLine => ({ text, style: `Heading ${level}` });

describe('headingLevel', () => {
  it('reads Heading 1–9 by name or id, in any case; other styles are not headings', () => {
    expect(['heading 1', 'Heading2', 'HEADING 3', 'heading', 'Heading 9'].map(headingLevel)).toEqual([1, 2, 3, 1, 9]);
    expect([null, 'Title', 'Subtitle', 'Heading 1 Char', 'TOC Heading', 'Normal'].map(headingLevel)).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });
});

describe('splitSections', () => {
  it('takes Heading 1–3 out of the text, each starting where the text after it starts', () => {
    const { lines, sections } = splitSections([
      h('Part 1'),
      ...plain('Interviewer: Before?', 'Dale: Bad.'),
      h('Part 2'),
      h('Week one', 2),
      ...plain('Dale: Better.'),
      { text: 'A minor heading', style: 'Heading 4' },
      ...plain('Dale: Much.'),
      h('Appendix'),
    ]);
    const text = lines.map((l) => l.text).join('\n');
    expect(text).toBe('Interviewer: Before?\nDale: Bad.\nDale: Better.\nA minor heading\nDale: Much.');
    expect(sections).toEqual([
      { start: 0, title: 'Part 1', level: 1 },
      { start: text.indexOf('Dale: Better.'), title: 'Part 2', level: 1 },
      { start: text.indexOf('Dale: Better.'), title: 'Week one', level: 2 },
    ]);
  });

  it('for any lines: the text is the other lines, and each section starts at the line after its heading', () => {
    const line = fc.oneof(
      fc.record({ text: fc.string({ maxLength: 12 }).filter((t) => !t.includes('\n') && t.trim() !== ''), style: fc.constant(null) }),
      fc.record({ text: fc.constantFrom('A', 'B b', 'C'), style: fc.constantFrom('Heading 1', 'heading 2', 'Heading3') }),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), (input) => {
        const { lines, sections } = splitSections(input);
        expect(lines).toEqual(input.filter((l) => l.style === null));
        // Each heading starts at the offset of the first line after it; one with none after heads nothing.
        const expected: { start: number; title: string }[] = [];
        input.forEach((l, i) => {
          if (l.style === null) return;
          const next = input.findIndex((m, j) => j > i && m.style === null);
          if (next === -1) return;
          const before = input.slice(0, next).filter((m) => m.style === null);
          expected.push({ start: before.reduce((n, m) => n + m.text.length + 1, 0), title: l.text });
        });
        expect(sections.map(({ start, title }) => ({ start, title }))).toEqual(expected);
      }),
    );
  });
});

describe('sectionsAt and sectionTitles', () => {
  const sections = [
    { start: 0, title: 'Part 1', level: 1 },
    { start: 10, title: 'Early days', level: 2 },
    { start: 20, title: 'Part 2', level: 1 },
    { start: 30, title: 'The group', level: 2 },
  ];
  it('gives the sections an offset is in, outermost first; a heading closes the deeper ones', () => {
    expect(sectionsAt(sections, 5).map((s) => s.title)).toEqual(['Part 1']);
    expect(sectionsAt(sections, 12).map((s) => s.title)).toEqual(['Part 1', 'Early days']);
    expect(sectionsAt(sections, 25).map((s) => s.title)).toEqual(['Part 2']);
    expect(sectionsAt(sections, 30).map((s) => s.title)).toEqual(['Part 2', 'The group']);
    expect(sectionsAt(undefined, 3)).toEqual([]);
    expect(sectionsAt([{ start: 5, title: 'Late', level: 1 }], 3)).toEqual([]);
  });
  it('lists the distinct titles in order of first appearance', () => {
    expect(
      sectionTitles([
        { sections },
        {},
        {
          sections: [
            { start: 0, title: 'Part 2', level: 1 },
            { start: 4, title: 'Close', level: 1 },
          ],
        },
      ]),
    ).toEqual(['Part 1', 'Early days', 'Part 2', 'The group', 'Close']);
  });
});

describe('headingsBeforeTurns', () => {
  const turns = [{ start: 0 }, { start: 10 }, { start: 20 }, { start: 30 }];
  it('puts each heading above the turn its section opens with; one starting mid-turn above the next', () => {
    const sections = [
      { start: 0, title: 'Part 1', level: 1 },
      { start: 20, title: 'Part 2', level: 1 },
      { start: 20, title: 'Week one', level: 2 },
      { start: 25, title: 'Mid-turn', level: 2 },
      { start: 99, title: 'After the last start', level: 1 },
    ];
    expect(headingsBeforeTurns(sections, turns).map((h) => h.map((s) => s.title))).toEqual([
      ['Part 1'],
      [],
      ['Part 2', 'Week one'],
      ['Mid-turn', 'After the last start'],
    ]);
    expect(headingsBeforeTurns(undefined, turns)).toEqual([[], [], [], []]);
    expect(headingsBeforeTurns(sections, [])).toEqual([]);
  });
});

describe('splitTitle with sections', () => {
  it('a heading under the title that opens one of several sections is a section, not the title', () => {
    const lines = [
      { text: 'Interview with Dale', style: 'Title' },
      h('Part 1'),
      ...plain('Interviewer: Hi.', 'Dale: Hi.'),
      h('Part 2'),
      ...plain('Dale: Bye.'),
    ];
    expect(splitTitle(lines)).toEqual({ title: 'Interview with Dale', lines: lines.slice(1) });
  });
  it('a document opening with the first of several headings has no title from it, nor from the line under it', () => {
    const lines = [h('Part 1'), ...plain('Interviewer: Hi.', 'Dale: Hi.', 'Interviewer: And?'), h('Part 2'), ...plain('Dale: Bye.')];
    expect(splitTitle(lines)).toEqual({ title: null, lines });
  });
  it('a lone heading at the top is still the title (with a deeper heading later, too)', () => {
    const lines = [h('Kieran, Time 2'), ...plain('Interviewer: Hi.', 'Kieran: Hi.'), h('Aside', 2), ...plain('Kieran: Bye.')];
    expect(splitTitle(lines).title).toBe('Kieran, Time 2');
  });
});
