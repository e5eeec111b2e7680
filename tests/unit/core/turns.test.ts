import { describe, it, expect } from 'vitest';
import { detectTurns, parseClock, proposeSpeakerRoles } from '../../../renderer/core/transcripts/turns';
import type { Turn } from '../../../renderer/core/shared/model';

/** [speaker, what was said] per turn, via text.slice so offsets are checked too. */
function said(text: string, turns: Turn[] = detectTurns(text)): [string | null, string][] {
  return turns.map((t) => [t.speaker, text.slice(t.start, t.end)]);
}

describe('detectTurns: label shapes', () => {
  it('Interviewer:/Participant: with exact offsets', () => {
    const text = 'Interviewer: How are you?\nParticipant: Fine, thanks.';
    const turns = detectTurns(text);
    expect(turns).toEqual([
      { start: 13, end: 25, speaker: 'Interviewer' },
      { start: 39, end: 52, speaker: 'Participant' },
    ]);
    expect(said(text)).toEqual([
      ['Interviewer', 'How are you?'],
      ['Participant', 'Fine, thanks.'],
    ]);
  });

  it('I:/R: and Q:/A: are known labels even when used once', () => {
    expect(said('I: Hello\nR: Hi')).toEqual([
      ['I', 'Hello'],
      ['R', 'Hi'],
    ]);
    expect(said('Q: Why?\nA: Because.')).toEqual([
      ['Q', 'Why?'],
      ['A', 'Because.'],
    ]);
  });

  it('known labels are case-insensitive and may carry a number', () => {
    expect(said('INTERVIEWER: a\ninterviewee: b\nInterviewer 2: c')).toEqual([
      ['INTERVIEWER', 'a'],
      ['interviewee', 'b'],
      ['Interviewer 2', 'c'],
    ]);
    expect(said('Mod: q\nModerator: q2\nFacilitator: f\nInt: x\nRespondent: y')).toEqual([
      ['Mod', 'q'],
      ['Moderator', 'q2'],
      ['Facilitator', 'f'],
      ['Int', 'x'],
      ['Respondent', 'y'],
    ]);
  });

  it('names that recur at line start are labels; ids like P07 too', () => {
    const text = 'Dale: I was angry.\nKieran Smith: Me too.\nDale: Then I stopped.\nKieran Smith: Good.';
    expect(said(text)).toEqual([
      ['Dale', 'I was angry.'],
      ['Kieran Smith', 'Me too.'],
      ['Dale', 'Then I stopped.'],
      ['Kieran Smith', 'Good.'],
    ]);
    expect(said('P07: one\nInt: q\nP07: two')).toEqual([
      ['P07', 'one'],
      ['Int', 'q'],
      ['P07', 'two'],
    ]);
    expect(said('Speaker 1: a\nSpeaker 2: b\nSpeaker 1: c')).toEqual([
      ['Speaker 1', 'a'],
      ['Speaker 2', 'b'],
      ['Speaker 1', 'c'],
    ]);
  });

  it('a name used once is prose, not a label', () => {
    const text = 'Note that: the tape was noisy.\nInterviewer: Shall we start?';
    expect(said(text)).toEqual([
      [null, 'Note that: the tape was noisy.'],
      ['Interviewer', 'Shall we start?'],
    ]);
    expect(said('Dale: said once.\nAnother line.')).toEqual([
      [null, 'Dale: said once.'],
      [null, 'Another line.'],
    ]);
  });

  it('lower-case or long phrases are never labels', () => {
    const text = 'so then: nothing\nso then: again\nThe thing is that I: no\nThe thing is that I: no';
    expect(detectTurns(text).every((t) => t.speaker === null)).toBe(true);
  });

  it('a colon must be followed by space or end of line', () => {
    expect(said('Re:Time\nRe:Time')).toEqual([
      [null, 'Re:Time'],
      [null, 'Re:Time'],
    ]);
  });

  it('[Name] at line start, with or without colon', () => {
    const text = '[Interviewer] Hello there\n[Dale]: Hi\n[Dale] Bye';
    expect(said(text)).toEqual([
      ['Interviewer', 'Hello there'],
      ['Dale', 'Hi'],
      ['Dale', 'Bye'],
    ]);
  });

  it('[Laughs] and other stage directions are not speakers', () => {
    const text = 'I: Funny?\n[Laughs] yes\n[Laughs] again';
    expect(said(text)).toEqual([['I', 'Funny?\n[Laughs] yes\n[Laughs] again']]);
  });

  it('markdown bold **Name:** and **Name**:', () => {
    const text = '**Interviewer:** Hello\n**Dale**: Hi\n**Dale:** Again';
    expect(said(text)).toEqual([
      ['Interviewer', 'Hello'],
      ['Dale', 'Hi'],
      ['Dale', 'Again'],
    ]);
  });

  it('leading timestamps [00:01:23] or 00:01:23 are skipped and give startTime', () => {
    const text = '[00:01:23] Interviewer: Hello\n00:01:30 Respondent: Hi\n(1:02) I: ok';
    const turns = detectTurns(text);
    expect(said(text, turns)).toEqual([
      ['Interviewer', 'Hello'],
      ['Respondent', 'Hi'],
      ['I', 'ok'],
    ]);
    expect(turns.map((t) => t.startTime)).toEqual([83, 90, 62]);
  });

  it('Rev style "Name (00:05):" and Otter style "Name  0:03" on its own line', () => {
    expect(said('Interviewer (00:05): Hello\nDale (00:09): Hi\nDale (00:12): More')).toEqual([
      ['Interviewer', 'Hello'],
      ['Dale', 'Hi'],
      ['Dale', 'More'],
    ]);
    const otter = 'Speaker 1  0:03\nHello there.\n\nSpeaker 2  0:07\nHi.\n';
    const turns = detectTurns(otter);
    expect(said(otter, turns)).toEqual([
      ['Speaker 1', 'Hello there.'],
      ['Speaker 2', 'Hi.'],
    ]);
    expect(turns[1]!.startTime).toBe(7);
  });

  it('allows leading indentation', () => {
    expect(said('  I: indented\n\tR: tabbed')).toEqual([
      ['I', 'indented'],
      ['R', 'tabbed'],
    ]);
  });
});

