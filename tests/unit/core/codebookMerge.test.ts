import { describe, expect, it } from 'vitest';
import { DEFAULT_CODEBOOK } from '../../../codebook';
import { applyToArrays } from '../../../renderer/core/shared/changes';
import { mergeCodebook } from '../../../renderer/core/codebook/codebookMerge';
import type { Code } from '../../../renderer/core/shared/model';

let n = 0;
const newId = () => `id${++n}`;

describe('mergeCodebook', () => {
  it('seeds an empty project with the whole default codebook', () => {
    const codes: Code[] = [];
    applyToArrays({ codes }, mergeCodebook(codes, DEFAULT_CODEBOOK, 'Start from the study codebook', newId));
    expect(codes.filter((c) => c.parentId === null)).toHaveLength(13);
    expect(codes.length).toBeGreaterThan(40);
    const time = codes.find((c) => c.name === 'Time Out')!;
    const techniques = codes.find((c) => c.id === time.parentId)!;
    expect(techniques.name).toBe('Techniques learnt');
  });

  it('adds only what is missing, after existing siblings', () => {
    const codes: Code[] = [];
    applyToArrays(
      { codes },
      mergeCodebook(codes, [{ name: 'Gender', children: [{ name: 'Knowing best' }] }, { name: 'Mine' }], 'x', newId),
    );
    const again = mergeCodebook(
      codes,
      [{ name: 'gender', children: [{ name: 'Knowing best' }, { name: 'Entitlement' }] }, { name: 'Mine' }],
      'y',
      newId,
    );
    expect(again.changes.map((c) => (c.after as Code).name)).toEqual(['Entitlement']);
    expect((again.changes[0]!.after as Code).order).toBe(1);
    expect(mergeCodebook(codes, [{ name: 'Mine' }], 'z', newId).changes).toEqual([]);
  });
});
