import { describe, expect, it } from 'vitest';
import type { Participant, ProjectSnapshot, RoleDef, Source } from '../../../renderer/core/shared/model';
import { defaultRole, interviewedByRole, roleCountsText } from '../../../renderer/core/waves/waveRoles';

const person = (id: string, role: string, site = 'A', extra: Partial<Participant> = {}): Participant => ({
  id,
  pseudonym: id,
  role,
  site,
  group: 'programme',
  attributes: {},
  links: [],
  ...extra,
});
const origin = { fileName: 'f.txt', format: 'txt', sha256: '', importedAt: 0 };
const source = (id: string, participantId: string | null, wave: string | null, extra: Partial<Source> = {}): Source => ({
  id,
  participantId,
  wave,
  title: id,
  text: 'Some words.',
  turns: [],
  origin,
  ...extra,
});

const ORDER: RoleDef[] = [
  { id: 'child', label: 'Child' },
  { id: 'woman', label: 'Woman (ex-)partner' },
  { id: 'man', label: 'Man on programme' },
  { id: 'staff', label: 'Staff' },
  { id: 'stakeholder', label: 'Stakeholder' }, // nobody: never listed
];

// child: Time 1 only. woman w1: her Time 2 transcript is deleted; w2 is deleted herself.
// man m1: both waves; m2: Time 2 only, at site B. staff: both waves. volunteer: a role the
// order does not define, both waves. A source without a wave, or of a wave the project does
// not have, counts nowhere.
const project: ProjectSnapshot = {
  waves: [
    { id: 'T2', label: 'Time 2', order: 1 },
    { id: 'T1', label: 'Time 1', order: 0 },
  ],
  participants: [
    person('c1', 'child'),
    person('w1', 'woman'),
    person('w2', 'woman', 'A', { deletedAt: 2 }),
    person('m1', 'man'),
    person('m2', 'man', 'B'),
    person('s1', 'staff'),
    person('v1', 'volunteer'),
  ],
  sources: [
    source('a', 'c1', 'T1'),
    source('a2', 'c1', null),
    source('a3', 'c1', 'T9'),
    source('b', 'w1', 'T1'),
    source('b2', 'w1', 'T2', { deletedAt: 3 }),
    source('c', 'w2', 'T1'),
    source('c2', 'w2', 'T2'),
    source('d', 'm1', 'T1'),
    source('d2', 'm1', 'T2'),
    source('e2', 'm2', 'T2'),
    source('f', 's1', 'T1'),
    source('f2', 's1', 'T2'),
    source('g', 'v1', 'T1'),
    source('g2', 'v1', 'T2'),
  ],
  codes: [],
  codings: [],
  coders: [],
};

describe('defaultRole', () => {
  it('is the first role, in the order given, with someone interviewed at both waves of the pair', () => {
    expect(defaultRole(project, ['T1', 'T2'], ORDER)).toBe('man');
    expect(defaultRole(project, ['T2', 'T1'], ORDER)).toBe('man');
    expect(defaultRole(project, ['T1', 'T2'], [...ORDER].reverse())).toBe('staff');
  });
  it('is null when no defined role has anyone at both waves', () => {
    expect(defaultRole(project, ['T1', 'T9'], ORDER)).toBeNull();
    expect(
      defaultRole(
        project,
        ['T1', 'T2'],
        ORDER.filter((r) => r.id === 'child' || r.id === 'woman'),
      ),
    ).toBeNull();
    expect(defaultRole({ ...project, sources: [] }, ['T1', 'T2'], ORDER)).toBeNull();
  });
});

describe('interviewedByRole', () => {
  it('counts the interviewed per role and wave, and at both waves of the pair, roles in the order given', () => {
    expect(interviewedByRole(project, {}, ORDER)).toEqual([
      { roleId: 'child', byWave: { T1: 1, T2: 0 }, both: 0 },
      { roleId: 'woman', byWave: { T1: 1, T2: 0 }, both: 0 },
      { roleId: 'man', byWave: { T1: 1, T2: 2 }, both: 1 },
      { roleId: 'staff', byWave: { T1: 1, T2: 1 }, both: 1 },
      { roleId: 'volunteer', byWave: { T1: 1, T2: 1 }, both: 1 }, // undefined roles come last
    ]);
  });
  it('follows the role, site and group filters and the pair', () => {
    expect(interviewedByRole(project, { roles: ['man', 'staff'] }, ORDER).map((r) => r.roleId)).toEqual(['man', 'staff']);
    expect(interviewedByRole(project, { roles: ['man'], sites: ['B'] }, ORDER)).toEqual([
      { roleId: 'man', byWave: { T1: 0, T2: 1 }, both: 0 },
    ]);
    expect(interviewedByRole(project, { groups: ['comparison'] }, ORDER)).toEqual([]);
    expect(interviewedByRole(project, { roles: ['man'], pair: ['T2', 'T2'] }, ORDER)).toEqual([
      { roleId: 'man', byWave: { T1: 1, T2: 2 }, both: 2 },
    ]);
  });
});

describe('roleCountsText', () => {
  const label = (id: string) => ({ T1: 'Time 1', T2: 'Time 2' })[id] ?? id;
  it('gives n per role, and says so when the counts mix roles', () => {
    const men = interviewedByRole(project, { roles: ['man'] }, ORDER);
    expect(roleCountsText(men, ['T1', 'T2'], ORDER, label)).toBe('Interviewed: Man on programme: 1 at Time 1, 2 at Time 2, 1 at both.');
    const two = interviewedByRole(project, { roles: ['man', 'volunteer'] }, ORDER);
    expect(roleCountsText(two, ['T1', 'T2'], ORDER, label)).toBe(
      'These counts mix roles. Interviewed: Man on programme: 1 at Time 1, 2 at Time 2, 1 at both; volunteer: 1 at Time 1, 1 at Time 2, 1 at both.',
    );
    expect(roleCountsText([], ['T1', 'T2'], ORDER, label)).toBe('Nobody in these filters was interviewed.');
  });
});
