// The fictional sample study, built through the same import path a researcher's files take,
// so that every later feature (and the end-to-end tests) has something real to show.
import { DEFAULT_CODEBOOK, DEFAULT_CODEBOOK_NAME } from '../../codebook';
import { buildImport, planBatch } from '../core/transcripts';
import {
  created,
  type Action,
  uniqueName,
  type Code,
  type Coding,
  type Participant,
  type Source,
  type SpeakerRole,
  type SurveyAnswerSet,
  type SurveyItem,
  type SurveyTimePoint,
  type Wave,
} from '../core/shared';
import { mergeCodebook, codePathText } from '../core/codebook';
import { combine } from '../core/coding';
import { SAMPLE_CODERS, SAMPLE_CODINGS } from '../sample/sampleCodings';
import { applyAction } from './actions';
import { prepareFiles } from '../io/prepareBatch';
import { SAMPLE_SURVEY_ITEMS, SAMPLE_SURVEY_WOMEN, SAMPLE_TIME_POINTS, sampleSurveyAnswers } from '../sample/sampleSurvey';
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
  const coding = sampleCodingAction(batch.sources);
  await applyAction(db, coding, '', { undoable: false });
  const codes = coding.changes.filter((c) => c.table === 'codes').map((c) => c.after as Code);
  await applyAction(db, sampleSurveyAction(participants, codes, setup.waves), '', { undoable: false });
}

/**
 * The fictional survey (sample/sampleSurvey.ts): the women surveyed only, as participants
 * without transcripts, the six time points, an item per indicator linked to its code, and
 * every woman's answers.
 */
function sampleSurveyAction(interviewed: readonly Participant[], codes: readonly Code[], waves: readonly Wave[]): Action {
  const newId = () => crypto.randomUUID();
  const now = Date.now();
  const women = SAMPLE_SURVEY_WOMEN.map(
    (w): Participant =>
      (w.interviewed && interviewed.find((p) => p.pseudonym === w.pseudonym)) || {
        id: newId(),
        pseudonym: w.pseudonym,
        role: 'woman',
        site: w.site,
        group: w.group,
        attributes: {},
        links: [],
      },
  );
  const [first, second] = [...waves].sort((a, b) => a.order - b.order);
  const timePoints: SurveyTimePoint[] = SAMPLE_TIME_POINTS.map((label, order) => ({
    id: newId(),
    label,
    order,
    ...(order === 0 && first ? { waveId: first.id } : order === 4 && second ? { waveId: second.id } : {}),
  }));
  const items: SurveyItem[] = SAMPLE_SURVEY_ITEMS.map((it, order) => {
    const code = codes.find((c) => codePathText(codes, c.id) === it.code);
    if (!code) throw new Error(`Sample survey item ${it.label} names no code of the sample codebook (${it.code}).`);
    return { id: newId(), label: it.label, wording: it.wording, type: 'binary', reported: [1], better: it.better, codeId: code.id, order };
  });
  const answers = sampleSurveyAnswers();
  const sets: SurveyAnswerSet[] = women.map((woman, w) => {
    const values: SurveyAnswerSet['values'] = {};
    timePoints.forEach((t, i) => {
      const row: Record<string, 0 | 1> = {};
      items.forEach((item, j) => {
        const value = answers[w]![i]![j];
        if (value !== null && value !== undefined) row[item.id] = value;
      });
      if (Object.keys(row).length) values[t.id] = row;
    });
    return { id: woman.id, participantId: woman.id, values, updatedAt: now };
  });
  return {
    label: 'Set up the sample survey',
    changes: [
      ...women.filter((w) => !interviewed.includes(w)).map((w) => created('participants', w)),
      ...timePoints.map((t) => created('surveyTimePoints', t)),
      ...items.map((i) => created('surveyItems', i)),
      ...sets.map((set) => created('surveyAnswers', set)),
    ],
  };
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
