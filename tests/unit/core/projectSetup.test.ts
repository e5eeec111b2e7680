import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_ROLES, DEFAULT_WAVES, type Participant } from '../../../renderer/core/shared/model';
import {
  coerceAttribute,
  findParticipant,
  newParticipant,
  validateParticipant,
  validateRoles,
  validateWaves,
} from '../../../renderer/core/project/setup';
import { countWords, naturalCompare } from '../../../renderer/core/shared/names';
import { ValidationError } from '../../../renderer/core/shared/errors';

const roles = [...DEFAULT_ROLES];

describe('validateWaves', () => {
  it('keeps order and trims', () => {
    const waves = validateWaves([
      { id: ' T1 ', label: 'Time 1 ', order: 5 },
      { id: 'T2', label: 'Time 2', order: 0 },
      { id: 'T3', label: 'Follow-up', order: 9 },
    ]);
    expect(waves).toEqual([
      { id: 'T1', label: 'Time 1', order: 0 },
      { id: 'T2', label: 'Time 2', order: 1 },
      { id: 'T3', label: 'Follow-up', order: 2 },
    ]);
  });
  it('refuses empty lists, bad or duplicate ids and labels', () => {
    expect(() => validateWaves([])).toThrow(/at least one wave/);
    expect(() => validateWaves([{ id: 'T 1', label: 'x', order: 0 }])).toThrow(/letters, digits/);
    expect(() => validateWaves([{ id: 'T1', label: ' ', order: 0 }])).toThrow(/needs a label/);
    expect(() => validateWaves([...DEFAULT_WAVES, { id: 't1', label: 'Other', order: 2 }])).toThrow(/share the id/);
    expect(() => validateWaves([...DEFAULT_WAVES, { id: 'T3', label: 'time 2', order: 2 }])).toThrow(/share the label/);
  });
  it('keeps a wave that still holds transcripts', () => {
    const sources = [
      { wave: 'T2', deletedAt: null },
      { wave: 'T2', deletedAt: 5 },
    ];
    expect(() => validateWaves([DEFAULT_WAVES[0]!], sources)).toThrow(/T2 still holds 1 transcript/);
    expect(() => validateWaves([DEFAULT_WAVES[0]!], [{ wave: 'T2', deletedAt: 5 }])).not.toThrow();
  });
});

describe('validateRoles', () => {
  it('derives ids for new roles and refuses a role still in use', () => {
    expect(validateRoles([...roles, { id: '', label: 'Grand Parent' }]).at(-1)).toEqual({ id: 'grand-parent', label: 'Grand Parent' });
    const p: Participant = { ...newParticipant('a', 'Dale', 'man') };
    expect(() =>
      validateRoles(
        roles.filter((r) => r.id !== 'man'),
        [p],
      ),
    ).toThrow(/still used by Dale/);
    expect(() =>
      validateRoles([
        { id: 'x', label: 'A' },
        { id: 'x', label: 'B' },
      ]),
    ).toThrow(ValidationError);
  });
});

describe('participants', () => {
  const dale = newParticipant('1', 'Dale', 'man');
  const zoe = newParticipant('2', 'Zoë', 'woman');
  it('finds by pseudonym without case or accents', () => {
    expect(findParticipant([dale, zoe], ' dale ')).toBe(dale);
    expect(findParticipant([dale, zoe], 'ZOE')).toBe(zoe);
    expect(findParticipant([dale, { ...zoe, deletedAt: 1 }], 'zoe')).toBeUndefined();
    expect(findParticipant([dale], '')).toBeUndefined();
  });
  it('validates pseudonym, role, attributes and links', () => {
    const defs = [{ name: 'age', type: 'number' as const }];
    const ok = validateParticipant(
      {
        ...dale,
        attributes: { age: '42' },
        links: [
          { type: 'partner of', participantId: '2' },
          { type: 'x', participantId: 'gone' },
        ],
      },
      [dale, zoe],
      roles,
      defs,
    );
    expect(ok.attributes).toEqual({ age: 42 });
    expect(ok.links).toEqual([{ type: 'partner of', participantId: '2' }]);
    expect(() => validateParticipant({ ...dale, pseudonym: ' ' }, [dale], roles, [])).toThrow(/needs a pseudonym/);
    expect(() => validateParticipant({ ...dale, pseudonym: 'zoe' }, [dale, zoe], roles, [])).toThrow(/already called "Zoë"/);
    expect(() => validateParticipant({ ...dale, role: 'wizard' }, [dale], roles, [])).toThrow(/Unknown role "wizard"/);
    expect(() => validateParticipant({ ...dale, attributes: { age: 'old' } }, [dale], roles, defs)).toThrow(
      /"old" is not a number \(attribute age for Dale\)/,
    );
  });
  it('keeps values of attributes that are no longer in the sheet', () => {
    const kept = validateParticipant({ ...dale, attributes: { age: 40, removed: 'x' } }, [dale], roles, []);
    expect(kept.attributes).toEqual({ age: 40, removed: 'x' });
  });
  it('coerces attribute values by type', () => {
    expect(coerceAttribute({ name: 'b', type: 'boolean' }, 'Yes')).toBe(true);
    expect(coerceAttribute({ name: 'b', type: 'boolean' }, 'n')).toBe(false);
    expect(() => coerceAttribute({ name: 'b', type: 'boolean' }, 'maybe')).toThrow(/yes\/no/);
    expect(coerceAttribute({ name: 'n', type: 'number' }, '3,5')).toBe(3.5);
    expect(coerceAttribute({ name: 'd', type: 'date' }, '2024-02-29')).toBe('2024-02-29');
    expect(() => coerceAttribute({ name: 'd', type: 'date' }, '29/02/2024')).toThrow(/YYYY-MM-DD/);
    // Not on the calendar (Date.parse would roll these over into the next month).
    for (const day of ['2025-02-29', '2025-02-30', '2024-04-31', '2024-13-01']) {
      expect(() => coerceAttribute({ name: 'd', type: 'date' }, day)).toThrow(/YYYY-MM-DD/);
    }
    expect(coerceAttribute({ name: 't', type: 'text' }, '')).toBeNull();
  });
  it('counts words across scripts and apostrophes', () => {
    expect(countWords("I don’t know… it's fine — 12 times, Zoë")).toBe(8);
    expect(countWords('   ')).toBe(0);
  });
});

describe('uniqueName', () => {
  it('numbers a name until it is free, without case', async () => {
    const { uniqueName } = await import('../../../renderer/core/shared/names');
    expect(uniqueName('Pilot', [])).toBe('Pilot');
    expect(uniqueName('Pilot', ['pilot', 'Pilot (2)'])).toBe('Pilot (3)');
    expect(uniqueName('New code', ['New code'], (b, n) => `${b} ${n}`)).toBe('New code 2');
  });
});

describe('naturalCompare', () => {
  it('orders names as localeCompare with numbers by value does, P2 before P10', () => {
    expect(['P10', 'p2', 'P1', 'Dale_T2', 'dale_T1'].sort(naturalCompare)).toEqual(['dale_T1', 'Dale_T2', 'P1', 'p2', 'P10']);
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[A-Za-zé _]{0,3}[0-9]{0,3}[A-Za-z ]{0,2}$/), { maxLength: 30 }), (names) => {
        const expected = [...names].sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
        expect([...names].sort(naturalCompare)).toEqual(expected);
      }),
    );
  });
});
