import { describe, expect, it } from 'vitest';
import { readRtf } from '../../../renderer/io/rtf';
import { importTranscript } from '../../../renderer/io/transcripts';
import { errorOf, syncErrorOf } from '../../fixtures/errorOf';

const bytes = (rtf: string) => Uint8Array.from(rtf, (c) => c.charCodeAt(0));
const lines = (rtf: string) => readRtf(bytes(rtf), 'a.rtf').lines;
const texts = (rtf: string) => lines(rtf).map((l) => l.text);
const HEAD = String.raw`{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\froman\fcharset0 Times New Roman;}{\f1\fswiss\fcharset204 Arial;}{\f2\fnil\fcharset161 Greek;}}`;

describe('readRtf: paragraphs and characters', () => {
  it('paragraphs, line breaks, tabs and escaped braces', () => {
    expect(texts(String.raw`${HEAD}\pard Hello\par World \{x\} \\ y\line next\tab col\par\par}`)).toEqual([
      'Hello',
      'World {x} \\ y',
      'next\tcol',
    ]);
  });

  it('line ends in the source are not text; a control word eats one space after it', () => {
    expect(texts(`${HEAD}\\pard one\r\ntwo \\b three\\b0  four\\par}`)).toEqual(['onetwo three four']);
  });

  it('code pages: \\ansicpg, a font’s \\fcharset, and two-byte characters', () => {
    expect(texts(String.raw`{\rtf1\ansi\ansicpg1251{\fonttbl{\f0 Arial;}}\f0 \'cf\'f0\'e8\'e2\'e5\'f2\par}`)).toEqual(['Привет']);
    expect(texts(String.raw`${HEAD}\f1 \'cf\'f0\'e8\f2 \'e1\'e2\f0  caf\'e9 \'93q\'94\par}`)).toEqual(['Приαβ café “q”']);
    expect(texts(String.raw`{\rtf1\ansi\ansicpg932 \'82\'a0\'82\'a2\par}`)).toEqual(['あい']);
  });

  it('\\u with its fallback skipped as \\uc says, negative values and surrogate pairs', () => {
    expect(texts(String.raw`${HEAD}\uc1\u1055?\u1088?\u1080 x\par}`)).toEqual(['При']);
    expect(texts(String.raw`${HEAD}{\uc2\u1055\'cf\'cf}\u-10179?\u-8694?\par}`)).toEqual(['П😊']);
    expect(texts(String.raw`${HEAD}\uc0\u233 t\'e9\par}`)).toEqual(['été']);
  });

  it('control words that are characters', () => {
    expect(texts(String.raw`${HEAD}\ldblquote a\rdblquote\emdash b\endash c\lquote d\rquote\~e\_f\-g\bullet\par}`)).toEqual([
      '“a”—b–c‘d’\u00a0e-fg•',
    ]);
  });
});

describe('readRtf: what is not the document’s text', () => {
  it('skips tables, info, headers, footers, pictures, field instructions and unknown \\* destinations', () => {
    const rtf = String.raw`${HEAD}{\colortbl;\red0\green0\blue0;}{\info{\title Secret title}{\author Someone}}{\*\generator Writer;}
{\header \pard Page header\par}{\footer \pard Page 1\par}\pard Before {\pict\pngblip 89504e47\par} after {\field{\*\fldinst HYPERLINK "https://example.org"}{\fldrslt the link}}{\*\bkmkstart b1}{\*\unknowndest hidden words} end.{\v hidden}\par}`;
    expect(texts(rtf)).toEqual(['Before  after the link end.']);
  });

  it('\\bin skips its bytes, braces and backslashes among them', () => {
    expect(texts(`${HEAD}\\pard a{\\*\\blip\\bin4 {}\\x} b\\par}`)).toEqual(['a b']);
  });

  it('comments and tracked changes are counted; deleted text is left out, inserted kept', () => {
    const rtf = String.raw`${HEAD}\pard I went {\deleted every single }{\revised\revauth1 every }week.{\*\atnid A}{\*\atnauthor Coder}\chatn{\*\annotation\pard Check this\par}\par}`;
    const read = readRtf(bytes(rtf), 'a.rtf');
    expect(read.lines.map((l) => l.text)).toEqual(['I went every week.']);
    expect(read.warnings).toEqual(['2 tracked changes were read as accepted and 1 comment was left out.']);
  });

  it('ignores what follows the document’s group', () => {
    expect(texts(`${HEAD}\\pard a\\par}trailing junk {\\par more}`)).toEqual(['a']);
  });
});

