import { describe, expect, it } from 'vitest';
import { detectTurns, labelSpeakers, leftOutWarning, type OfficeLine } from '../../../renderer/core/transcripts';

const texts = (lines: OfficeLine[]) => labelSpeakers(lines).map((l) => l.text);

describe('labelSpeakers: bold names and table rows become "Name:" labels', () => {
  it('a bold name that recurs, or a known label, gets its colon; the text is otherwise kept', () => {
    const lines: OfficeLine[] = [
      { text: 'Interviewer\tHow were things?', style: null, boldLead: 'Interviewer' },
      { text: 'Dale It was bad.', style: null, boldLead: 'Dale' },
      { text: 'Interviewer And now?', style: null, boldLead: 'Interviewer' },
      { text: 'Dale Better.', style: null, boldLead: 'Dale ' },
    ];
    const out = texts(lines);
    expect(out).toEqual(['Interviewer:\tHow were things?', 'Dale: It was bad.', 'Interviewer: And now?', 'Dale: Better.']);
    const turns = detectTurns(out.join('\n'));
    expect(turns.map((t) => t.speaker)).toEqual(['Interviewer', 'Dale', 'Interviewer', 'Dale']);
  });

  it('a bold word that is not a label, or occurs once, or is part of a word, stays as written', () => {
    const lines: OfficeLine[] = [
      { text: 'Important this was said twice.', style: null, boldLead: 'Important' },
      { text: 'Note the date.', style: null, boldLead: 'Note' },
      { text: 'Dalek is a word.', style: null, boldLead: 'Dal' },
      { text: 'Dale: already labelled', style: null, boldLead: 'Dale:' },
      { text: 'Dale', style: null, boldLead: 'Dale' },
      { text: 'the start was not bold', style: null },
    ];
    expect(texts(lines)).toEqual(lines.map((l) => l.text));
  });

  it('keeps each line’s style', () => {
    expect(labelSpeakers([{ text: 'Part 1', style: 'Heading 1' }])).toEqual([{ text: 'Part 1', style: 'Heading 1' }]);
  });

  it('table rows of [speaker, words] and [time, speaker, words]', () => {
    const row = (...cells: string[]): OfficeLine => ({ text: cells.join('\t'), style: null, cells });
    const out = texts([
      row('Interviewer', 'Who was there?'),
      row('00:01:02', 'Dale', 'Other lads.'),
      row('00:01:09', 'Dale:', 'Like me.'),
      row('Total', '12', 'rows'),
      row('Sunday', 'rest'),
    ]);
    expect(out).toEqual([
      'Interviewer: Who was there?',
      '00:01:02 Dale: Other lads.',
      '00:01:09 Dale: Like me.',
      'Total\t12\trows',
      'Sunday\trest',
    ]);
    const turns = detectTurns(out.join('\n'));
    expect(turns.slice(0, 3).map((t) => [t.speaker, t.startTime])).toEqual([
      ['Interviewer', undefined],
      ['Dale', 62],
      ['Dale', 69],
    ]);
  });
});

describe('leftOutWarning', () => {
  it('names what was left out, in the singular and plural', () => {
    expect(leftOutWarning(0, 0)).toBeNull();
    expect(leftOutWarning(1, 0)).toBe('1 comment was left out.');
    expect(leftOutWarning(0, 3)).toBe('3 tracked changes were read as accepted.');
    expect(leftOutWarning(2, 1)).toBe('1 tracked change was read as accepted and 2 comments were left out.');
  });
});