describe('detectTurns: turn extent', () => {
  it('continuation lines belong to the turn; trailing blank lines are trimmed', () => {
    const text = 'I: First line\nsecond line\n\nthird para\n\n\nR: Answer\n  \n';
    expect(said(text)).toEqual([
      ['I', 'First line\nsecond line\n\nthird para'],
      ['R', 'Answer'],
    ]);
  });

  it('a label alone on its line takes the following lines', () => {
    const text = 'Interviewer:\n  How was it?\nRespondent:\nGood.';
    expect(said(text)).toEqual([
      ['Interviewer', 'How was it?'],
      ['Respondent', 'Good.'],
    ]);
  });

  it('empty turns are dropped', () => {
    const text = 'I:\nR: Something\nI:   \n';
    expect(said(text)).toEqual([['R', 'Something']]);
  });

  it('text before the first label becomes one paragraph per non-blank line', () => {
    const text = 'Interview with Dale, 3 March\n\n  Site B  \nI: Hello\nR: Hi';
    expect(said(text)).toEqual([
      [null, 'Interview with Dale, 3 March'],
      [null, 'Site B'],
      ['I', 'Hello'],
      ['R', 'Hi'],
    ]);
  });

  it('no labels at all: each non-blank line is a paragraph turn, trimmed', () => {
    const text = '  First paragraph.  \n\nSecond paragraph.\n\t\nThird.';
    const turns = detectTurns(text);
    expect(said(text, turns)).toEqual([
      [null, 'First paragraph.'],
      [null, 'Second paragraph.'],
      [null, 'Third.'],
    ]);
    expect(turns[0]).toEqual({ start: 2, end: 18, speaker: null });
  });

  it('empty and whitespace-only text give no turns', () => {
    expect(detectTurns('')).toEqual([]);
    expect(detectTurns(' \n\n\t')).toEqual([]);
  });

  it('offsets are UTF-16 indices (emoji and accents)', () => {
    const text = 'Zoë: I was 😊 happy\nI: Ça va?\nZoë: Oui 👍🏽';
    const turns = detectTurns(text);
    expect(said(text, turns)).toEqual([
      ['Zoë', 'I was 😊 happy'],
      ['I', 'Ça va?'],
      ['Zoë', 'Oui 👍🏽'],
    ]);
    expect(turns[0]).toEqual({ start: 5, end: 19, speaker: 'Zoë' });
  });

  it('turns cover the text in order and do not overlap', () => {
    const text = 'Header\nI: a\nb\nR: c\n\nI: d';
    const turns = detectTurns(text);
    for (let i = 1; i < turns.length; i++) expect(turns[i]!.start).toBeGreaterThanOrEqual(turns[i - 1]!.end);
  });

  // How long this takes is measured by `npm run bench` (bench-results/bench.json, "node").
  it('finds every turn of a 15,000-word transcript', () => {
    const lines: string[] = [];
    for (let i = 0; i < 1000; i++) lines.push(`${i % 2 ? 'R' : 'I'}: ${'word '.repeat(15)}`);
    const text = lines.join('\n');
    const turns = detectTurns(text);
    expect(turns).toHaveLength(1000);
    expect(said(text, turns)).toEqual(lines.map((_, i) => [i % 2 ? 'R' : 'I', 'word '.repeat(15).trim()]));
  });
});

