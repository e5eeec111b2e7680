import { describe, expect, it } from 'vitest';
import {
  batchProblems,
  buildImport,
  collectSpeakers,
  dropBadFiles,
  importBlockedBecause,
  planBatch,
  titleFromFileName,
  type PreparedFile,
} from '../../../renderer/core/transcripts/batch';
import { DEFAULT_WAVES, type Participant } from '../../../renderer/core/shared/model';

const waves = [...DEFAULT_WAVES];
const file = (fileName: string, sha256: string, speakers: (string | null)[] = ['Interviewer', 'Dale']): PreparedFile => ({
  fileName,
  sha256,
  format: 'txt',
  text: 'x'.repeat(10 * speakers.length),
  turns: speakers.map((speaker, i) => ({ start: i * 10, end: i * 10 + 5, speaker })),
  warnings: [],
});
const dale: Participant = { id: 'p-dale', pseudonym: 'Dale', role: 'man', site: '', group: '', attributes: {}, links: [] };

describe('planBatch', () => {
  it('proposes participant and wave, matching existing participants by pseudonym', () => {
    const rows = planBatch([file('dale_T2.docx', 'a'), file('P07 Time 1.txt', 'b')], { participants: [dale], sources: [], waves });
    expect(rows.map((r) => [r.participantName, r.waveId, r.status, r.include])).toEqual([
      ['Dale', 'T2', 'ready', true],
      ['P07', 'T1', 'ready', true],
    ]);
  });

  it('flags duplicates of the project and within the batch, excluded by default', () => {
    const existing = [
      { title: 'Dale_T1', origin: { sha256: 'a', fileName: 'Dale_T1.txt', format: 'txt', importedAt: 0 }, deletedAt: null },
    ];
    const rows = planBatch([file('again.txt', 'a'), file('one.txt', 'b'), file('two.txt', 'b')], {
      participants: [],
      sources: existing,
      waves,
    });
    expect(rows.map((r) => r.status)).toEqual(['duplicate', 'ready', 'duplicate']);
    expect(rows[0]!.message).toBe('Same content as "Dale_T1" (already in the project).');
    expect(rows[2]!.message).toBe('Same content as "one.txt" (also in this batch).');
    expect(rows.map((r) => r.include)).toEqual([false, true, false]);
    // A deleted transcript does not count as a duplicate.
    const again = planBatch([file('again.txt', 'a')], { participants: [], sources: [{ ...existing[0]!, deletedAt: 9 }], waves });
    expect(again[0]!.status).toBe('ready');
  });

  it('lets a bad file block the batch until it is dropped', () => {
    const rows = planBatch([file('ok.txt', 'a'), { fileName: 'bad.txt', error: 'bad.txt: is empty.' }], {
      participants: [],
      sources: [],
      waves,
    });
    expect(batchProblems(rows)).toEqual(['bad.txt: is empty. Drop this file or fix it and add it again.']);
    expect(() => buildImport(rows, {}, [], () => 'id', 0)).toThrow(/bad\.txt/);
    expect(batchProblems(rows.filter((r) => r.status !== 'error'))).toEqual([]);
    expect(batchProblems([])).toEqual(['No file in this batch is selected for import.']);
  });
});

describe('bad files and why the import waits', () => {
  const bad = (name: string) => ({ fileName: name, error: `${name}: is empty.` });

  it('drops every bad file at once, keeping the others in their order', () => {
    const rows = planBatch([bad('a.txt'), file('ok.txt', 'x'), bad('b.docx'), file('dup.txt', 'x')], {
      participants: [],
      sources: [],
      waves,
    });
    expect(dropBadFiles(rows).map((r) => [r.fileName, r.status])).toEqual([
      ['ok.txt', 'ready'],
      ['dup.txt', 'duplicate'],
    ]);
    expect(dropBadFiles(dropBadFiles(rows))).toEqual(dropBadFiles(rows));
  });

  it('says in one line why Import is disabled, and nothing when it is not', () => {
    const plan = (files: Parameters<typeof planBatch>[0]) => planBatch(files, { participants: [], sources: [], waves });
    expect(importBlockedBecause([])).toBe('Choose or drop transcript files first.');
    expect(importBlockedBecause(plan([file('ok.txt', 'x'), bad('a.txt')]))).toBe(
      '1 file cannot be read (a.txt): drop it (Drop all bad files) or fix it and add it again.',
    );
    expect(importBlockedBecause(plan([bad('a.txt'), bad('b.txt'), bad('c.txt'), bad('d.txt')]))).toBe(
      '4 files cannot be read (a.txt, b.txt, c.txt and 1 more): drop them (Drop all bad files) or fix them and add them again.',
    );
    const unticked = plan([file('ok.txt', 'x')]).map((r) => ({ ...r, include: false }));
    expect(importBlockedBecause(unticked)).toBe('No file is ticked for import (duplicates start unticked).');
    expect(importBlockedBecause(plan([file('ok.txt', 'x')]))).toBeNull();
  });
});