describe('readRtf: styles, bold speakers and tables', () => {
  const STYLES = String.raw`{\stylesheet{\ql Normal;}{\s1\sbasedon0 heading 1;}{\s2 Title;}{\*\cs10 Default Paragraph Font;}}`;

  it('names each paragraph’s style from the stylesheet', () => {
    expect(lines(`${HEAD}${STYLES}\\pard\\s2 Interview with Dale\\par\\pard\\s1 Part 1\\par\\pard Body\\par}`)).toEqual([
      { text: 'Interview with Dale', style: 'Title' },
      { text: 'Part 1', style: 'heading 1' },
      { text: 'Body', style: 'Normal' },
    ]);
  });

  it('bold speaker names become turns, table rows read row by row', async () => {
    const row = (a: string, b: string) => String.raw`\trowd\cellx2000\cellx8000\pard\intbl ${a}\cell ${b}\cell\row`;
    const rtf = String.raw`${HEAD}${STYLES}\pard\s2 Interview with Dale\par
\pard{\b Interviewer}\tab How were things?\par\pard{\b Dale} It was bad.\par
${row('Interviewer', 'Who else was there?')}${row('Dale', 'Other lads.')}\pard{\b\i Dale}{\b0  Last word.}\par}`;
    const imported = await importTranscript({ name: 'dale.rtf', bytes: bytes(rtf) });
    expect(imported.format).toBe('rtf');
    expect(imported.title).toBe('Interview with Dale');
    expect(imported.text).toBe(
      'Interviewer:\tHow were things?\nDale: It was bad.\nInterviewer: Who else was there?\nDale: Other lads.\nDale: Last word.',
    );
    expect(imported.turns.map((t) => [t.speaker, t.speakerRole, imported.text.slice(t.start, t.end)])).toEqual([
      ['Interviewer', 'interviewer', 'How were things?'],
      ['Dale', 'participant', 'It was bad.'],
      ['Interviewer', 'interviewer', 'Who else was there?'],
      ['Dale', 'participant', 'Other lads.'],
      ['Dale', 'participant', 'Last word.'],
    ]);
  });

  it('a cell of several paragraphs keeps them as lines', () => {
    expect(texts(String.raw`${HEAD}\trowd\cellx1\cellx2\pard\intbl Note\cell first\par second\cell\row}`)).toEqual([
      'Note\tfirst',
      'second',
    ]);
  });
});

describe('readRtf: bad input', () => {
  it('a file that is not RTF', async () => {
    expect(syncErrorOf(() => readRtf(bytes('hello'), 'notes.rtf')).message).toBe(
      'notes.rtf: is not an RTF document (it does not start with {\\rtf)',
    );
    const err = await errorOf(importTranscript({ name: 'notes.rtf', bytes: bytes('{\\rtf1 }') }));
    expect(err.message).toBe('notes.rtf: has no text');
  });

  it('groups nested too deep, and a file cut short', () => {
    expect(syncErrorOf(() => readRtf(bytes(`${HEAD}${'{'.repeat(5000)}x`), 'deep.rtf')).message).toBe(
      'deep.rtf: nests groups more than 1000 deep; it is damaged',
    );
    const cut = readRtf(bytes(`${HEAD}\\pard Words and`), 'cut.rtf');
    expect(cut.lines.map((l) => l.text)).toEqual(['Words and']);
    expect(cut.warnings).toEqual(['the file ends before its last group closes; it may have been cut short']);
  });

  it('an unsupported code page is said, and control characters are removed as for .txt', () => {
    const read = readRtf(bytes(String.raw`{\rtf1\pc \'82a\'01b\par}`), 'old.rtf');
    expect(read.lines.map((l) => l.text)).toEqual(['‚ab']);
    expect(read.warnings).toEqual([
      'code page 437 is not supported; its letters outside ASCII were read as Windows-1252 and may be wrong',
      'control characters inside the text were removed (form feeds and vertical tabs became line breaks)',
    ]);
  });

  it('stays linear on long runs of what the reader handles specially', () => {
    // Quadratic handling of any of these would take minutes at 2 MB and time the test out.
    const n = 2 * 1024 * 1024;
    for (const unit of ["\\'e9", '{}', '\\u233?', '{\\b x}', '\\par ', '\\cell ', 'a']) {
      const body = unit.repeat(Math.floor(n / unit.length));
      const read = readRtf(bytes(`${HEAD}\\pard ${body} end\\par}`), 'long.rtf');
      expect(read.lines.length).toBeGreaterThan(0);
    }
  });
});