describe('parseClock', () => {
  it('reads h:mm:ss, mm:ss and fractions', () => {
    expect(parseClock('[01:02:03]')).toBe(3723);
    expect(parseClock('2:05')).toBe(125);
    expect(parseClock('00:00:01.5')).toBe(1.5);
    expect(parseClock('nope')).toBeUndefined();
  });
});

describe('proposeSpeakerRoles', () => {
  it('interviewer-like and respondent-like labels', () => {
    expect(proposeSpeakerRoles(['Interviewer', 'Respondent'])).toEqual({ Interviewer: 'interviewer', Respondent: 'participant' });
    expect(proposeSpeakerRoles(['I', 'R'])).toEqual({ I: 'interviewer', R: 'participant' });
    expect(proposeSpeakerRoles(['Q', 'A'])).toEqual({ Q: 'interviewer', A: 'participant' });
    expect(proposeSpeakerRoles(['int', 'interviewee', 'PARTICIPANT'])).toEqual({
      int: 'interviewer',
      interviewee: 'participant',
      PARTICIPANT: 'participant',
    });
    expect(proposeSpeakerRoles(['Moderator', 'Mod', 'Interviewer 2', 'Lead Interviewer'])).toEqual({
      Moderator: 'interviewer',
      Mod: 'interviewer',
      'Interviewer 2': 'interviewer',
      'Lead Interviewer': 'interviewer',
    });
  });

  it('personal names and ids are participants only when there is an interviewer', () => {
    expect(proposeSpeakerRoles(['Interviewer', 'Dale', 'P07', 'Mary Ann'])).toEqual({
      Interviewer: 'interviewer',
      Dale: 'participant',
      P07: 'participant',
      'Mary Ann': 'participant',
    });
    expect(proposeSpeakerRoles(['Dale', 'Sam'])).toEqual({ Dale: 'other', Sam: 'other' });
  });

  it('Facilitator is the interviewer only when no other interviewer-like label exists', () => {
    expect(proposeSpeakerRoles(['Facilitator', 'Dale'])).toEqual({ Facilitator: 'interviewer', Dale: 'participant' });
    expect(proposeSpeakerRoles(['Moderator', 'Facilitator', 'Dale'])).toEqual({
      Moderator: 'interviewer',
      Facilitator: 'other',
      Dale: 'participant',
    });
  });

  it('speaker numbers, notes and lower-case words are other', () => {
    expect(proposeSpeakerRoles(['I', 'Speaker 1', 'Note', 'translator', 'unknown'])).toEqual({
      I: 'interviewer',
      'Speaker 1': 'other',
      Note: 'other',
      translator: 'other',
      unknown: 'other',
    });
    expect(proposeSpeakerRoles([])).toEqual({});
  });

  it("the one speaker who is not an interviewer is the participant, whatever the label's shape", () => {
    // staff-03.srt: "Staff03" is neither a name nor an id of the P07 kind, and was 'other'.
    expect(proposeSpeakerRoles(['Interviewer', 'Staff03'])).toEqual({ Interviewer: 'interviewer', Staff03: 'participant' });
    expect(proposeSpeakerRoles(['I', 'Speaker 2'])).toEqual({ I: 'interviewer', 'Speaker 2': 'participant' });
    expect(proposeSpeakerRoles(['Moderator', 'Facilitator'])).toEqual({ Moderator: 'interviewer', Facilitator: 'participant' });
    expect(proposeSpeakerRoles(['youth worker'])).toEqual({ 'youth worker': 'participant' });
    // A label that names another part (a translator, a note) is never the participant.
    expect(proposeSpeakerRoles(['Interviewer', 'Translator'])).toEqual({ Interviewer: 'interviewer', Translator: 'other' });
    expect(proposeSpeakerRoles(['Note'])).toEqual({ Note: 'other' });
    // Two or more: the shape rules above decide, as before.
    expect(proposeSpeakerRoles(['Interviewer', 'Staff03', 'Staff04'])).toEqual({
      Interviewer: 'interviewer',
      Staff03: 'other',
      Staff04: 'other',
    });
  });
});
