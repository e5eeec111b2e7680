// Timestamps in transcript text: every form the tools and transcribers write, and the clock times
// of prose that are not timestamps.
import { describe, expect, it } from 'vitest';
import { clockSeconds, formatTime, parseTimestamps, timestampSpans } from '../../../renderer/core/media';

/** [the timestamp as written, its seconds] for each one found. */
function found(text: string): [string, number][] {
  return timestampSpans(text).map((s) => [text.slice(s.offset, s.end), s.seconds]);
}

describe('parseTimestamps: the forms tools and transcribers write', () => {
  it.each([
    ['[00:12:34] Kieran: we went home.', '[00:12:34]', 754],
    ['[12:34] Kieran: we went home.', '[12:34]', 754],
    ['Kieran (12:34): we went home.', '(12:34)', 754],
    ['(00:12:34.5) Kieran: we went home.', '(00:12:34.5)', 754.5],
    ['[00:12:34.567] we went home.', '[00:12:34.567]', 754.567],
    ['[00:12:34,500] we went home.', '[00:12:34,500]', 754.5],
    ['[1:02:03] Interviewer: and then?', '[1:02:03]', 3723],
    ['00:12:34.5 Speaker 1: we went home.', '00:12:34.5', 754.5],
    ['00:12:34 Speaker 1: we went home.', '00:12:34', 754],
    ['00:12:34,500 Speaker 1: we went home.', '00:12:34,500', 754.5],
    ['00:12:34 we went home.', '00:12:34', 754],
    ['12:34 Kieran: we went home.', '12:34', 754],
    ['12:34 - Kieran: we went home.', '12:34', 754],
    ['0:03', '0:03', 3],
    ['Kieran  0:03', '0:03', 3],
    ['Kieran Smith   12:03  ', '12:03', 723],
    ['Speaker 1\t1:02:03', '1:02:03', 3723],
    ['Interviewer 00:01:02', '00:01:02', 62],
    ['[00:00:01.000 --> 00:00:04.000]   We went home.', '[00:00:01.000 --> 00:00:04.000]', 1],
    ['[00:01 - 00:05] we went home.', '[00:01 - 00:05]', 1],
    ['  [00:00:07]   indented', '[00:00:07]', 7],
  ])('%j', (text, written, seconds) => {
    expect(found(text)).toEqual([[written, seconds]]);
  });

  it('gives UTF-16 offsets of the first character, in order, anywhere bracketed', () => {
    const text = '😊 [00:01] Kieran: he said (00:02:03) and [12:34].\nKieran  0:07\n00:00:09 Interviewer: ok';
    expect(parseTimestamps(text)).toEqual([
      { offset: 3, seconds: 1 },
      { offset: text.indexOf('(00:02:03)'), seconds: 123 },
      { offset: text.indexOf('[12:34]'), seconds: 754 },
      { offset: text.indexOf('0:07'), seconds: 7 },
      { offset: text.indexOf('00:00:09'), seconds: 9 },
    ]);
    expect(parseTimestamps(text)[0]!.offset).toBe(3); // the emoji is two code units
  });
});

describe('parseTimestamps: clock times of prose are not timestamps', () => {
  it.each([
    'we met at 10:30 on Friday',
    'a 3:1 ratio of men to women',
    'as John 3:16 says',
    'John 3:16',
    '10:30 on Friday we met.',
    '10:30, then lunch',
    'at 10:30:00 the bus came',
    'The bus comes at  10:30',
    'kieran  0:03',
    '[75:00] is not a time',
    '[12:60] nor this',
    '[00:61:00] nor this',
    '[00:12:34 --> 00:99:00] nor a range with a bad end',
    '12:34:56:78 is a code',
    '12:34.5678 has too many decimals',
    '(see 3:16)',
    '[ 12:34 ] spaced brackets',
    '[12:34) mismatched brackets',
    `${'x'.repeat(80)} Kieran  0:03`,
  ])('%j', (text) => {
    expect(parseTimestamps(text)).toEqual([]);
  });

  it('a bracket that is not a time does not hide one inside it', () => {
    expect(found('[[00:01]] and ([99:00] (00:02))')).toEqual([
      ['[00:01]', 1],
      ['(00:02)', 2],
    ]);
  });
});

