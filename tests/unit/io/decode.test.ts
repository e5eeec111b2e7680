import { describe, it, expect } from 'vitest';
import { MAX_DOCX_BYTES, MAX_TEXT_BYTES, assertWithinLimit, decodeText, decodeWindows1252 } from '../../../renderer/io/decode';
import { syncErrorOf as errorOf } from '../../fixtures/errorOf';

const utf8 = (s: string) => new TextEncoder().encode(s);

function utf16(s: string, order: 'le' | 'be', bom: boolean): Uint8Array {
  const out = new Uint8Array((s.length + (bom ? 1 : 0)) * 2);
  let o = 0;
  const put = (code: number) => {
    out[o++] = order === 'le' ? code & 0xff : code >> 8;
    out[o++] = order === 'le' ? code >> 8 : code & 0xff;
  };
  if (bom) put(0xfeff);
  for (let i = 0; i < s.length; i++) put(s.charCodeAt(i));
  return out;
}

const SAMPLE = 'Interviewer: Ça va? 😊\nRespondent: Oui — naïve café.';

describe('decodeText: encodings', () => {
  it('UTF-8 without BOM', () => {
    expect(decodeText(utf8(SAMPLE), 'a.txt')).toEqual({ text: SAMPLE, encoding: 'utf-8', warnings: [] });
  });

  it('UTF-8 with BOM drops the BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(SAMPLE)]);
    const r = decodeText(bytes, 'a.txt');
    expect(r.text).toBe(SAMPLE);
    expect(r.text.charCodeAt(0)).not.toBe(0xfeff);
    expect(r.encoding).toBe('utf-8');
  });

  it('UTF-16LE and UTF-16BE with BOM, emoji kept as surrogate pairs', () => {
    for (const order of ['le', 'be'] as const) {
      const r = decodeText(utf16(SAMPLE, order, true), 'a.txt');
      expect(r.text).toBe(SAMPLE);
      expect(r.encoding).toBe(`utf-16${order}`);
      expect(r.warnings).toEqual([]);
    }
  });

  it('UTF-16 without BOM when the NUL pattern is clear', () => {
    const text = 'Interviewer: Hello there, how are you?\nRespondent: Fine.';
    expect(decodeText(utf16(text, 'le', false), 'a.txt')).toMatchObject({ text, encoding: 'utf-16le' });
    expect(decodeText(utf16(text, 'be', false), 'a.txt')).toMatchObject({ text, encoding: 'utf-16be' });
  });

  it('UTF-16 with an odd trailing byte warns and drops it', () => {
    const bytes = new Uint8Array([...utf16('Hello', 'le', true), 0x41]);
    const r = decodeText(bytes, 'a.txt');
    expect(r.text).toBe('Hello');
    expect(r.warnings).toHaveLength(1);
  });

  it('invalid UTF-8 falls back to Windows-1252 with a warning', () => {
    // "café – “quoted”" in Windows-1252
    const bytes = new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x96, 0x20, 0x93, 0x71, 0x94]);
    const r = decodeText(bytes, 'a.txt');
    expect(r.text).toBe('café – “q”');
    expect(r.encoding).toBe('windows-1252');
    expect(r.warnings.join()).toContain('decoded as Windows-1252; check accented letters');
  });

  it('decodeWindows1252 maps the 0x80-0x9F range and Latin-1', () => {
    expect(decodeWindows1252(new Uint8Array([0x80, 0x85, 0x99, 0xa9, 0xff]))).toBe('€…™©ÿ');
  });

  // The WHATWG Encoding Standard's index-windows-1252 for bytes 0x80-0x9F, written out by
  // hand (not taken from TextDecoder). The five bytes Microsoft leaves undefined (0x81, 0x8D,
  // 0x8F, 0x90, 0x9D) map to the C1 control of the same number.
  const WINDOWS_1252_HIGH: readonly [number, number][] = [
    [0x80, 0x20ac],
    [0x81, 0x0081],
    [0x82, 0x201a],
    [0x83, 0x0192],
    [0x84, 0x201e],
    [0x85, 0x2026],
    [0x86, 0x2020],
    [0x87, 0x2021],
    [0x88, 0x02c6],
    [0x89, 0x2030],
    [0x8a, 0x0160],
    [0x8b, 0x2039],
    [0x8c, 0x0152],
    [0x8d, 0x008d],
    [0x8e, 0x017d],
    [0x8f, 0x008f],
    [0x90, 0x0090],
    [0x91, 0x2018],
    [0x92, 0x2019],
    [0x93, 0x201c],
    [0x94, 0x201d],
    [0x95, 0x2022],
    [0x96, 0x2013],
    [0x97, 0x2014],
    [0x98, 0x02dc],
    [0x99, 0x2122],
    [0x9a, 0x0161],
    [0x9b, 0x203a],
    [0x9c, 0x0153],
    [0x9d, 0x009d],
    [0x9e, 0x017e],
    [0x9f, 0x0178],
  ];

  it('decodeWindows1252 maps every byte 0x80-0x9F as the WHATWG windows-1252 table does', () => {
    expect(WINDOWS_1252_HIGH.map(([byte]) => byte)).toEqual(Array.from({ length: 32 }, (_, i) => 0x80 + i));
    for (const [byte, codePoint] of WINDOWS_1252_HIGH) {
      expect(decodeWindows1252(new Uint8Array([byte])), `byte 0x${byte.toString(16)}`).toBe(String.fromCodePoint(codePoint));
    }
    const all = String.fromCodePoint(...WINDOWS_1252_HIGH.map(([, codePoint]) => codePoint));
    expect(decodeWindows1252(new Uint8Array(WINDOWS_1252_HIGH.map(([byte]) => byte)))).toBe(all);
    // The same bytes through the import path: not UTF-8, so they fall back to Windows-1252;
    // the five C1 controls are not text and are removed with a warning.
    const r = decodeText(new Uint8Array([0x61, ...WINDOWS_1252_HIGH.map(([byte]) => byte), 0x7a]), 'a.txt');
    expect(r.encoding).toBe('windows-1252');
    expect(r.text).toBe(`a${all.replace(/[\u0080-\u009f]/g, '')}z`);
    expect(r.warnings).toContain('control characters inside the text were removed (form feeds and vertical tabs became line breaks)');
  });

  it('decodeWindows1252 maps every other byte to the code point of the same number', () => {
    for (let byte = 0; byte <= 0xff; byte++) {
      if (byte >= 0x80 && byte <= 0x9f) continue;
      expect(decodeWindows1252(new Uint8Array([byte])).charCodeAt(0), `byte 0x${byte.toString(16)}`).toBe(byte);
    }
  });
});

