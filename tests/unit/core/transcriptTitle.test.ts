import { describe, expect, it } from 'vitest';
import { isTitleStyle, splitTitle, type StyledLine } from '../../../renderer/core/transcripts/transcriptTitle';

const plain = (...lines: string[]): StyledLine[] => lines.map((text) => ({ text, style: null }));

describe('isTitleStyle', () => {
  it("knows Word's Title, Subtitle and Heading styles by name or by id, in any case", () => {
    for (const style of ['Title', 'Subtitle', 'heading 1', 'Heading 2', 'Heading1', 'heading9', 'Heading'])
      expect(isTitleStyle(style), style).toBe(true);
    for (const style of [null, '', 'Normal', 'Body Text', 'Quote', 'Heading 1 Char', 'TOC Heading', 'List Paragraph'])
      expect(isTitleStyle(style), String(style)).toBe(false);
  });
});

describe('splitTitle', () => {
  it('takes a first paragraph in a Title or Heading style as the title, not a turn', () => {
    const lines = [
      { text: 'Interview with Kieran, Time 2', style: 'Title' },
      ...plain('Interviewer: What changed?', 'Kieran: I listen now.'),
    ];
    expect(splitTitle(lines)).toEqual({
      title: 'Interview with Kieran, Time 2',
      lines: plain('Interviewer: What changed?', 'Kieran: I listen now.'),
    });
  });

  it('joins a title with the subtitle or headings right under it', () => {
    const lines = [
      { text: 'Kieran', style: 'Title' },
      { text: 'Time 2, 14 March', style: 'Subtitle' },
      ...plain('Interviewer: Hello.', 'Kieran: Hi.'),
    ];
    expect(splitTitle(lines).title).toBe('Kieran — Time 2, 14 March');
    expect(splitTitle(lines).lines).toHaveLength(2);
  });

  it('takes a short unstyled line right above the first speaker turn as the title', () => {
    const lines = plain(
      'Staff interview 03 – programme facilitator',
      'Interviewer: How long have you run groups?',
      'Staff03: Six years.',
      'Interviewer: And before?',
      'Staff03: Probation.',
    );
    expect(splitTitle(lines)).toEqual({ title: 'Staff interview 03 – programme facilitator', lines: lines.slice(1) });
  });

  it('leaves prose, a question, a header block or a text without speakers alone', () => {
    const cases = [
      // A sentence is something said, not a title.
      plain(
        'I had never spoken about it before, not to anyone, not even to my own mother or my sister.',
        'Interviewer: Why now?',
        'Dale: The group.',
      ),
      plain('So why did you come?', 'Interviewer: Go on.', 'Dale: The court.'),
      // Two lines above the first turn: not clearly a title line.
      plain('Interview 7', 'Date: 12 March', 'Interviewer: Hello.', 'Dale: Hi.', 'Interviewer: Ready?'),
      // No speaker turns at all: nothing marks the first line as above them.
      plain('Field notes', 'We met at the centre.', 'He was late.'),
      // The first line is itself a turn.
      plain('Interviewer: Hello.', 'Dale: Hi.'),
    ];
    for (const lines of cases) expect(splitTitle(lines), lines[0]!.text).toEqual({ title: null, lines });
  });

  it('never takes every line: a document of headings keeps its text', () => {
    const lines = [{ text: 'Only a heading', style: 'Heading 1' }];
    expect(splitTitle(lines)).toEqual({ title: null, lines });
  });
});
