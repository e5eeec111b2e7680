// Sets of transcripts: made, renamed, filled and removed as lists; names unique, ignoring case.
import { describe, expect, it } from 'vitest';
import {
  addSet,
  describeSets,
  inSet,
  removeSet,
  renameSet,
  setCodeMembership,
  setsOfCode,
  setSourceMembership,
  withinSets,
} from '../../../renderer/core/project';
import { ValidationError } from '../../../renderer/core/shared';

describe('sets', () => {
  const one = addSet([], '  Site A ', 's1');

  it('are made with a trimmed name, empty, and refuse an empty or repeated name', () => {
    expect(one).toEqual([{ id: 's1', name: 'Site A', description: '', sourceIds: [], codeIds: [] }]);
    expect(() => addSet(one, '  ', 's2')).toThrow(ValidationError);
    expect(() => addSet(one, 'site a', 's2')).toThrow('There is already a set called "site a".');
  });

  it('take transcripts in and out once each, and filter by them', () => {
    let sets = setSourceMembership(one, 's1', 't1', true);
    sets = setSourceMembership(sets, 's1', 't1', true);
    sets = setSourceMembership(sets, 's1', 't2', true);
    expect(sets[0]!.sourceIds).toEqual(['t1', 't2']);
    sets = setSourceMembership(sets, 's1', 't1', false);
    expect(sets[0]!.sourceIds).toEqual(['t2']);
    expect(['t1', 't2', 't3'].filter(inSet(sets, 's1'))).toEqual(['t2']);
    expect(['t1', 't2'].filter(inSet(sets, null))).toEqual(['t1', 't2']);
    expect(one[0]!.sourceIds).toEqual([]); // the list given is never changed
  });

  it('take codes in and out once each, apart from their transcripts, and say which sets hold a code', () => {
    let sets = addSet(setSourceMembership(one, 's1', 't1', true), 'Measures', 's2');
    sets = setCodeMembership(sets, 's1', 'c1', true);
    sets = setCodeMembership(sets, 's1', 'c1', true);
    sets = setCodeMembership(sets, 's2', 'c1', true);
    sets = setCodeMembership(sets, 's2', 'c2', true);
    expect(sets.map((s) => [s.sourceIds, s.codeIds])).toEqual([
      [['t1'], ['c1']],
      [[], ['c1', 'c2']],
    ]);
    expect(setsOfCode(sets, 'c1').map((s) => s.name)).toEqual(['Site A', 'Measures']);
    sets = setCodeMembership(sets, 's2', 'c1', false);
    expect(setsOfCode(sets, 'c1').map((s) => s.name)).toEqual(['Site A']);
    expect(setsOfCode(sets, 'c3')).toEqual([]);
    expect(() => setCodeMembership(sets, 'gone', 'c1', true)).toThrow('That set no longer exists.');
  });

  it('are renamed (not onto another set’s name) and removed; a set that is gone is refused', () => {
    const two = addSet(one, 'Cohort 2', 's2');
    expect(renameSet(two, 's1', 'Site B').map((s) => s.name)).toEqual(['Site B', 'Cohort 2']);
    expect(renameSet(two, 's1', 'site a').map((s) => s.name)).toEqual(['site a', 'Cohort 2']);
    expect(() => renameSet(two, 's1', 'cohort 2')).toThrow(/already a set/);
    expect(removeSet(two, 's1').map((s) => s.id)).toEqual(['s2']);
    expect(() => removeSet(two, 'gone')).toThrow('That set no longer exists.');
  });
});

describe('a set filter', () => {
  it('narrows a project to the transcripts of any chosen set, and says so', () => {
    const sets = [
      { id: 'a', name: 'Site A', description: '', sourceIds: ['t1'], codeIds: [] },
      { id: 'b', name: 'Read twice', description: '', sourceIds: ['t1', 't3'], codeIds: [] },
    ];
    const source = (id: string) => ({
      id,
      participantId: null,
      wave: null,
      title: id,
      text: '',
      turns: [],
      origin: { fileName: id, format: 'txt', sha256: '', importedAt: 0 },
    });
    const project = { waves: [], participants: [], sources: ['t1', 't2', 't3'].map(source), codes: [], codings: [], coders: [], sets };
    expect(withinSets(project, [])).toBe(project);
    expect(withinSets(project, ['a']).sources.map((s) => s.id)).toEqual(['t1']);
    expect(withinSets(project, ['a', 'b']).sources.map((s) => s.id)).toEqual(['t1', 't3']);
    expect(withinSets(project, ['gone']).sources).toEqual([]);
    expect(describeSets(project, ['a', 'b'])).toBe('in Site A or Read twice');
    expect(describeSets(project, [])).toBe('');
  });
});
