import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TRANSCRIPT_EXTENSIONS, extensionOf, importTranscript, markdownToText, transcriptFormat } from '../../../renderer/io/transcripts';
import type { Turn } from '../../../renderer/core/shared/model';
import { makeDocx } from '../../fixtures/makeDocx';
import { errorOf } from '../../fixtures/errorOf';

const utf8 = (s: string) => new TextEncoder().encode(s);
const fixture = (name: string) => ({
  name,
  bytes: new Uint8Array(readFileSync(fileURLToPath(new URL(`../../fixtures/transcripts/${name}`, import.meta.url)))),
});

function said(text: string, turns: Turn[]): [string | null, string][] {
  return turns.map((t) => [t.speaker, text.slice(t.start, t.end)]);
}

function expectCanonical(text: string): void {
  expect(text).not.toContain('\r');
  expect(text.charCodeAt(0)).not.toBe(0xfeff);
}

describe('importTranscript: formats', () => {
  it('.txt fixture with CRLF, timestamps and a header line', async () => {
    const r = await importTranscript(fixture('dale_T1.txt'));
    expect(r.format).toBe('txt');
    expectCanonical(r.text);
    expect(said(r.text, r.turns)).toEqual([
      [null, 'Interview with Dale, Time 1'],
      ['Interviewer', 'How did you come to the programme?'],
      ['Dale', 'The court sent me. I didn’t want to go.\nAt first anyway.'],
      ['Interviewer', 'And now?'],
      ['Dale', 'Now I see it differently — it’s about respect.'],
    ]);
    expect(r.turns.map((t) => t.speakerRole)).toEqual([undefined, 'interviewer', 'participant', 'interviewer', 'participant']);
    expect(r.turns[1]!.startTime).toBe(5);
  });

  it('.md fixture: headings and emphasis stripped, bold labels still detected', async () => {
    const r = await importTranscript(fixture('priya_T2.md'));
    expect(r.format).toBe('md');
    expect(r.text).not.toMatch(/[*#]/);
    expect(said(r.text, r.turns)).toEqual([
      [null, 'Interview: Priya, Time 2'],
      [null, 'Site B, anonymised'],
      ['Interviewer', 'What has changed since we last spoke?'],
      ['Priya', 'He listens more. He asks before he decides — see the notes.'],
      ['Interviewer', 'Anything else?'],
      ['Priya', 'The kids are less scared.'],
    ]);
    expect(r.turns[3]!.speakerRole).toBe('participant');
  });

  it('.vtt and .srt fixtures', async () => {
    const vtt = await importTranscript(fixture('kieran_T2.vtt'));
    expect(vtt.format).toBe('vtt');
    expect(vtt.text).toBe('Interviewer: How are things at home?\nKieran: Calmer. I walk away now when I feel it building.');
    expect(vtt.turns[1]).toMatchObject({ speaker: 'Kieran', speakerRole: 'participant', startTime: 3.5, endTime: 8 });
    const srt = await importTranscript(fixture('sam_T1.srt'));
    expect(srt.format).toBe('srt');
    expect(said(srt.text, srt.turns)).toEqual([
      ['Interviewer', 'What did the group teach you?'],
      ['Sam', 'That it was my choice.'],
    ]);
  });

  it('.docx: a first paragraph in the Title style is the title, not a turn (as Word, via the docx library, writes it)', async () => {
    const { Document, HeadingLevel, Packer, Paragraph } = await import('docx');
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: 'Interview with Kieran, Time 2', heading: HeadingLevel.TITLE }),
            new Paragraph('Interviewer: What changed?'),
            new Paragraph('Kieran: I listen before I answer now.'),
            new Paragraph('Interviewer: Anything else?'),
            new Paragraph('Kieran: No.'),
          ],
        },
      ],
    });
    const r = await importTranscript({ name: 'Kieran_T2.docx', bytes: new Uint8Array(await Packer.toArrayBuffer(doc)) });
    expect(r.title).toBe('Interview with Kieran, Time 2');
    expect(r.text).toBe('Interviewer: What changed?\nKieran: I listen before I answer now.\nInterviewer: Anything else?\nKieran: No.');
    expect(said(r.text, r.turns)).toEqual([
      ['Interviewer', 'What changed?'],
      ['Kieran', 'I listen before I answer now.'],
      ['Interviewer', 'Anything else?'],
      ['Kieran', 'No.'],
    ]);
  });

  it('.docx: a Heading 1 paragraph, or a short title line above the first turn, is the title', async () => {
    const heading = await importTranscript({
      name: 'a.docx',
      bytes: makeDocx([{ text: 'Dale – Time 1', style: 'Heading1' }, 'Interviewer: Hello.', 'Dale: Hi.']),
    });
    expect([heading.title, heading.text]).toEqual(['Dale – Time 1', 'Interviewer: Hello.\nDale: Hi.']);
    const lines = [
      'Staff interview 03',
      'Interviewer: How long?',
      'Staff03: Six years.',
      'Interviewer: And before?',
      'Staff03: Probation.',
    ];
    const line = await importTranscript({ name: 'b.docx', bytes: makeDocx(lines) });
    expect([line.title, line.text]).toEqual(['Staff interview 03', lines.slice(1).join('\n')]);
    expect(line.turns.map((t) => t.speakerRole)).toEqual(['interviewer', 'participant', 'interviewer', 'participant']);
    // A text file keeps its first line: only Word documents carry a title this way.
    const txt = await importTranscript({ name: 'c.txt', bytes: utf8(lines.join('\n')) });
    expect(txt.title).toBeUndefined();
  });

  it('.docx built with makeDocx', async () => {
    const bytes = makeDocx(['Interviewer: Hello & welcome', '', 'P07: Thanks 😊', 'P07: Really.']);
    const r = await importTranscript({ name: 'P07_T1.DOCX', bytes });
    expect(r.format).toBe('docx');
    expect(r.text).toBe('Interviewer: Hello & welcome\nP07: Thanks 😊\nP07: Really.');
    expect(said(r.text, r.turns)).toEqual([
      ['Interviewer', 'Hello & welcome'],
      ['P07', 'Thanks 😊'],
      ['P07', 'Really.'],
    ]);
    expect(r.turns.map((t) => t.speakerRole)).toEqual(['interviewer', 'participant', 'participant']);
  });

  it('.text and .markdown extensions; extension case does not matter', async () => {
    expect((await importTranscript({ name: 'a.TEXT', bytes: utf8('hi') })).format).toBe('txt');
    expect((await importTranscript({ name: 'a.Markdown', bytes: utf8('# hi') })).text).toBe('hi');
    expect((await importTranscript({ name: 'A.TXT', bytes: utf8('hi') })).format).toBe('txt');
  });

  it('UTF-16LE with BOM and CRLF become canonical', async () => {
    const s = '\ufeffI: Hi\r\nR: Hello 😊\r\n';
    const bytes = new Uint8Array(s.length * 2);
    for (let i = 0; i < s.length; i++) {
      bytes[2 * i] = s.charCodeAt(i) & 0xff;
      bytes[2 * i + 1] = s.charCodeAt(i) >> 8;
    }
    const r = await importTranscript({ name: 'x.txt', bytes });
    expect(r.text).toBe('I: Hi\nR: Hello 😊\n');
    expect(said(r.text, r.turns)).toEqual([
      ['I', 'Hi'],
      ['R', 'Hello 😊'],
    ]);
  });

  it('passes on decoding warnings', async () => {
    const r = await importTranscript({ name: 'x.txt', bytes: new Uint8Array([0x63, 0x61, 0x66, 0xe9]) });
    expect(r.text).toBe('café');
    expect(r.warnings.join()).toContain('Windows-1252');
  });
});

