// Redaction and the leak check an export runs before anything leaves the app.
import { describe, expect, it } from 'vitest';
import { redact, unredacted, type Redaction } from '../../../renderer/core/quotes';

const partner: Redaction = { find: 'Sarah', replace: "[partner's name]" };
const family: Redaction = { find: 'Smith', replace: '[family name]' };

describe('redact', () => {
  it('replaces whole words only', () => {
    expect(redact('Sarah, Sarahjane, MacSarah and (Sarah).', [partner])).toBe(
      "[partner's name], Sarahjane, MacSarah and ([partner's name]).",
    );
  });

  it('ignores case', () => {
    expect(redact('SARAH and sarah and sArAh', [partner])).toBe("[partner's name] and [partner's name] and [partner's name]");
  });

  it('finds word edges in any script, not only ASCII', () => {
    expect(redact('Zoë said, Zoëlle did', [{ find: 'Zoë', replace: '[Z]' }])).toBe('[Z] said, Zoëlle did');
    expect(redact('Ana and Anaïs', [{ find: 'Ana', replace: '[A]' }])).toBe('[A] and Anaïs');
    expect(redact('Łukasz, Łukaszek', [{ find: 'łukasz', replace: '[Ł]' }])).toBe('[Ł], Łukaszek');
  });

  it('keeps a possessive as written and drops a plain plural s', () => {
    expect(redact("Sarah's car", [partner])).toBe("[partner's name]'s car");
    expect(redact('Sarah’s car', [partner])).toBe("[partner's name]’s car");
    expect(redact('the Smiths came', [family])).toBe('the [family name] came');
    expect(redact("the Smiths' house and the Smiths’ dog", [family])).toBe("the [family name]'s house and the [family name]’s dog");
  });

  it('matches a multi-word find across any run of whitespace', () => {
    expect(redact('Sarah\n  Jones and Sarah Jones', [{ find: 'Sarah  Jones', replace: '[S J]' }])).toBe('[S J] and [S J]');
  });

  it('lets a longer find win over a shorter one it contains, whatever the list order', () => {
    const list = [partner, { find: 'Sarah Jones', replace: '[full name]' }];
    expect(redact('Sarah Jones met Sarah', list)).toBe("[full name] met [partner's name]");
    expect(redact('Sarah Jones met Sarah', [...list].reverse())).toBe("[full name] met [partner's name]");
    expect(redact("Sarah Jones's car", list)).toBe("[full name]'s car");
  });

  it('never matches a replacement again (one pass over the text)', () => {
    const list = [
      { find: 'Sarah', replace: '[Jones family]' },
      { find: 'Jones', replace: '[surname]' },
      { find: 'family', replace: '[kin]' },
    ];
    expect(redact('Sarah Jones and family', list)).toBe('[Jones family] [surname] and [kin]');
  });

  it('ignores empty and whitespace-only finds', () => {
    expect(
      redact('Nothing to hide', [
        { find: '', replace: 'X' },
        { find: ' \n', replace: 'Y' },
      ]),
    ).toBe('Nothing to hide');
    expect(redact('Sarah', [{ find: '', replace: 'X' }, partner])).toBe("[partner's name]");
  });

  it('takes a find literally: regex characters are plain text', () => {
    const list = [
      { find: 'Mr. X', replace: '[him]' },
      { find: 'C++', replace: '[lang]' },
    ];
    expect(redact('Mr. X, MrZ X, Mrs X, C++ and C+', list)).toBe('[him], MrZ X, Mrs X, [lang] and C+');
  });

  it("takes either apostrophe in a find for both, and a replacement's $ literally", () => {
    expect(redact("O’Brien and O'Brien", [{ find: "O'Brien", replace: '[$& $1]' }])).toBe('[$& $1] and [$& $1]');
  });

  it('uses the first replacement listed for a find listed twice', () => {
    expect(redact('sarah', [partner, { find: 'SARAH', replace: '[other]' }])).toBe("[partner's name]");
  });
});

describe('unredacted', () => {
  it('finds nothing after redact, except a compound that starts with a find', () => {
    const list = [partner, family];
    const text = "Sarah's car; SARAH, the Smiths' dog; Sarah\nand Sarahjane came.";
    const out = redact(text, list);
    expect(out).toBe("[partner's name]'s car; [partner's name], the [family name]'s dog; [partner's name]\nand Sarahjane came.");
    expect(unredacted(out, list)).toEqual([{ find: 'Sarah', found: 'Sarahjane', index: out.indexOf('Sarahjane') }]);
  });

  it('catches any case and any accent, composed or combining', () => {
    const text = 'SARAH, Sárah, Sa\u0301rah and sarah-jane';
    expect(unredacted(text, [partner])).toEqual([
      { find: 'Sarah', found: 'SARAH', index: 0 },
      { find: 'Sarah', found: 'Sárah', index: 7 },
      { find: 'Sarah', found: 'Sa\u0301rah', index: 14 },
      { find: 'Sarah', found: 'sarah-jane', index: 25 },
    ]);
  });

  it('reports only the start of a word', () => {
    expect(unredacted('MacSarah and 2Sarah', [partner])).toEqual([]);
  });

  it('gives UTF-16 offsets, past emoji', () => {
    const text = '😀👨‍👩‍👧 Sarahjane';
    expect(unredacted(text, [partner])).toEqual([{ find: 'Sarah', found: 'Sarahjane', index: text.indexOf('S') }]);
  });

  it('ignores words inside the replacement strings', () => {
    const list = [{ find: 'Sarah', replace: "[Sarah's partner]" }];
    const out = redact('Sarah came', list);
    expect(out).toBe("[Sarah's partner] came");
    expect(unredacted(out, list)).toEqual([]);
    expect(unredacted(`${out}, Sarah too`, list)).toEqual([{ find: 'Sarah', found: 'Sarah', index: out.length + 2 }]);
  });

  it('finds a multi-word find across whitespace, and whole possessives', () => {
    const text = "Sarah\n Jones's car";
    expect(unredacted(text, [{ find: 'Sarah Jones', replace: '[X]' }])).toEqual([
      { find: 'Sarah Jones', found: "Sarah\n Jones's", index: 0 },
    ]);
  });

  it('matches apostrophes of either kind', () => {
    expect(unredacted('O’brien-Smyth', [{ find: "O'Brien", replace: '[X]' }])).toEqual([
      { find: "O'Brien", found: 'O’brien-Smyth', index: 0 },
    ]);
  });

  it('reports every find that leaks, in text order, and ignores empty finds', () => {
    const list = [{ find: ' ', replace: 'X' }, family, partner];
    expect(unredacted('Smithson met Sarahjane', list)).toEqual([
      { find: 'Smith', found: 'Smithson', index: 0 },
      { find: 'Sarah', found: 'Sarahjane', index: 13 },
    ]);
  });
});
