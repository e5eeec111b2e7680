// Agreement off the main thread: the host answers from parts sent one by one (each only when it
// changed), a transcript goes as turns and length without its words, and the runner gives the
// same report as compareCoders, with progress, and says what is wrong.
import { describe, expect, it } from 'vitest';
import { compareCoders } from '../../renderer/core/agreement';
import type { ProjectSnapshot } from '../../renderer/core/shared';
import {
  createAgreementHost,
  packCodings,
  packSources,
  unpackCodings,
  unpackSources,
  type AgreementReply,
} from '../../renderer/store/agreementHost';
import { AgreementError, AgreementRunner } from '../../renderer/store/agreementOffThread';

const turns = [0, 10, 20, 30].map((s) => ({ start: s, end: s + 10, speaker: null, speakerRole: 'participant' as const }));
const source = (id: string) => ({
  id,
  participantId: 'p',
  wave: 'T1',
  title: id,
  text: 'secret words '.repeat(3) + 'x',
  turns,
  origin: { fileName: id, format: 'txt', sha256: '', importedAt: 0 },
});
const code = { id: 'A', parentId: null, name: 'A', description: '', inclusion: '', exclusion: '', examples: '', colour: '#888', order: 0 };
const coding = (id: string, coderId: string, sourceId: string, start: number, end: number) => ({
  id,
  sourceId,
  codeId: 'A',
  coderId,
  start,
  end,
  memo: '',
  createdAt: 0,
  updatedAt: 0,
});
const project: ProjectSnapshot = {
  waves: [{ id: 'T1', label: 'Time 1', order: 0 }],
  participants: [],
  sources: [source('s1'), source('s2')],
  codes: [code],
  codings: [
    coding('1', 'a', 's1', 0, 15),
    coding('2', 'b', 's1', 5, 10),
    coding('3', 'a', 's2', 30, 40),
    coding('4', 'b', 's2', 0, 5),
    coding('5', 'c', 's2', 0, 40),
  ],
  coders: [],
};

describe('agreement off the main thread', () => {
  it('packs transcripts as turns and lengths, not words, and live codings of the chosen coders, and unpacks them as they were', () => {
    const withBinned = [...project.sources, { ...source('gone'), deletedAt: 5 }];
    const packed = packSources(withBinned);
    expect(packed.ids).toEqual(['s1', 's2']);
    expect(JSON.stringify({ ...packed, ids: [] })).not.toMatch(/secret|s1/);
    expect(unpackSources(packed)).toEqual(
      project.sources.map((s) => ({
        id: s.id,
        wave: s.wave,
        turns: s.turns.map(({ start, end }) => ({ start, end })),
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
    expect(replies.pop()).toEqual({ type: 'report', report: compareCoders(project, options) });
    // Later requests need send nothing that did not change.
    host({ parts: {}, options: { ...options, unit: 'document' } }, post);
    expect(replies.pop()).toEqual({ type: 'report', report: compareCoders(project, { ...options, unit: 'document' }) });
  });

  it('the runner (here on this thread: no Worker in Node) reports progress and gives the same report', async () => {
    const runner = new AgreementRunner();
    const progress: number[] = [];
    const big = {
      ...project,
      sources: Array.from({ length: 120 }, (_, i) => source(`s${i}`)),
      codings: Array.from({ length: 120 }, (_, i) => [coding(`a${i}`, 'a', `s${i}`, 0, 5), coding(`b${i}`, 'b', `s${i}`, 0, 15)]).flat(),
    };
    const report = await runner.compare(big, { coderIds: ['a', 'b'], unit: 'turn' }, (done) => progress.push(done));
    expect(report).toEqual(compareCoders(big, { coderIds: ['a', 'b'], unit: 'turn' }));
    expect(progress).toEqual([50, 100]);
    await expect(runner.compare(project, { coderIds: ['a'], unit: 'turn' })).rejects.toThrow(AgreementError);
    await expect(runner.compare(project, { coderIds: ['a'], unit: 'turn' })).rejects.toThrow('Agreement needs at least two coders.');
  });
});