describe('importTranscript: refusals', () => {
  it('a document over its reader’s size limit, before anything is parsed', async () => {
    const MB = 1024 * 1024;
    for (const [name, size, limit] of [
      ['big.docx', 50 * MB + 1, '50 MB'],
      ['big.odt', 50 * MB + 1, '50 MB'],
      ['big.rtf', 50 * MB + 1, '50 MB'],
      ['big.pdf', 100 * MB + 1, '100 MB'],
    ] as const) {
      const err = await errorOf(importTranscript({ name, bytes: new Uint8Array(size) }));
      expect(err.message).toBe(`${name}: is too large (${limit}); the limit for a .${name.split('.')[1]} file is ${limit}`);
    }
  });

  it('unsupported extensions', async () => {
    const err = await errorOf(importTranscript({ name: 'notes.pages', bytes: utf8('x') }));
    expect(err.message).toBe(
      "notes.pages: unsupported file type .pages; use .txt, .md, .docx, .odt, .rtf, .pdf, .vtt, .srt, or Whisper's .json or .tsv",
    );
    expect((await errorOf(importTranscript({ name: 'README', bytes: utf8('x') }))).message).toContain('unsupported file type');
    expect((await errorOf(importTranscript({ name: 'a.doc', bytes: utf8('x') }))).message).toContain('.doc;');
  });

  it('empty text and markdown with no text', async () => {
    expect((await errorOf(importTranscript({ name: 'a.txt', bytes: utf8(' \n') }))).message).toBe('a.txt: is empty');
    expect((await errorOf(importTranscript({ name: 'a.md', bytes: utf8('---\n\n***\n') }))).message).toBe('a.md: has no text');
    expect((await errorOf(importTranscript({ name: 'a.docx', bytes: makeDocx(['', '  ']) }))).message).toBe('a.docx: has no text');
  });

  it('binary junk, corrupt docx, old .doc renamed', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect((await errorOf(importTranscript({ name: 'a.txt', bytes: png }))).message).toContain('looks like a binary file');
    expect((await errorOf(importTranscript({ name: 'a.docx', bytes: utf8('hello') }))).message).toContain('is not a valid .docx');
    const cfb = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect((await errorOf(importTranscript({ name: 'a.docx', bytes: cfb }))).message).toContain('old Word .doc');
  });

  it('size limits are checked first', async () => {
    // A fake view claiming 21 MB: the limit check must not read the bytes.
    const big = { length: 21 * 1024 * 1024 } as unknown as Uint8Array;
    expect((await errorOf(importTranscript({ name: 'a.txt', bytes: big }))).message).toContain('limit for a text file is 20 MB');
    const huge = { length: 51 * 1024 * 1024 } as unknown as Uint8Array;
    expect((await errorOf(importTranscript({ name: 'a.docx', bytes: huge }))).message).toContain('limit for a .docx file is 50 MB');
  });

  it('a .vtt without header', async () => {
    const err = await errorOf(importTranscript({ name: 'a.vtt', bytes: utf8('00:01.000 --> 00:02.000\nhi\n') }));
    expect(err.message).toContain('WEBVTT');
  });
});

