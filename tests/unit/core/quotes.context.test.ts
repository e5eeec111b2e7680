// quoteContext: the words around a passage, as exact slices of its transcript.
import { describe, expect, it } from 'vitest';
import type { ProjectSnapshot } from '../../../renderer/core/shared/model';
import { quoteContext } from '../../../renderer/core/quotes';
import { IDS, smallProject } from '../../fixtures/snapshots';

const TEXT = 'one two three four five six seven eight nine ten';
const withText = (text: string): ProjectSnapshot => {
  const p = smallProject();
  p.sources[0] = { ...p.sources[0]!, text };
  return p;
};
const around = (text: string, passage: string, words?: number, from = 0) => {
  const start = text.indexOf(passage, from);
  return quoteContext(withText(text), { sourceId: IDS.t1, start, end: start + passage.length }, words);
};

describe('quoteContext', () => {
  it('gives whole words each side, exact slices that adjoin the passage', () => {
    expect(around(TEXT, 'five six', 2)).toEqual({ before: 'three four ', after: ' seven eight' });
  });

  it('takes 30 words each side by default, stopping at the ends of the text', () => {
    const long = Array.from({ length: 80 }, (_, i) => `w${i}`).join(' ');
    const { before, after } = around(long, 'w40');
    expect(before).toBe(`${Array.from({ length: 30 }, (_, i) => `w${i + 10}`).join(' ')} `);
    expect(after).toBe(` ${Array.from({ length: 30 }, (_, i) => `w${i + 41}`).join(' ')}`);
    expect(around(TEXT, 'one')).toEqual({ before: '', after: ' two three four five six seven eight nine ten' });
  });

  it('counts the part of a word the passage cuts as a word on its side', () => {
    expect(around(TEXT, 'ive si', 2)).toEqual({ before: 'four f', after: 'x seven' });
  });

  it('keeps line breaks and speaker labels as written, and may start or end mid-turn', () => {
    const p = smallProject();
    const text = p.sources[0]!.text;
    const start = text.indexOf('Now I listen');
    expect(quoteContext(p, { sourceId: IDS.t1, start, end: start + 'Now I listen first.'.length }, 3)).toEqual({
      before: 'to shout. 😀 ',
      after: '\nInterviewer: And her',
    });
  });

  it('never cuts an emoji or other surrogate pair', () => {
    const text = 'a 👨‍👩‍👧 b🇬🇧 MIDDLE 😀c 𝄞';
    expect(around(text, 'MIDDLE', 2)).toEqual({ before: '👨‍👩‍👧 b🇬🇧 ', after: ' 😀c 𝄞' });
  });

  it('gives nothing for no words, or for a transcript that is gone', () => {
    expect(around(TEXT, 'five', 0)).toEqual({ before: '', after: '' });
    expect(quoteContext(smallProject(), { sourceId: 'missing', start: 0, end: 3 })).toEqual({ before: '', after: '' });
  });

  it('makes before + passage + after one stretch of the text, for any passage', () => {
    const text = 'Interviewer: Why?\nDale:  Because,\tfrankly — I’m tired.  \n\nInterviewer: OK.';
    const p = withText(text);
    for (let start = 0; start < text.length; start += 1) {
      for (let end = start + 1; end <= text.length; end += 3) {
        const { before, after } = quoteContext(p, { sourceId: IDS.t1, start, end }, 2);
        expect(text.slice(start - before.length, end + after.length)).toBe(before + text.slice(start, end) + after);
        expect(before).toBe(text.slice(start - before.length, start));
        expect(before).not.toMatch(/^\s/);
        expect(after).not.toMatch(/\s$/);
        expect(before.split(/\s+/).filter(Boolean).length).toBeLessThanOrEqual(2);
      }
    }
  });
});
