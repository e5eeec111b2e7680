// Agreement off the main thread: the host answers from parts sent one by one (each only when it
// changed), a transcript goes as turns and length without its words, and the runner gives the
// same report as compareCoders, with progress, and says what is wrong.
import { describe, expect, it } from 'vitest';
import { compareCoders } from '../../renderer/core/agreement';
import type { ProjectSnapshot } from '../../renderer/core/shared';
import { agreementSource, createAgreementHost, type AgreementReply } from '../../renderer/store/agreementHost';
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
  it('sends a transcript as its turns and length, not its words', () => {
    const slim = agreementSource(project.sources[0]!);
    expect(slim).toEqual({ id: 's1', wave: 'T1', turns, text: { length: project.sources[0]!.text.length } });
    expect(JSON.stringify(slim)).not.toMatch(/secret/);
  });

  it('the host answers from parts sent at different times, as compareCoders does on the whole project', () => {
    const host = createAgreementHost();
    const replies: AgreementReply[] = [];
    const post = (r: AgreementReply) => replies.push(r);
    const options = { coderIds: ['a', 'b'], unit: 'turn' as const };
    host({ parts: { codes: project.codes, waves: project.waves }, options }, post);
    expect(replies.pop()).toEqual({ type: 'error', message: 'Agreement was asked before the project was sent.' });
    host({ parts: { sources: project.sources.map(agreementSource), codings: project.codings }, options }, post);
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
