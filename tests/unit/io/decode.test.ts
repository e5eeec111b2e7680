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
    // The same bytes through the import path: not UTF-8, so they fall back to Windows-1252.
    const r = decodeText(new Uint8Array([0x61, ...WINDOWS_1252_HIGH.map(([byte]) => byte), 0x7a]), 'a.txt');
    expect(r.encoding).toBe('windows-1252');
    expect(r.text).toBe(`a${all}z`);
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
