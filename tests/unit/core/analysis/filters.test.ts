import { describe, expect, it } from 'vitest';
import { analysisOptions, describeAnalysisFilters, NO_ANALYSIS_FILTERS } from '../../../../renderer/core/analysis';

const setup = {
  waves: [
    { id: 'T1', label: 'Time 1', order: 1 },
    { id: 'T2', label: 'Time 2', order: 2 },
  ],
  roles: [
    { id: 'man', label: 'Man' },
    { id: 'woman', label: 'Woman' },
  ],
  sets: [{ id: 's1', name: 'First batch', description: '', sourceIds: [], codeIds: [] }],
};

describe('the Analysis tab filters', () => {
  it('ask for every coder by default, one coder when chosen, and only mine in blind mode', () => {
    expect(analysisOptions(NO_ANALYSIS_FILTERS, false, 'me').coderIds).toBeUndefined();
    expect(analysisOptions({ ...NO_ANALYSIS_FILTERS, coderId: 'ana' }, false, 'me').coderIds).toEqual(['ana']);
    expect(analysisOptions({ ...NO_ANALYSIS_FILTERS, coderId: 'ana' }, true, 'me').coderIds).toEqual(['me']);
    // Blind with no coder chosen yet: nobody's codings, never everyone's.
    expect(analysisOptions(NO_ANALYSIS_FILTERS, true, null).coderIds).toEqual(['']);
  });

  it('pass waves, people and sets through as source filters', () => {
    const o = analysisOptions(
      { ...NO_ANALYSIS_FILTERS, waves: ['T2'], roles: ['woman'], sites: ['Eastmoor'], groups: ['programme'], setIds: ['s1'] },
      false,
      null,
    );
    expect(o).toMatchObject({ waves: ['T2'], roles: ['woman'], sites: ['Eastmoor'], groups: ['programme'], setIds: ['s1'] });
    expect(o).toMatchObject({ includeChildren: true, ignoreInterviewer: false });
  });

  it('read as a sentence naming each choice', () => {
    expect(describeAnalysisFilters(NO_ANALYSIS_FILTERS, setup, (id) => id, false)).toBe(
      'Waves: all; Roles: all; Sites: all; Groups: all; Coder: all coders; Sub-codes: counted with their parents; Interviewer turns: counted',
    );
    const f = { ...NO_ANALYSIS_FILTERS, waves: ['T2'], roles: ['woman', 'man'], setIds: ['s1'], coderId: 'a', ignoreInterviewer: true };
    expect(describeAnalysisFilters(f, setup, () => 'Ana', false)).toBe(
      'Waves: Time 2; Roles: Woman, Man; Sites: all; Groups: all; Sets: First batch; Coder: Ana; Sub-codes: counted with their parents; Interviewer turns: ignored',
    );
    expect(describeAnalysisFilters(f, setup, () => 'Ana', true)).toContain('Coder: only mine (blind)');
  });
});
