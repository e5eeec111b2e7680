import { describe, it, expect } from 'vitest';
import { parseCaptions } from '../../../renderer/io/captions';
import type { Turn } from '../../../renderer/core/shared/model';
import { syncErrorOf as errorOf } from '../../fixtures/errorOf';

function said(text: string, turns: Turn[]): [string | null, string][] {
  return turns.map((t) => [t.speaker, text.slice(t.start, t.end)]);
}

const VTT = `WEBVTT - interview with Dale
Kind: captions

NOTE This is a comment
spanning two lines

STYLE
::cue { color: yellow }

REGION
id:fred width:40%

1
00:00:01.000 --> 00:00:04.000 align:start position:10%
<v Interviewer>How are you <i>today</i>?</v>

00:00:04.500 --> 00:00:06.000
<v.loud Dale>Fine, <b>thanks</b>.</v>

00:00:06.000 --> 00:00:09.250
<v Dale>I went <00:00:07.000><c.highlight>home</c> &amp; slept.

01:00:00.000 --> 01:00:02.000
<v Interviewer>Good.
`;

describe('parseCaptions: WebVTT', () => {
  it('voice tags give speakers; timing in startTime/endTime, not the text', () => {
    const r = parseCaptions(VTT, 'a.vtt', 'vtt');
    expect(r.text).toBe('Interviewer: How are you today?\nDale: Fine, thanks. I went home & slept.\nInterviewer: Good.');
    expect(said(r.text, r.turns)).toEqual([
      ['Interviewer', 'How are you today?'],
      ['Dale', 'Fine, thanks. I went home & slept.'],
      ['Interviewer', 'Good.'],
    ]);
    expect(r.turns.map((t) => [t.startTime, t.endTime])).toEqual([
      [1, 4],
      [4.5, 9.25],
      [3600, 3602],
    ]);
    expect(r.text).not.toMatch(/-->|00:0|NOTE|cue|fred/);
    expect(r.warnings).toEqual([]);
  });

  it('exact offsets cover only what was said', () => {
    const r = parseCaptions('WEBVTT\n\n00:01.000 --> 00:02.000\n<v Sam>Hi 😊</v>\n', 'a.vtt', 'vtt');
    expect(r.text).toBe('Sam: Hi 😊');
    expect(r.turns).toEqual([{ start: 5, end: 10, speaker: 'Sam', startTime: 1, endTime: 2 }]);
  });

  it('Name: prefixes give the speaker when known or repeated', () => {
    const vtt =
      'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nInterviewer: Hello\n\n00:00:02.000 --> 00:00:03.000\nDale: Hi\n\n00:00:03.000 --> 00:00:04.000\nInterviewer: Ok\n\n00:00:04.000 --> 00:00:05.000\nDale: Yes\n';
    const r = parseCaptions(vtt, 'a.vtt', 'vtt');
    expect(said(r.text, r.turns)).toEqual([
      ['Interviewer', 'Hello'],
      ['Dale', 'Hi'],
      ['Interviewer', 'Ok'],
      ['Dale', 'Yes'],
    ]);
  });

  it('a one-off "Word:" stays text', () => {
    const vtt = 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nNote: the door opened.\n';
    const r = parseCaptions(vtt, 'a.vtt', 'vtt');
    expect(r.text).toBe('Note: the door opened.');
    expect(r.turns[0]!.speaker).toBeNull();
  });

  it('cues without a name continue the previous speaker', () => {
    const vtt = 'WEBVTT\n\n00:01.000 --> 00:02.000\n<v Dale>I went\n\n00:02.000 --> 00:03.000\nto the shop\n';
    const r = parseCaptions(vtt, 'a.vtt', 'vtt');
    expect(said(r.text, r.turns)).toEqual([['Dale', 'I went to the shop']]);
    expect(r.turns[0]).toMatchObject({ startTime: 1, endTime: 3 });
  });

  it('two voices in one cue become two turns', () => {
    const vtt = 'WEBVTT\n\n00:01.000 --> 00:03.000\n<v Interviewer>Ready?</v>\n<v Dale>Yes.</v>\n';
    const r = parseCaptions(vtt, 'a.vtt', 'vtt');
    expect(said(r.text, r.turns)).toEqual([
      ['Interviewer', 'Ready?'],
      ['Dale', 'Yes.'],
    ]);
  });

  it('unlabelled cues form paragraphs split at sentence ends and pauses', () => {
    const vtt =
      'WEBVTT\n\n00:01.000 --> 00:02.000\nso I went\n\n00:02.000 --> 00:03.000\nhome.\n\n' +
      '00:03.000 --> 00:04.000\nThen I\n\n00:10.000 --> 00:11.000\nslept\n';
    const r = parseCaptions(vtt, 'a.vtt', 'vtt');
    expect(r.text).toBe('so I went home.\nThen I\nslept');
    expect(said(r.text, r.turns)).toEqual([
      [null, 'so I went home.'],
      [null, 'Then I'],
      [null, 'slept'],
    ]);
    expect(r.turns[0]).toMatchObject({ startTime: 1, endTime: 3 });
  });

  it('multi-line cue text is joined with spaces; entities decoded', () => {
    const vtt = 'WEBVTT\n\n00:01.000 --> 00:02.000\nline one\nline &lt;two&gt;&nbsp;&#233;\n';
    expect(parseCaptions(vtt, 'a.vtt', 'vtt').text).toBe('line one line <two> é');
  });

  it('rejects a .vtt without the WEBVTT header', () => {
    const err = errorOf(() => parseCaptions('00:01.000 --> 00:02.000\nHi\n', 'a.vtt', 'vtt'));
    expect(err.message).toContain('WEBVTT');
    expect(err.fileName).toBe('a.vtt');
  });

  it('rejects a file with no cues', () => {
    const err = errorOf(() => parseCaptions('WEBVTT\n\nNOTE only a note\n', 'a.vtt', 'vtt'));
    expect(err.message).toContain('has no captions');
    expect(errorOf(() => parseCaptions('WEBVTT\n', 'b.vtt', 'vtt')).message).toContain('has no captions');
  });

  it('skips cues with unreadable timestamps, with a warning', () => {
    const vtt = 'WEBVTT\n\n00:aa.000 --> 00:02.000\nbroken\n\n00:03.000 --> 00:04.000\nfine\n';
    const r = parseCaptions(vtt, 'a.vtt', 'vtt');
    expect(r.text).toBe('fine');
    expect(r.warnings).toEqual(['1 cue(s) with unreadable timestamps were skipped']);
  });
});

