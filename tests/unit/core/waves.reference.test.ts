// waveMatrix on random small projects, against a character-by-character reference.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ProjectSnapshot, SpeakerRole } from '../../../renderer/core/shared/model';
import { countWords } from '../../../renderer/core/shared/names';
import { cellPassages, waveMatrix } from '../../../renderer/core/waves/waves';
import { code, person, source } from '../../fixtures/waveProjects';

describe('waveMatrix against a character-by-character reference', () => {
  // Random small projects; the reference marks every covered character and counts runs, so it
  // shares no range arithmetic with the module.
  const reference = (p: ProjectSnapshot, codeIds: Set<string>, waveId: string, ignoreInterviewer: boolean) => {
    const people = new Set(p.participants.filter((x) => x.deletedAt == null).map((x) => x.id));
    let passages = 0;
    let words = 0;
    const have = new Set<string>();
    for (const s of p.sources) {
      if (s.deletedAt != null || s.wave !== waveId || s.participantId === null || !people.has(s.participantId)) continue;
      const on = new Array<boolean>(s.text.length).fill(false);
      for (const g of p.codings) {
        if (g.deletedAt != null || g.sourceId !== s.id || !codeIds.has(g.codeId)) continue;
        for (let i = Math.max(0, g.start); i < Math.min(s.text.length, g.end); i += 1) on[i] = true;
      }
      if (ignoreInterviewer && s.turns.length > 0) {
        for (let i = 0; i < on.length; i += 1) {
          if (!s.turns.some((t) => t.speakerRole !== 'interviewer' && t.start <= i && i < t.end)) on[i] = false;
        }
      }
      for (let i = 0; i < on.length; i += 1) {
        if (!on[i] || (i > 0 && on[i - 1])) continue;
        let j = i;
        while (j < on.length && on[j]) j += 1;
        passages += 1;
        words += countWords(s.text.slice(i, j));
        have.add(s.participantId);
      }
    }
    return { participants: have.size, passages, words };
  };

  it('agrees on participants, passages and words', () => {
    const roles: SpeakerRole[] = ['interviewer', 'participant', 'other'];
    const arb = fc.record({
      sources: fc.array(
        fc.record({
          person: fc.integer({ min: 0, max: 3 }),
          wave: fc.constantFrom('T1', 'T2'),
          turns: fc.array(fc.tuple(fc.constantFrom(...roles), fc.constantFrom('a b', 'word', 'x-y z', '', 'one two three')), {
            maxLength: 4,
          }),
        }),
        { minLength: 1, maxLength: 5 },
      ),
      codings: fc.array(
        fc.record({
          source: fc.nat(),
          code: fc.constantFrom('R', 'K'),
          start: fc.integer({ min: -2, max: 30 }),
          len: fc.integer({ min: 0, max: 15 }),
        }),
        { maxLength: 12 },
      ),
      ignoreInterviewer: fc.boolean(),
      includeChildren: fc.boolean(),
    });
    fc.assert(
      fc.property(arb, (spec) => {
        const srcs = spec.sources.map((s, i) => source(`r${i}`, `Q${s.person}`, s.wave, s.turns.length ? s.turns : 'plain text here'));
        const p: ProjectSnapshot = {
          waves: [
            { id: 'T1', label: '1', order: 0 },
            { id: 'T2', label: '2', order: 1 },
          ],
          participants: [0, 1, 2, 3].map((i) => person(`Q${i}`, `Q${i}`, 'man', 'A', 'programme', { deletedAt: i === 3 ? 1 : null })),
          sources: srcs,
          codes: [code('R', null, 0), code('K', 'R', 0)],
          codings: spec.codings.map((g, i) => ({
            id: `q${i}`,
            sourceId: `r${g.source % srcs.length}`,
            codeId: g.code,
            coderId: 'k',
            start: g.start,
            end: g.start + g.len,
            memo: '',
            createdAt: 0,
            updatedAt: 0,
            deletedAt: null,
          })),
          coders: [],
        };
        const options = { ignoreInterviewer: spec.ignoreInterviewer, includeChildren: spec.includeChildren };
        const m = waveMatrix(p, options);
        for (const row of m.rows) {
          const ids = new Set(row.codeId === 'R' && spec.includeChildren ? ['R', 'K'] : [row.codeId]);
          for (const w of ['T1', 'T2']) {
            const got = row.byWave[w]!;
            expect({ participants: got.participants, passages: got.passages, words: got.words }).toEqual(
              reference(p, ids, w, spec.ignoreInterviewer),
            );
            expect(cellPassages(p, row.codeId, w, options)).toHaveLength(got.passages);
          }
          const { firstOnly, secondOnly, both, neither } = row.paired;
          const inBoth = [0, 1, 2].filter(
            (i) =>
              srcs.some((s) => s.participantId === `Q${i}` && s.wave === 'T1') &&
              srcs.some((s) => s.participantId === `Q${i}` && s.wave === 'T2'),
          ).length;
          expect(firstOnly + secondOnly + both + neither).toBe(inBoth);
        }
      }),
      { numRuns: 300 },
    );
  });
});
