// Agreement off the main thread: the host answers from parts sent one by one (each only when it
// changed), a transcript goes as turns and length without its words, and the runner gives the
// same report as compareCoders, with progress, and says what is wrong.
import { describe, expect, it } from 'vitest';
import { compareCoders } from '../../renderer/core/agreement';
import type { ProjectSnapshot } from '../../renderer/core/shared';
import { code, coding, source } from '../fixtures/agreementProject';
import {
  createAgreementHost,
  packCodings,
  packSources,
  unpackCodings,
  unpackSources,
  packReport,
  reportTransferables,
  unpackReport,
  type AgreementReply,
} from '../../renderer/store/agreementHost';
import { AgreementError, AgreementRunner } from '../../renderer/store/agreementOffThread';

const project: ProjectSnapshot = {
  waves: [{ id: 'T1', label: 'Time 1', order: 0 }],
  participants: [],
  sources: [source('s1', 'T1'), source('s2', 'T1')],
  codes: [code('A')],
  codings: [
    coding('s1', 'A', 'a', 0, 15),
    coding('s1', 'A', 'b', 5, 10),
    coding('s2', 'A', 'a', 30, 40),
    coding('s2', 'A', 'b', 0, 5),
    coding('s2', 'A', 'c', 0, 40),
  ],
  coders: [],
};

describe('agreement off the main thread', () => {
  it('packs transcripts as turns and lengths, not words, and live codings of the chosen coders, and unpacks them as they were', () => {
    const withBinned = [...project.sources, { ...source('gone', 'T1'), deletedAt: 5 }];
    const packed = packSources(withBinned);
    expect(packed.ids).toEqual(['s1', 's2']);
    expect(JSON.stringify({ ...packed, ids: [] })).not.toMatch(/Alpha|s1/);
    expect(unpackSources(packed)).toEqual(
      project.sources.map((s) => ({
        id: s.id,
        wave: s.wave,
        turnBounds: Int32Array.from(s.turns.flatMap(({ start, end }) => [start, end])),
        text: { length: s.text.length },
      })),
    );
    const codings = [...project.codings, { ...project.codings[0]!, id: 'deleted', deletedAt: 1 }];
    expect(unpackCodings(packCodings(codings, ['a', 'b']))).toEqual(
      project.codings
        .filter((c) => c.coderId !== 'c')
        .map(({ sourceId, codeId, coderId, start, end }) => ({ sourceId, codeId, coderId, start, end })),
    );
  });

  it('the host answers from parts sent at different times, as compareCoders does on the whole project', () => {
    const host = createAgreementHost();
    const replies: AgreementReply[] = [];
    const post = (r: AgreementReply) => replies.push(r);
    const options = { coderIds: ['a', 'b'], unit: 'turn' as const };
    host({ parts: { codes: project.codes, waves: project.waves }, options }, post);
    expect(replies.pop()).toEqual({ type: 'error', message: 'Agreement was asked before the project was sent.' });
    host({ parts: { sources: packSources(project.sources), codings: packCodings(project.codings, ['a', 'b']) }, options }, post);
    const reportOf = (reply: AgreementReply | undefined) => (reply?.type === 'report' ? unpackReport(reply.report) : reply);
    expect(reportOf(replies.pop())).toEqual(compareCoders(project, options));
    // Later requests need send nothing that did not change.
    host({ parts: {}, options: { ...options, unit: 'document' } }, post);
    expect(reportOf(replies.pop())).toEqual(compareCoders(project, { ...options, unit: 'document' }));
  });

  it("sends a report's rows per transcript as numbers and gives back the same report, undefined statistics and all", () => {
    for (const unit of ['turn', 'character', 'segment', 'document'] as const)
      for (const coderIds of unit === 'segment'
        ? [['a', 'b']]
        : [
            ['a', 'b'],
            ['a', 'b', 'c'],
          ]) {
        const report = compareCoders(project, { coderIds, unit });
        const packed = packReport(report);
        expect(packed.report.byCodeAndSource).toEqual([]);
        expect(packed.report.bySource).toEqual([]);
        // Moved whole: each array is its own buffer.
        expect(reportTransferables(packed)).toHaveLength(new Set(reportTransferables(packed)).size);
        const back = unpackReport(structuredClone(packed, { transfer: reportTransferables(packed) }));
        expect(back).toEqual(report);
        expect(JSON.stringify(back)).toBe(JSON.stringify(report)); // the same keys in the same order
      }
    expect(compareCoders(project, { coderIds: ['a', 'b'], unit: 'segment' }).bySource.some((r) => r.stats.kappa === null)).toBe(true);
  });

  it('the runner (here on this thread: no Worker in Node) reports progress and gives the same report', async () => {
    const runner = new AgreementRunner();
    const progress: number[] = [];
    const big = {
      ...project,
      sources: Array.from({ length: 120 }, (_, i) => source(`s${i}`, 'T1')),
      codings: Array.from({ length: 120 }, (_, i) => [coding(`s${i}`, 'A', 'a', 0, 5), coding(`s${i}`, 'A', 'b', 0, 15)]).flat(),
    };
    const report = await runner.compare(big, { coderIds: ['a', 'b'], unit: 'turn' }, (done) => progress.push(done));
    expect(report).toEqual(compareCoders(big, { coderIds: ['a', 'b'], unit: 'turn' }));
    expect(progress).toEqual([50, 100]);
    await expect(runner.compare(project, { coderIds: ['a'], unit: 'turn' })).rejects.toThrow(AgreementError);
    await expect(runner.compare(project, { coderIds: ['a'], unit: 'turn' })).rejects.toThrow('Agreement needs at least two coders.');
  });
});