describe('decodeText: canonical text', () => {
  it('CRLF and lone CR become LF', () => {
    expect(decodeText(utf8('a\r\nb\rc\n\r\nd'), 'a.txt').text).toBe('a\nb\nc\n\nd');
    expect(decodeText(utf16('a\r\nb', 'le', true), 'a.txt').text).toBe('a\nb');
  });

  it('drops trailing NUL padding', () => {
    expect(decodeText(new Uint8Array([...utf8('Hello\n'), 0, 0, 0, 0]), 'a.txt').text).toBe('Hello\n');
    expect(decodeText(new Uint8Array([...utf16('Hi there', 'le', true), 0, 0, 0, 0]), 'a.txt').text).toBe('Hi there');
  });

  it('keeps surrounding whitespace (offsets are into exactly this string)', () => {
    expect(decodeText(utf8('\n  Hello  \n'), 'a.txt').text).toBe('\n  Hello  \n');
  });
});

describe('decodeText: refusals', () => {
  it('empty and whitespace-only files', () => {
    for (const bytes of [new Uint8Array(0), utf8('  \n\t\r\n'), new Uint8Array([0xef, 0xbb, 0xbf]), utf16(' \n', 'le', true)]) {
      const err = errorOf(() => decodeText(bytes, 'blank.txt'));
      expect(err.message).toBe('blank.txt: is empty');
      expect(err.fileName).toBe('blank.txt');
    }
  });

  it('PNG, ZIP, PDF and other binaries named .txt', () => {
    const samples: [number[], string][] = [
      [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'PNG'],
      [[0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 8, 0], 'zip'],
      [[...utf8('%PDF-1.7\n%âãÏÓ\n1 0 obj')], 'PDF'],
      [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 'old Office'],
    ];
    for (const [bytes, kind] of samples) {
      const err = errorOf(() => decodeText(new Uint8Array(bytes), 'notes.txt'));
      expect(err.message).toContain('looks like a binary file');
      expect(err.message).toContain('not text');
      expect(err.message).toContain(kind);
    }
  });

  it('many NUL or control bytes without a known signature', () => {
    const junk = new Uint8Array(4000);
    for (let i = 0; i < junk.length; i++) junk[i] = (i * 7919) % 256;
    expect(errorOf(() => decodeText(junk, 'x.txt')).message).toContain('looks like a binary file');
    const controls = new Uint8Array(200).map((_, i) => (i % 3 === 0 ? 0x01 : 0x41));
    expect(errorOf(() => decodeText(controls, 'x.txt')).message).toContain('looks like a binary file');
    const nulInside = new Uint8Array([...utf8('abc'), 0, ...utf8('def')]);
    expect(errorOf(() => decodeText(nulInside, 'x.txt')).message).toContain('looks like a binary file');
  });

  it('binary data that mimics the UTF-16 NUL pattern', () => {
    const bytes = new Uint8Array(1000).map((_, i) => (i % 2 === 1 ? 0 : (i % 5) + 1));
    expect(errorOf(() => decodeText(bytes, 'x.txt')).message).toContain('looks like a binary file');
  });

  it('size limits are stated in the message', () => {
    expect(MAX_TEXT_BYTES).toBe(20 * 1024 * 1024);
    expect(MAX_DOCX_BYTES).toBe(50 * 1024 * 1024);
    expect(() => assertWithinLimit(MAX_TEXT_BYTES, MAX_TEXT_BYTES, 'a.txt')).not.toThrow();
    const err = errorOf(() => assertWithinLimit(MAX_TEXT_BYTES + 1, MAX_TEXT_BYTES, 'a.txt', 'text file'));
    expect(err.message).toContain('the limit for a text file is 20 MB');
    const err2 = errorOf(() => assertWithinLimit(60 * 1024 * 1024, MAX_DOCX_BYTES, 'a.docx', '.docx file'));
    expect(err2.message).toBe('a.docx: is too large (60 MB); the limit for a .docx file is 50 MB');
  });

  it('decodeText enforces its limit (small limit, no big allocation)', () => {
    const err = errorOf(() => decodeText(utf8('0123456789'), 'a.txt', 5));
    expect(err.message).toContain('is too large');
    expect(decodeText(utf8('01234'), 'a.txt', 5).text).toBe('01234');
  });
});

