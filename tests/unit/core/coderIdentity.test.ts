import { describe, expect, it } from 'vitest';
import { chooseCoder, parseMachineCoder } from '../../../renderer/core/coding/coderIdentity';
import type { Coder } from '../../../renderer/core/shared/model';

const ana: Coder = { id: 'a', name: 'Ana', colour: '#111111' };
const ben: Coder = { id: 'b', name: 'Ben', colour: '#222222' };
const consensus: Coder = { id: 'c', name: 'Consensus', colour: '#333333', consensus: true };

describe('chooseCoder', () => {
  it('keeps the coder chosen in this project while it exists', () => {
    expect(chooseCoder([ana, ben], 'b', { name: 'Ana', colour: '#000000' })).toEqual({ kind: 'chosen', coderId: 'b' });
  });

  it('matches the name remembered on this computer, ignoring case and spaces', () => {
    expect(chooseCoder([ana, ben], null, { name: ' ana ', colour: '#000000' })).toEqual({ kind: 'match', coderId: 'a' });
    expect(chooseCoder([ana, ben], 'gone', { name: 'BEN', colour: '#000000' })).toEqual({ kind: 'match', coderId: 'b' });
  });

  it('creates the remembered coder in a project that does not have them', () => {
    expect(chooseCoder([ana], null, { name: 'Tess', colour: '#2f9b6d' })).toEqual({ kind: 'create', name: 'Tess', colour: '#2f9b6d' });
    expect(chooseCoder([], null, { name: 'Tess', colour: '#2f9b6d' })).toEqual({ kind: 'create', name: 'Tess', colour: '#2f9b6d' });
  });

  it('never creates a coder where creating is not allowed (the sample project), but still matches', () => {
    expect(chooseCoder([ana, ben], null, { name: 'Tess', colour: '#2f9b6d' }, false)).toEqual({ kind: 'ask' });
    expect(chooseCoder([ana, ben], null, { name: 'Ana', colour: '#2f9b6d' }, false)).toEqual({ kind: 'match', coderId: 'a' });
  });

  it('asks when nobody is remembered, or when the name is the consensus layer', () => {
    expect(chooseCoder([ana], null, null)).toEqual({ kind: 'ask' });
    expect(chooseCoder([ana], null, { name: '  ', colour: '#000000' })).toEqual({ kind: 'ask' });
    expect(chooseCoder([ana, consensus], null, { name: 'consensus', colour: '#000000' })).toEqual({ kind: 'ask' });
  });
});

describe('parseMachineCoder', () => {
  it('reads what was stored, and treats anything malformed as nobody', () => {
    expect(parseMachineCoder(JSON.stringify({ name: 'Tess', colour: '#2f9b6d' }))).toEqual({ name: 'Tess', colour: '#2f9b6d' });
    expect(parseMachineCoder(JSON.stringify({ name: 'Tess', colour: 'red' }))).toEqual({ name: 'Tess', colour: '#2f6db5' });
    for (const bad of [null, '', 'not json', '42', 'null', JSON.stringify({ name: '' }), JSON.stringify({ colour: '#000000' })])
      expect(parseMachineCoder(bad)).toBeNull();
  });
});
