import { describe, expect, it } from 'vitest';
import { DEFAULT_ROLES, DEFAULT_WAVES } from '../../../renderer/core/shared';
import { describeFilters, waveOptions, type CompareFilters } from '../../../renderer/core/waves';

const filters: CompareFilters = {
  roles: [],
  sites: [],
  groups: [],
  coderId: '',
  includeChildren: true,
  ignoreInterviewer: false,
  pair: ['T1', 'T2'],
};
const setup = { waves: [...DEFAULT_WAVES], roles: [...DEFAULT_ROLES] };

describe('the Time 1 / Time 2 filters', () => {
  it('ask for every coder, or the one chosen', () => {
    expect(waveOptions(filters, false, 'me')).not.toHaveProperty('coderIds');
    expect(waveOptions({ ...filters, coderId: 'ben' }, false, 'me').coderIds).toEqual(['ben']);
  });

  it('in blind mode count only this computer’s coder, whatever the filter says, and nobody before one is chosen', () => {
    expect(waveOptions({ ...filters, coderId: 'ben' }, true, 'me').coderIds).toEqual(['me']);
    expect(waveOptions(filters, true, null).coderIds).toEqual(['']);
  });

  it('pass roles, sites, groups, sub-codes, interviewer turns and the pair through unchanged', () => {
    const f: CompareFilters = {
      ...filters,
      roles: ['man'],
      sites: ['North'],
      groups: ['programme'],
      includeChildren: false,
      ignoreInterviewer: true,
      pair: ['T2', 'T1'],
    };
    expect(waveOptions(f, false, null)).toEqual({
      roles: ['man'],
      sites: ['North'],
      groups: ['programme'],
      includeChildren: false,
      ignoreInterviewer: true,
      pair: ['T2', 'T1'],
    });
  });

  it('read in words, as the first line of an export', () => {
    expect(describeFilters(filters, setup, (id) => id, false)).toBe(
      'Waves compared: Time 1 → Time 2; Roles: all; Sites: all; Groups: all; Coder: all coders; Sub-codes: counted with their parents; Interviewer turns: counted',
    );
    const man = DEFAULT_ROLES[0]!;
    const text = describeFilters(
      {
        ...filters,
        roles: [man.id],
        sites: ['North', 'South'],
        groups: ['programme'],
        coderId: 'b',
        includeChildren: false,
        ignoreInterviewer: true,
      },
      setup,
      (id) => (id === 'b' ? 'Ben' : id),
      false,
    );
    expect(text).toBe(
      `Waves compared: Time 1 → Time 2; Roles: ${man.label}; Sites: North, South; Groups: Programme; Coder: Ben; Sub-codes: counted apart; Interviewer turns: ignored`,
    );
    expect(describeFilters({ ...filters, coderId: 'b' }, setup, () => 'Ben', true)).toContain('Coder: only mine (blind)');
    // An id the project no longer knows is shown as it is rather than dropped.
    expect(describeFilters({ ...filters, roles: ['gone'], pair: ['T1', 'X'] }, setup, (id) => id, false)).toMatch(
      /^Waves compared: Time 1 → X; Roles: gone;/,
    );
  });

  it('name the sets chosen (an unknown id as it is), and say nothing of sets when none is', () => {
    const sets = [{ id: 's1', name: 'Read twice', description: '', sourceIds: [], codeIds: [] }];
    expect(describeFilters({ ...filters, sets: ['s1', 'gone'] }, { ...setup, sets }, (id) => id, false)).toContain(
      'Groups: all; Sets: Read twice, gone; Coder',
    );
    expect(describeFilters({ ...filters, sets: [] }, { ...setup, sets }, (id) => id, false)).not.toContain('Sets');
  });
});