describe('helpers', () => {
  it('TRANSCRIPT_EXTENSIONS, extensionOf and transcriptFormat', () => {
    expect(TRANSCRIPT_EXTENSIONS).toEqual(['.txt', '.md', '.markdown', '.docx', '.odt', '.rtf', '.pdf', '.vtt', '.srt', '.json', '.tsv']);
    expect(extensionOf('dir.v2/My File.Final.DOCX')).toBe('.docx');
    expect(extensionOf('.hidden')).toBe('');
    expect(transcriptFormat('x.srt')).toBe('srt');
    expect(transcriptFormat('x.rtf')).toBe('rtf');
    expect(transcriptFormat('x.pdf')).toBe('pdf');
    expect(transcriptFormat('x.doc')).toBeNull();
  });
});

describe('markdownToText', () => {
  it('headings, emphasis, links, images, code, quotes, bullets', () => {
    const md = [
      '## Part 1 ##',
      '**Bold** and __bold__, *it* and _it_ and ~~gone~~, snake_case_name stays',
      'A [link](http://x.y) and ![alt text](img.png) and <https://example.org> and `code`',
      '> quoted line',
      '- bullet item',
      '* star item',
      '1. numbered item',
      '```',
      'fenced content',
      '```',
      '[ref]: https://example.org',
      '[Dale]: said as a label',
      '\\*not emphasis\\*',
    ].join('\n');
    expect(markdownToText(md)).toBe(
      [
        'Part 1',
        'Bold and bold, it and it and gone, snake_case_name stays',
        'A link and alt text and https://example.org and code',
        'quoted line',
        'bullet item',
        'star item',
        '1. numbered item',
        'fenced content',
        '[Dale]: said as a label',
        '*not emphasis*',
      ].join('\n'),
    );
  });

  it('front matter and rules are dropped; bold labels become plain labels', () => {
    expect(markdownToText('---\ntitle: x\n---\n**Interviewer:** Hi\n\n---\n**Dale**: Yo')).toBe('Interviewer: Hi\n\nDale: Yo');
  });
});
