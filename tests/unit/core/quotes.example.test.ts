// The quote the style tab shows its example on: the same one every time, whatever the order
// of the codings in the database.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exampleQuote } from '../../../renderer/core/quotes';
import type { ProjectSnapshot } from '../../../renderer/core/shared';

const coding = (id: string, sourceId: string, start: number, end: number) => ({
  id,
  sourceId,
  codeId: 'c',
  coderId: 'k',
  start,
  end,
  memo: '',
  createdAt: 1,
  updatedAt: 1,
  deletedAt: null,
});
const project = {
  waves: [
    { id: 'T1', label: 'Time 1' },
    { id: 'T2', label: 'Time 2' },
  ],
  participants: [
    { id: 'e', pseudonym: 'Ellie', role: 'child', site: '', group: '', attributes: {}, links: [] },
    { id: 'd', pseudonym: 'Dale', role: 'man', site: '', group: '', attributes: {}, links: [] },
  ],
  sources: [
    { id: 'sE', participantId: 'e', wave: 'T1', title: 'Ellie T1', text: 'Two faces, please.', turns: [] },
    { id: 'sD2', participantId: 'd', wave: 'T2', title: 'Dale T2', text: 'We talk now.', turns: [] },
    { id: 'sD1', participantId: 'd', wave: 'T1', title: 'Dale T1', text: 'It got out of hand.', turns: [] },
    { id: 'sX', participantId: null, wave: 'T1', title: 'Group', text: 'Nobody in particular.', turns: [] },
  ],
  codings: [
    coding('1', 'sE', 0, 9),
    coding('2', 'sD2', 0, 7),
    coding('3', 'sD1', 3, 19),
    coding('4', 'sD1', 0, 6),
    coding('5', 'sX', 0, 6),
  ],
} as unknown as ProjectSnapshot;

describe('exampleQuote', () => {
  it('takes the first participant in reading order, their first wave, and the earliest passage there', () => {
    expect(exampleQuote(project)).toMatchObject({ sourceId: 'sD1', start: 0, end: 6, text: 'It got', participantId: 'd', wave: 'T1' });
  });

  it('does not depend on the order codings come in', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(project.codings, { minLength: project.codings.length }), (codings) => {
        expect(exampleQuote({ ...project, codings })).toMatchObject({ sourceId: 'sD1', start: 0 });
      }),
    );
  });

  it('is null with no coded participant passage', () => {
    expect(exampleQuote({ ...project, codings: [coding('5', 'sX', 0, 6)] })).toBeNull();
  });
});