describe('parseTimestamps on large texts (linear scan: checked by correctness at a few MB)', () => {
  it('finds every timestamp in 3 MB of repeated transcript lines', () => {
    const blocks: string[] = [];
    const n = 20_000;
    for (let i = 0; i < n; i++) {
      const h = String(Math.floor(i / 3600)).padStart(2, '0');
      const m = String(Math.floor(i / 60) % 60).padStart(2, '0');
      const s = String(i % 60).padStart(2, '0');
      const otter = i >= 3600 ? `${Math.floor(i / 3600)}:${m}:${s}` : `${Math.floor(i / 60)}:${s}`; // as Otter writes it
      blocks.push(
        `[${h}:${m}:${s}] Kieran: we met at 10:30 on Friday, a 3:1 ratio, said John 3:16.\n` +
          `Interviewer  ${otter}\n` +
          'A line of prose without any clock in it at all, long enough to matter for the test.\n',
      );
    }
    const text = blocks.join('');
    expect(text.length).toBeGreaterThan(3_000_000);
    const stamps = parseTimestamps(text);
    expect(stamps.length).toBe(2 * n);
    expect(stamps.slice(0, 2)).toEqual([
      { offset: 0, seconds: 0 },
      { offset: blocks[0]!.indexOf('Interviewer  0:00') + 13, seconds: 0 },
    ]);
    const lastBlock = text.length - blocks[n - 1]!.length;
    expect(stamps[2 * n - 1]).toEqual({ offset: lastBlock + blocks[n - 1]!.indexOf('Interviewer  5:33:19') + 13, seconds: n - 1 });
    expect(stamps.every((s, i) => s.seconds === Math.floor(i / 2))).toBe(true);
  });

  it('stays linear on hostile text: unclosed brackets, one 2 MB line, no colon at all', () => {
    expect(parseTimestamps('[00:00:0'.repeat(250_000))).toEqual([]);
    expect(parseTimestamps('(1:2'.repeat(500_000))).toEqual([]);
    expect(parseTimestamps('12:34 '.repeat(350_000)).length).toBe(0);
    expect(parseTimestamps('no clock here\n'.repeat(150_000))).toEqual([]);
    expect(parseTimestamps(`${'a\n'.repeat(1_000_000)}0:01`)).toEqual([{ offset: 2_000_000, seconds: 1 }]);
  });
});

describe('clockSeconds and formatTime', () => {
  it('clockSeconds reads one whole clock reading, minutes and seconds under 60', () => {
    expect(clockSeconds('0:03')).toBe(3);
    expect(clockSeconds(' 12:34 ')).toBe(754);
    expect(clockSeconds('1:02:03')).toBe(3723);
    expect(clockSeconds('00:12:34,5')).toBe(754.5);
    expect(clockSeconds('99:59:59.999')).toBe(359999.999);
    for (const bad of ['60:00', '12:60', '1:60:00', '1:00:60', '123:00:00', '12', '12:3', 'a12:34', '12:34x', '']) {
      expect(clockSeconds(bad), bad).toBeNull();
    }
  });

  it('formatTime: m:ss under an hour, h:mm:ss from an hour on', () => {
    expect(formatTime(0)).toBe('0:00');
    expect(formatTime(3)).toBe('0:03');
    expect(formatTime(123.9)).toBe('2:03');
    expect(formatTime(754)).toBe('12:34');
    expect(formatTime(3599.99)).toBe('59:59');
    expect(formatTime(3600)).toBe('1:00:00');
    expect(formatTime(3723.5)).toBe('1:02:03');
    expect(formatTime(36000)).toBe('10:00:00');
    expect(formatTime(59.99999999)).toBe('1:00'); // an interpolation's 60, not 0:59
    expect(formatTime(-4)).toBe('0:00');
    expect(formatTime(Number.NaN)).toBe('0:00');
  });
});