const SRT = `1
00:00:01,000 --> 00:00:03,500
Interviewer: Tell me about
the programme.

2
00:00:04,000 --> 00:00:06,000
Dale: It <i>changed</i> me.

3
00:00:06,000 --> 00:00:08,000
{\\an8}Slowly.

4
00:00:09,000 --> 00:00:10,000
Interviewer: Thanks.
`;

describe('parseCaptions: SRT', () => {
  it('numbers and timings dropped; Name: prefixes; tags and {\\an8} removed', () => {
    const r = parseCaptions(SRT, 'a.srt', 'srt');
    expect(r.text).toBe('Interviewer: Tell me about the programme.\nDale: It changed me. Slowly.\nInterviewer: Thanks.');
    expect(said(r.text, r.turns)).toEqual([
      ['Interviewer', 'Tell me about the programme.'],
      ['Dale', 'It changed me. Slowly.'],
      ['Interviewer', 'Thanks.'],
    ]);
    expect(r.turns.map((t) => [t.startTime, t.endTime])).toEqual([
      [1, 3.5],
      [4, 8],
      [9, 10],
    ]);
  });

  it('cues not separated by blank lines', () => {
    const srt = '1\n00:00:01,000 --> 00:00:02,000\nfirst.\n2\n00:00:02,500 --> 00:00:03,000\nsecond.\n';
    const r = parseCaptions(srt, 'a.srt', 'srt');
    expect(said(r.text, r.turns)).toEqual([
      [null, 'first.'],
      [null, 'second.'],
    ]);
  });

  it('an .srt that is really WebVTT is read as WebVTT', () => {
    const r = parseCaptions('WEBVTT\n\nNOTE x\n\n00:01.000 --> 00:02.000\nHi.\n', 'a.srt', 'srt');
    expect(r.text).toBe('Hi.');
  });

  it('rejects an SRT without cues', () => {
    const err = errorOf(() => parseCaptions('just some\ntext\n', 'a.srt', 'srt'));
    expect(err.message).toContain('has no captions');
    expect(err.message).toContain('00:00:01,000 --> 00:00:04,000');
  });
});
