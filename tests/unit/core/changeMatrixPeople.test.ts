// Who the change matrix lists and exports: one rule for roles, sites and groups (empty: everyone),
// the same on screen and in the export; the measures it offers as columns.
import { describe, expect, it } from 'vitest';
import { DEFAULT_ROLES, type Code, type Participant, type ProjectSnapshot, type Source } from '../../../renderer/core/shared';
import { changeMatrixRows, matrixRows, measureCodes } from '../../../renderer/core/waves';

const person = (id: string, role: string, site: string, group: Participant['group']): Participant => ({
  id,
  pseudonym: id,
  role,
  site,
  group,
  attributes: {},
  links: [],
});
const source = (participantId: string): Source => ({
  id: `s-${participantId}`,
  participantId,
  wave: 'T1',
  title: participantId,
  text: 'x',
  turns: [],
  origin: { fileName: '', format: 'txt', sha256: '', importedAt: 0 },
  deletedAt: null,
});
const code = (id: string, parentId: string | null, order: number, extra: Partial<Code> = {}): Code => ({
  id,
  parentId,
  name: id,
  description: '',
  inclusion: '',
  exclusion: '',
  examples: '',
  colour: '#97d3fd',
  order,
  deletedAt: null,
  ...extra,
});
const people = [
  person('Dale', 'man', 'North', 'programme'),
  person('Leanne', 'woman', 'North', 'programme'),
  person('Sam', 'man', 'South', 'comparison'),
];
const project = {
  waves: [
    { id: 'T1', label: 'Time 1' },
    { id: 'T2', label: 'Time 2' },
  ],
  participants: people,
  sources: people.map((p) => source(p.id)),
  codes: [code('m2', null, 1), code('m1', null, 0), code('i1', 'm1', 0), code('gone', null, 2, { deletedAt: 5 })],
  codings: [],
  coders: [],
} as unknown as ProjectSnapshot;
const names = (filter: Parameters<typeof matrixRows>[1]) =>
  matrixRows(project, filter).flatMap((g) => g.participants.map((p) => p.pseudonym));

describe('the change matrix’s people', () => {
  it('lists everyone when no role, site or group is ticked (empty means no restriction, as everywhere in core)', () => {
    expect(names({ roleOrder: DEFAULT_ROLES })).toEqual(['Dale', 'Sam', 'Leanne']);
    expect(names({ roles: [], sites: [], groups: [], roleOrder: DEFAULT_ROLES })).toEqual(['Dale', 'Sam', 'Leanne']);
  });

  it('keeps those matching every ticked list', () => {
    expect(names({ roles: ['man'], roleOrder: DEFAULT_ROLES })).toEqual(['Dale', 'Sam']);
    expect(names({ sites: ['North'], roleOrder: DEFAULT_ROLES })).toEqual(['Dale', 'Leanne']);
    expect(names({ roles: ['man'], groups: ['programme'], roleOrder: DEFAULT_ROLES })).toEqual(['Dale']);
  });

  it('exports the same people the screen shows', () => {
    const rows = changeMatrixRows(project, [], ['m1'], ['T1', 'T2'], DEFAULT_ROLES, { sites: ['South'] });
    expect(rows.slice(1).map((r) => r[0])).toEqual(['Sam']);
  });

  it('offers the live top-level codes, in codebook order, as measures', () => {
    expect(measureCodes(project.codes).map((c) => c.id)).toEqual(['m1', 'm2']);
  });
});
