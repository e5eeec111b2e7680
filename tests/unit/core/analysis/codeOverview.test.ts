// The code overview per transcript against hand counts on the project of analysisProject.ts.
import { describe, expect, it } from 'vitest';
import { codeOverview } from '../../../../renderer/core/analysis';
import { at, project, text } from './analysisProject';

const piece = (codeId: string, sourceId: string, phrase: string) => {
  const [start, end] = at(sourceId, phrase);
  return { codeId, start, end };
};

describe('codeOverview', () => {
  it('lists every transcript in reading order with densities and a strip', () => {
    const o = codeOverview(project);
    expect(o.codeIds).toEqual(['A', 'A1', 'B', 'C']);
    expect(o.transcripts.map((t) => [t.sourceId, t.participantId])).toEqual([
      ['s2', 'P2'],
      ['s3', 'P3'],
      ['s1', 'P1'],
      ['s4', null],
    ]);
    const s1 = o.transcripts[2]!;
    const len = text('s1').length;
    expect(s1.density).toEqual([(14 + 13) / len, 0, (20 + 12) / len, (9 + 4) / len]);
    expect(s1.strip).toEqual([
      piece('A', 's1', 'argue less now'),
      piece('B', 's1', 'less now and we talk'),
      piece('C', 's1', 'talk more'),
      piece('C', 's1', 'Why?'),
      piece('B', 's1', 'group helped'),
      piece('A', 's1', 'listen to her'),
    ]);
  });

  it('covers words coded twice once, and orders pieces starting together by code', () => {
    // s2: C by k1 "shouts less" and by k2 "The kids are calmer now"; s4: B "money" and C "money and work" start together.
    const o = codeOverview(project, { codeIds: ['C', 'B'] });
    const s2 = o.transcripts.find((t) => t.sourceId === 's2')!;
    expect(s2.density[0]).toBe((11 + 23) / text('s2').length);
    const s4 = o.transcripts.find((t) => t.sourceId === 's4')!;
    expect(s4.strip).toEqual([piece('C', 's4', 'money and work'), piece('B', 's4', 'money')]);
  });

  it('applies the filters, keeping transcripts with no coding', () => {
    const o = codeOverview(project, { codeIds: ['A1'], waves: ['T1'], includeChildren: true });
    expect(o.transcripts.map((t) => t.sourceId)).toEqual(['s2', 's1', 's4']);
    expect(o.transcripts.every((t) => t.density[0] === 0 && t.strip.length === 0)).toBe(true);
    const men = codeOverview(project, { codeIds: ['A'], roles: ['man'], includeChildren: true, ignoreInterviewer: true });
    const s3 = men.transcripts[0]!;
    expect(s3.sourceId).toBe('s3');
    // A with A1 in s3, interviewer's turn cut out: "Work", "fine.", "Home is calm".
    expect(s3.strip).toEqual([piece('A', 's3', 'Work'), piece('A', 's3', 'fine.'), piece('A', 's3', 'Home is calm')]);
    expect(s3.density[0]).toBe((4 + 5 + 12) / text('s3').length);
  });

  it('gives 0 for an empty transcript', () => {
    const empty = { ...project, sources: [{ ...project.sources[0]!, id: 'e', text: '', turns: [] }] };
    expect(codeOverview(empty).transcripts).toEqual([{ sourceId: 'e', participantId: 'P1', density: [0, 0, 0, 0], strip: [] }]);
  });
});
