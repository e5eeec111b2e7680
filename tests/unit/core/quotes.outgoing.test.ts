// The leak check for tables, reports, charts and copied text: each text named by its place.
import { describe, expect, it } from 'vitest';
import { agreementDocTexts } from '../../../renderer/core/agreement';
import { outgoingLeakMessage, outgoingLeaks, svgTexts, tableTexts } from '../../../renderer/core/quotes';

const list = [{ find: 'Sarah', replace: '[partner]' }];

describe('tableTexts', () => {
  it('names each text cell by its row and column, and skips numbers', () => {
    const rows = [
      ['Filters', 'all'],
      ['Participant', 'Time 1', 'Count'],
      ['P07 Sarah', 'calm', 3],
    ];
    expect(tableTexts('the wave matrix', rows, 2)).toEqual([
      { place: 'the wave matrix, header row 1, column 1', text: 'Filters' },
      { place: 'the wave matrix, header row 1, column 2', text: 'all' },
      { place: 'the wave matrix, header row 2, column 1', text: 'Participant' },
      { place: 'the wave matrix, header row 2, column 2', text: 'Time 1' },
      { place: 'the wave matrix, header row 2, column 3', text: 'Count' },
      { place: 'the wave matrix, row 3', text: 'P07 Sarah' },
      { place: "the wave matrix, row 'P07 Sarah', column 'Time 1'", text: 'calm' },
    ]);
  });
});

describe('outgoingLeakMessage', () => {
  it('refuses a table with a listed name in a cell, naming the row and column', () => {
    const rows = [
      ['Participant', 'Time 1'],
      ['P07', 'Sa-\nrah left'],
    ];
    expect(outgoingLeakMessage(tableTexts('the change matrix', rows), list)).toBe(
      "Not exported: the change matrix, row 'P07', column 'Time 1' still holds “Sa-\nrah” (listed: Sarah). Change the name where it is written (a code, a pseudonym, a title, a summary) or the filter that shows it.",
    );
  });

  it('is empty when nothing leaks, and counts what it does not list', () => {
    expect(outgoingLeakMessage([{ place: 'the methods paragraph', text: 'Two coders.' }], list)).toBe('');
    const many = Array.from({ length: 7 }, (_, i) => ({ place: `text ${i}`, text: 'Ѕаrаh' }));
    expect(outgoingLeakMessage(many, list)).toMatch(/text 4 still holds “Ѕаrаh” \(listed: Sarah\); and 2 more\./);
  });

  it('reads the text of a chart, entities decoded', () => {
    const svg = '<svg><title>Anger</title><text x="1">S&#46;a.r&#x2e;a.h</text><text>Tom &amp; Jerry</text></svg>';
    expect(svgTexts('chart text', svg).map((t) => t.text)).toEqual(['Anger', 'S.a.r.a.h', 'Tom & Jerry']);
    expect(outgoingLeaks(svgTexts('the chart', svg), list)).toEqual([{ place: 'the chart', find: 'Sarah', found: 'S.a.r.a.h' }]);
  });
});

describe('agreementDocTexts', () => {
  it('names a report table by the heading above it', () => {
    const blocks = [
      { kind: 'heading' as const, text: 'By transcript' },
      {
        kind: 'table' as const,
        rows: [
          ['Transcript', 'Units'],
          ['Sarah T1', '12'],
        ],
      },
      { kind: 'paragraph' as const, text: 'Two coders.' },
    ];
    expect(outgoingLeaks(agreementDocTexts(blocks), list)).toEqual([
      { place: "the table of the report's section 'By transcript', row 2", find: 'Sarah', found: 'Sarah' },
    ]);
  });
});