describe('speakers and build', () => {
  it('collects speakers across included files with a proposed role', () => {
    const rows = planBatch([file('a_T1.txt', 'a'), file('b_T1.txt', 'b', ['I', 'R', 'R', null])], { participants: [], sources: [], waves });
    const speakers = collectSpeakers(rows);
    expect(speakers.map((s) => [s.speaker, s.turns, s.files, s.proposed])).toEqual([
      ['R', 2, 1, 'participant'],
      ['Dale', 1, 1, 'participant'],
      ['I', 1, 1, 'interviewer'],
      ['Interviewer', 1, 1, 'interviewer'],
    ]);
  });

  it("proposes a file's one non-interviewer speaker as the participant, also among other files", () => {
    // staff-03.srt beside two men's interviews: Staff03 was 'other' once the batch was pooled.
    const rows = planBatch(
      [
        file('staff-03.srt', 'a', ['Interviewer', 'Staff03', 'Interviewer', 'Staff03']),
        file('Dale_T1.txt', 'b'),
        file('group.txt', 'c', ['Interviewer', 'Worker1', 'Worker2']),
      ],
      { participants: [], sources: [], waves },
    );
    const proposed = Object.fromEntries(collectSpeakers(rows).map((s) => [s.speaker, s.proposed]));
    expect(proposed).toEqual({
      Interviewer: 'interviewer',
      Staff03: 'participant',
      Dale: 'participant',
      Worker1: 'other',
      Worker2: 'other',
    });
  });

  it('builds sources and new participants once, applying the speaker mapping', () => {
    const rows = planBatch([file('Dale_T1.txt', 'a'), file('Asha_T1.txt', 'b'), file('asha_T2.txt', 'c'), file('notes.txt', 'd')], {
      participants: [dale],
      sources: [],
      waves,
    });
    rows[3]!.participantName = '';
    let n = 0;
    const built = buildImport(rows, { Interviewer: 'interviewer', Dale: 'participant' }, [dale], () => `id${++n}`, 1000);
    expect(built.newParticipants.map((p) => p.pseudonym)).toEqual(['Asha']);
    expect(built.sources.map((s) => [s.title, s.participantId, s.wave])).toEqual([
      ['Dale_T1', 'p-dale', 'T1'],
      ['Asha_T1', built.newParticipants[0]!.id, 'T1'],
      ['asha_T2', built.newParticipants[0]!.id, 'T2'],
      ['notes', null, null],
    ]);
    expect(built.sources[0]!.turns.map((t) => t.speakerRole)).toEqual(['interviewer', 'participant']);
    expect(built.sources[0]!.origin).toEqual({ fileName: 'Dale_T1.txt', format: 'txt', sha256: 'a', importedAt: 1000 });
  });

  it("titles a transcript with the document's own title when it has one, else its file name", () => {
    const titled: PreparedFile = { ...file('Kieran_T2.docx', 'a'), title: 'Interview with Kieran, Time 2' };
    const rows = planBatch([titled, file('Dale_T1.txt', 'b')], { participants: [], sources: [], waves });
    const built = buildImport(rows, {}, [], () => 'id', 0);
    expect(built.sources.map((s) => s.title)).toEqual(['Interview with Kieran, Time 2', 'Dale_T1']);
    expect(rows[0]!.message).toBe('Titled “Interview with Kieran, Time 2” (the first line of the document, not a turn).');
  });

  it('makes titles from file names', () => {
    expect(titleFromFileName('C:\\data\\Kieran_T2.docx')).toBe('Kieran_T2');
    expect(titleFromFileName('.hidden')).toBe('.hidden');
  });
});
