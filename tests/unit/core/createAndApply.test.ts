import { describe, expect, it } from 'vitest';
import { createAndApplyCode } from '../../../renderer/core/coding';
import { applyToArrays, ValidationError, type Code, type Coding } from '../../../renderer/core/shared';

const text = 'I walk round the block now instead of shouting.';
const ids = () => {
  let n = 0;
  return () => `id${++n}`;
};
const existing: Code = {
  id: 'c0',
  parentId: null,
  name: 'Time Out',
  description: '',
  inclusion: '',
  exclusion: '',
  examples: '',
  colour: '#97d3fd',
  order: 0,
  deletedAt: null,
};
const request = { sourceId: 's1', coderId: 'k1', start: 2, end: 22 };

describe('createAndApplyCode', () => {
  it('makes the typed code and codes the passage with it, as one action, and says which code it made', () => {
    const { action, codeId } = createAndApplyCode([existing], [], request, text, 'Walking away', ids(), 5);
    expect(action.label).toBe('Create and apply "Walking away"');
    const state = { codes: [existing] as Code[], codings: [] as Coding[] };
    applyToArrays(state, action);
    expect(state.codes.find((c) => c.id === codeId)?.name).toBe('Walking away');
    expect(state.codings).toEqual([expect.objectContaining({ codeId, sourceId: 's1', coderId: 'k1', start: 2, end: 22 })]);
  });

  it('names an in vivo code after the selected words', () => {
    const { action, codeId } = createAndApplyCode([], [], request, text, null, ids(), 5);
    expect(action.label).toMatch(/^Code in vivo "walk round the block/);
    const state = { codes: [] as Code[], codings: [] as Coding[] };
    applyToArrays(state, action);
    expect(state.codes.map((c) => c.id)).toEqual([codeId]);
  });

  it('refuses a name already taken, or an empty selection, before anything changes', () => {
    expect(() => createAndApplyCode([existing], [], request, text, 'time out', ids(), 5)).toThrow(ValidationError);
    expect(() => createAndApplyCode([], [], { ...request, end: 2 }, text, 'New', ids(), 5)).toThrow(ValidationError);
  });
});