describe('decodeText: damaged UTF-8', () => {
  const lines = Array.from({ length: 20 }, (_, i) => `Line ${i + 1}: Zoë said the café was “fine” — ${i}`);
  /** The lines as UTF-8 joined by `eol`, with `bad` bytes put after the first word of the given lines. */
  function damaged(badOn: number[], bad: number[], eol = '\n'): { bytes: Uint8Array; expected: string } {
    const parts: number[] = [];
    const expected: string[] = [];
    lines.forEach((line, i) => {
      const [head, tail] = [line.slice(0, 4), line.slice(4)];
      parts.push(...utf8(head));
      if (badOn.includes(i + 1)) parts.push(...bad);
      parts.push(...utf8(tail + (i < lines.length - 1 ? eol : '')));
      expected.push(badOn.includes(i + 1) ? `${head}\uFFFD${tail}` : line);
    });
    return { bytes: new Uint8Array(parts), expected: expected.join('\n') };
  }

  it('one bad byte in an otherwise UTF-8 file is replaced with U+FFFD and its line named, not read as Windows-1252', () => {
    const { bytes, expected } = damaged([12], [0xff]);
    expect(decodeText(bytes, 'a.txt')).toEqual({
      text: expected,
      encoding: 'utf-8',
      warnings: ['Line 12 had bytes that are not valid UTF-8; they were replaced with \uFFFD'],
    });
  });

  it('names every damaged line, counting CRLF and CR line ends; a cut multi-byte sequence is one bad sequence', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const { bytes, expected } = damaged([2, 5, 9], [0xe2, 0x80], eol); // the first two bytes of "–"
      const r = decodeText(bytes, 'a.txt');
      expect(r.text).toBe(expected);
      expect(r.warnings).toEqual(['Lines 2, 5 and 9 had bytes that are not valid UTF-8; they were replaced with \uFFFD']);
    }
  });

  it('more than ten damaged lines: the first ten and how many more', () => {
    const badOn = Array.from({ length: 13 }, (_, i) => i + 2);
    const r = decodeText(damaged(badOn, [0xc3]).bytes, 'a.txt');
    expect(r.encoding).toBe('utf-8');
    expect(r.warnings).toEqual([
      'Lines 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 and 3 more had bytes that are not valid UTF-8; they were replaced with \uFFFD',
    ]);
  });

  it('a file cut in the middle of its last character', () => {
    const bytes = utf8('Kieran: ça va, merci 😊');
    const r = decodeText(bytes.subarray(0, bytes.length - 2), 'a.txt');
    expect(r).toEqual({
      text: 'Kieran: ça va, merci \uFFFD',
      encoding: 'utf-8',
      warnings: ['Line 1 had bytes that are not valid UTF-8; they were replaced with \uFFFD'],
    });
  });

  it('a UTF-8 BOM means UTF-8 even when the rest looks like Windows-1252', () => {
    const r = decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('caf'), 0xe9, 0x0a, ...utf8('ok')]), 'a.txt');
    expect(r).toEqual({
      text: 'caf\uFFFD\nok',
      encoding: 'utf-8',
      warnings: ['Line 1 had bytes that are not valid UTF-8; they were replaced with \uFFFD'],
    });
  });

  it('Windows-1252 stays Windows-1252: no valid multi-byte sequence, or more invalid than valid ones', () => {
    const cp1252 = (s: string) => new Uint8Array([...s].map((c) => c.charCodeAt(0)));
    // An ASCII file with one stray high byte: a Windows letter, not half a UTF-8 one.
    expect(decodeText(cp1252('Interviewer: and the caf\u00e9?\nDale: closed.'), 'a.txt')).toMatchObject({
      text: 'Interviewer: and the café?\nDale: closed.',
      encoding: 'windows-1252',
    });
    // "É©" happens to be a valid UTF-8 pair (U+0269); the other accented letters are not.
    const french = 'Élève: « É© » — déjà vu, très élégant, été, où, ça, mère, père, fête.';
    const r = decodeText(new Uint8Array([...french].map((c) => (c === '—' ? 0x97 : c.charCodeAt(0)))), 'a.txt');
    expect(r.text).toBe(french);
    expect(r.encoding).toBe('windows-1252');
    expect(r.warnings).toEqual(['not valid UTF-8, so it was decoded as Windows-1252; check accented letters']);
  });
});

