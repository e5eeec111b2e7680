// The fictional sample study, built through the same import path a researcher's files take,
// so that every later feature (and the end-to-end tests) has something real to show.
import { buildImport, planBatch } from '../core/batch';
import type { Participant, SpeakerRole } from '../core/model';
import { prepareFiles } from '../io/prepareBatch';
import { SAMPLE_DESCRIPTION, SAMPLE_PARTICIPANTS, SAMPLE_PROJECT_NAME, SAMPLE_TRANSCRIPTS } from '../sample/sampleStudy';
import { projectDb } from './projectDb';
import { commitImport, loadSetup, saveAttributeDefs } from './projectRepo';
import { createProject, listProjects } from './projects';
import type { ProjectEntry } from './registry';

export async function createSampleProject(): Promise<ProjectEntry> {
  const { active } = await listProjects();
  let name = SAMPLE_PROJECT_NAME;
  for (let n = 2; active.some((p) => p.name.toLowerCase() === name.toLowerCase()); n += 1) name = `${SAMPLE_PROJECT_NAME} ${n}`;
  const entry = await createProject(name, { description: SAMPLE_DESCRIPTION, isSample: true });
  const db = projectDb(entry.id);

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
  await commitImport(db, buildImport(rows, roles, setup.participants, () => crypto.randomUUID(), Date.now()));
  return entry;
}
