// The fictional sample study, built through the same import path a researcher's files take,
// so that every later feature (and the end-to-end tests) has something real to show.
import { DEFAULT_CODEBOOK, DEFAULT_CODEBOOK_NAME } from '../../codebook';
import { buildImport, planBatch } from '../core/transcripts';
import { created, type Action, uniqueName, type Code, type Coding, type Participant, type Source, type SpeakerRole } from '../core/shared';
import { mergeCodebook, codePathText } from '../core/codebook';
import { combine } from '../core/coding';
import { SAMPLE_CODERS, SAMPLE_CODINGS } from '../sample/sampleCodings';
import { applyAction } from './actions';
import { prepareFiles } from '../io/prepareBatch';
import { SAMPLE_DESCRIPTION, SAMPLE_PARTICIPANTS, SAMPLE_PROJECT_NAME, SAMPLE_TRANSCRIPTS } from '../sample/sampleStudy';
import type { ProjectDb } from './projectDb';
import { commitImport, loadSetup, saveAttributeDefs } from './projectRepo';
import { createProject, listProjects } from './projects';
import type { ProjectEntry } from './registry';

export async function createSampleProject(): Promise<ProjectEntry> {
  const { active } = await listProjects();
  const name = uniqueName(
    SAMPLE_PROJECT_NAME,
    active.map((p) => p.name),
    (b, n) => `${b} ${n}`,
  );
  // All or nothing: the project is listed only once every transcript and coding is in.
  return createProject(name, { description: SAMPLE_DESCRIPTION, isSample: true, fill: fillSample });
}

async function fillSample(db: ProjectDb): Promise<void> {
  const ids = new Map(SAMPLE_PARTICIPANTS.map((p) => [p.key, crypto.randomUUID()]));
  const participants: Participant[] = SAMPLE_PARTICIPANTS.map((p) => ({
    id: ids.get(p.key)!,
    pseudonym: p.pseudonym,
    role: p.role,
    site: p.site,
    group: p.group,
    attributes: { ...p.attributes },
    links: p.links.map((l) => ({ type: l.type, participantId: ids.get(l.key)! })),
  }));
  const attributeNames = [...new Set(SAMPLE_PARTICIPANTS.flatMap((p) => Object.keys(p.attributes)))];
  await saveAttributeDefs(
    db,
    attributeNames.map((name) => {
      const values = SAMPLE_PARTICIPANTS.map((p) => p.attributes[name]).filter((v) => v !== undefined);
      const type = values.every((v) => typeof v === 'number') ? 'number' : values.every((v) => typeof v === 'boolean') ? 'boolean' : 'text';
      return { name, type };
    }),
  );
  await db.participants.bulkAdd(participants);

  const encoder = new TextEncoder();
  const files = SAMPLE_TRANSCRIPTS.map((t) => ({ name: t.fileName, bytes: encoder.encode(t.text) }));
  const prepared = await prepareFiles(files);
  const setup = await loadSetup(db);
  const rows = planBatch(prepared, { participants: setup.participants, sources: [], waves: setup.waves });
  for (const row of rows) {
    const transcript = SAMPLE_TRANSCRIPTS.find((t) => t.fileName === row.fileName)!;
    row.participantName = SAMPLE_PARTICIPANTS.find((p) => p.key === transcript.participantKey)!.pseudonym;
    row.waveId = transcript.wave;
  }
  const roles: Record<string, SpeakerRole> = { Interviewer: 'interviewer' };
  for (const p of SAMPLE_PARTICIPANTS) roles[p.pseudonym] = 'participant';
  const batch = buildImport(rows, roles, setup.participants, () => crypto.randomUUID(), Date.now());
  await commitImport(db, batch);
  await applyAction(db, sampleCodingAction(batch.sources), '', { undoable: false });
}

/**
 * The study codebook, two coders, and their codings of the sample, located by quote. The
 * sample is data written by hand, so a quote that is not found is an error, not a skip.
 */
function sampleCodingAction(sources: readonly Source[]): Action {
  const newId = () => crypto.randomUUID();
  const codebook = mergeCodebook([], DEFAULT_CODEBOOK, `Start from "${DEFAULT_CODEBOOK_NAME}"`, newId);
  const codes = codebook.changes.map((c) => c.after as Code);
  const coders = SAMPLE_CODERS.map((c) => ({ id: newId(), name: c.name, colour: c.colour }));
  const coderOf = new Map(SAMPLE_CODERS.map((c, i) => [c.key, coders[i]!.id]));
  const now = Date.now();
  const codings: Coding[] = SAMPLE_CODINGS.map((sample, i) => {
    const source = sources.find((s) => s.origin.fileName === sample.file);
    const code = codes.find((c) => codePathText(codes, c.id) === sample.code);
    const start = source ? source.text.indexOf(sample.quote) : -1;
    if (!source || !code || start < 0) throw new Error(`Sample coding ${i} (${sample.file}, ${sample.code}) does not fit the sample.`);
    const at = now - (SAMPLE_CODINGS.length - i) * 1000;
    return {
      id: newId(),
      sourceId: source.id,
      codeId: code.id,
      coderId: coderOf.get(sample.coder)!,
      start,
      end: start + sample.quote.length,
      memo: sample.memo ?? '',
      createdAt: at,
      updatedAt: at,
    };
  });
  return combine(
    'Set up the sample codebook and coding',
    codebook,
    { label: '', changes: coders.map((c) => created('coders', c)) },
    { label: '', changes: codings.map((c) => created('codings', c)) },
  );
}