describe('decodeText: characters that are not text', () => {
  it('control characters and unpaired surrogates are removed with a warning; a form feed becomes a line break', () => {
    const r = decodeText(utf8('Dale: one\u0007 two\fthree\u007f'), 'a.txt');
    expect(r.text).toBe('Dale: one two\nthree');
    expect(r.warnings).toEqual(['control characters inside the text were removed (form feeds and vertical tabs became line breaks)']);
    const s = decodeText(utf16('Dale: \ud83d😊 x\ude0a y\u0000z', 'le', true), 'a.txt');
    expect(s.text).toBe('Dale: 😊 x yz');
    expect(s.warnings).toEqual([
      'NUL characters inside the text were removed',
      'broken characters inside the text (halves of a UTF-16 surrogate pair) were removed',
    ]);
  });
});

/** A seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i));

/** Letters of each script, and whether it writes spaces between words. */
const SCRIPTS: Record<string, { letters: string[]; spaces: boolean; stop: string; comma: string }> = {
  latin: { letters: [...'abcdefghijklmnopqrstuvwxyzéèàçôüß'], spaces: true, stop: '.', comma: ',' },
  vietnamese: {
    letters: [...'aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ'],
    spaces: true,
    stop: '.',
    comma: ',',
  },
  cyrillic: { letters: range(0x430, 0x44f), spaces: true, stop: '.', comma: ',' },
  greek: { letters: [...range(0x3b1, 0x3c9), ...'άέήίόύώ'], spaces: true, stop: '.', comma: ',' },
  arabic: { letters: range(0x627, 0x64a), spaces: true, stop: '.', comma: '،' },
  hebrew: { letters: range(0x5d0, 0x5ea), spaces: true, stop: '.', comma: ',' },
  devanagari: { letters: [...range(0x915, 0x939), ...range(0x93e, 0x94c)], spaces: true, stop: '।', comma: ',' },
  thai: { letters: range(0xe01, 0xe2e), spaces: false, stop: ' ', comma: ' ' },
  georgian: { letters: range(0x10d0, 0x10f0), spaces: true, stop: '.', comma: ',' },
  chinese: { letters: range(0x4e00, 0x9fa5), spaces: false, stop: '。', comma: '，' },
  japanese: {
    letters: [...range(0x3041, 0x3093), ...range(0x30a1, 0x30f3), ...range(0x4e00, 0x4fff)],
    spaces: false,
    stop: '。',
    comma: '、',
  },
  korean: { letters: range(0xac00, 0xd7a3), spaces: true, stop: '.', comma: ',' },
};

/** `words` words of a script in speaker turns, one turn a line, with an emoji now and then. */
function generated(script: keyof typeof SCRIPTS, words: number, seed: number): string {
  const { letters, spaces, stop, comma } = SCRIPTS[script]!;
  const next = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
  const word = () => Array.from({ length: 1 + Math.floor(next() * 6) }, () => pick(letters)).join('');
  const speakers = [word(), word()];
  let out = '';
  for (let w = 0, turn = 0; w < words; turn++) {
    out += `${speakers[turn % 2]}: `;
    const length = 3 + Math.floor(next() * 25);
    for (let i = 0; i < length && w < words; i++, w++) {
      out += word();
      if (next() < 0.03) out += pick(['😊', '👍', '…']);
      out += next() < 0.1 ? comma : '';
      if (i < length - 1) out += spaces ? ' ' : next() < 0.2 ? comma : '';
    }
    out += `${stop}\n`;
  }
  return out;
}

describe('decodeText: UTF-16 without a BOM in any script', () => {
  for (const script of Object.keys(SCRIPTS)) {
    it(`${script}, little- and big-endian, long and short`, () => {
      for (const [words, seed] of [
        [3000, 1],
        [40, 2],
        [12, 3],
      ] as const) {
        const text = generated(script, words, seed);
        for (const order of ['le', 'be'] as const) {
          const r = decodeText(utf16(text, order, false), 'a.txt');
          expect(r, `${script} ${order} ${words} words`).toEqual({ text, encoding: `utf-16${order}`, warnings: [] });
        }
      }
    });
  }

  it('the same text as UTF-8 and Windows-1252 is not taken for UTF-16', () => {
    for (const script of Object.keys(SCRIPTS)) {
      const text = generated(script, 300, 4);
      expect(decodeText(utf8(text), 'a.txt').encoding).toBe('utf-8');
      const bytes = utf8(text);
      bytes[bytes.length >> 1] = 0xff; // damaged: goes past the UTF-8 fast path
      expect(decodeText(bytes, 'a.txt').encoding, script).toBe('utf-8');
    }
    const french = generated('latin', 2000, 5);
    const cp1252 = new Uint8Array([...french].map((c) => (c.charCodeAt(0) < 0x100 ? c.charCodeAt(0) : 0x3f)));
    expect(decodeText(cp1252, 'a.txt').encoding).toBe('windows-1252');
  });

  it('binary is still refused: random bytes, raw deflate, a PNG, a zip', async () => {
    const { deflateSync, zipSync } = await import('fflate');
    const next = random(6);
    const samples: [string, Uint8Array][] = [];
    for (const size of [64, 1000, 4096, 65536, 200_000])
      samples.push([`random ${size}`, new Uint8Array(size).map(() => Math.floor(next() * 256))]);
    for (const script of ['chinese', 'cyrillic', 'latin'] as const) {
      samples.push([`deflated ${script}`, deflateSync(utf8(generated(script, 3000, 7)))]);
      samples.push([`zip of ${script}`, zipSync({ 'a.txt': utf8(generated(script, 3000, 7)) })]);
    }
    const png = new Uint8Array(5000).map(() => Math.floor(next() * 256));
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    samples.push(['png', png]);
    for (const [what, bytes] of samples) {
      expect(errorOf(() => decodeText(bytes, 'x.txt')).message, what).toContain('looks like a binary file');
    }
  });
});
