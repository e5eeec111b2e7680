// A batch import, planned before anything is written: one row per file with the proposed
// participant and wave (which the researcher corrects), duplicates flagged, bad files
// blocking the whole batch until they are dropped, and one speaker-role mapping per batch.
import { proposeFromFileName } from './filenames';
import type { Participant, Section, Source, SpeakerRole, Turn, Wave } from '../shared';
import { findParticipant, newParticipant } from '../project';
import { proposeSpeakerRoles } from './turns';

export interface PreparedFile {
  fileName: string;
  sha256: string;
  format: string;
  text: string;
  turns: Turn[];
  warnings: string[];
  /** The document's own title (a .docx Title or heading), taken out of its text. */
  title?: string;
  /** The document's headings, taken out of its text as section markers. */
  sections?: Section[];
}

export interface FailedFile {
  fileName: string;
  error: string;
}

export type RowStatus = 'ready' | 'duplicate' | 'error';

export interface BatchRow {
  key: string;
  fileName: string;
  status: RowStatus;
  message: string;
  /** Pseudonym as typed; matched to an existing participant or created on import. */
  participantName: string;
  waveId: string | null;
  roleHint: string | null;
  /** Duplicates start excluded; the researcher may include one on purpose. */
  include: boolean;
  prepared: PreparedFile | null;
}

export interface ExistingProject {
  participants: readonly Participant[];
  sources: readonly Pick<Source, 'title' | 'origin' | 'deletedAt'>[];
  waves: readonly Wave[];
}

export function planBatch(files: readonly (PreparedFile | FailedFile)[], project: ExistingProject): BatchRow[] {
  const known = new Map<string, string>();
  for (const s of project.sources) if (s.deletedAt == null) known.set(s.origin.sha256, s.title);
  const seen = new Map<string, string>();
  return files.map((file, index) => {
    const proposal = proposeFromFileName(file.fileName, project.waves);
    const existing = proposal.participant ? findParticipant(project.participants, proposal.participant) : undefined;
    const base = {
      key: `${index}:${file.fileName}`,
      fileName: file.fileName,
      participantName: existing?.pseudonym ?? proposal.participant ?? '',
      waveId: proposal.waveId,
      roleHint: proposal.roleHint,
    };
    if ('error' in file) {
      return { ...base, status: 'error', message: file.error, include: true, prepared: null };
    }
    const earlier = known.get(file.sha256) ?? seen.get(file.sha256);
    if (earlier !== undefined) {
      const where = known.has(file.sha256) ? 'already in the project' : 'also in this batch';
      return {
        ...base,
        status: 'duplicate',
        message: `Same content as "${earlier}" (${where}).`,
        include: false,
        prepared: file,
      };
    }
    seen.set(file.sha256, file.fileName);
    const titled = file.title ? [`Titled “${file.title}” (the first line of the document, not a turn).`] : [];
    const sections = file.sections?.length ? [sectionsNote(file.sections)] : [];
    const message = [...titled, ...sections, ...file.warnings].join(' ');
    return { ...base, status: 'ready', message, include: true, prepared: file };
  });
}

export interface SpeakerSummary {
  speaker: string;
  turns: number;
  files: number;
  proposed: SpeakerRole;
}

/**
 * Distinct speaker labels across the included files, each with a proposed role: the batch's
 * labels taken together, and a participant wherever one file makes them its participant (its
 * one speaker besides the interviewer, e.g. "Staff03" in staff-03.srt, would otherwise be one
 * unknown label among the batch's many).
 */
export function collectSpeakers(rows: readonly BatchRow[]): SpeakerSummary[] {
  const bySpeaker = new Map<string, { turns: number; files: Set<string> }>();
  const participantSomewhere = new Set<string>();
  for (const row of rows) {
    if (!row.include || !row.prepared) continue;
    const inFile = new Set<string>();
    for (const turn of row.prepared.turns) {
      if (turn.speaker === null) continue;
      inFile.add(turn.speaker);
      const entry = bySpeaker.get(turn.speaker) ?? { turns: 0, files: new Set<string>() };
      entry.turns += 1;
      entry.files.add(row.key);
      bySpeaker.set(turn.speaker, entry);
    }
    for (const [speaker, role] of Object.entries(proposeSpeakerRoles([...inFile])))
      if (role === 'participant') participantSomewhere.add(speaker);
  }
  const names = [...bySpeaker.keys()];
  const proposed = proposeSpeakerRoles(names);
  for (const speaker of participantSomewhere) if (proposed[speaker] === 'other') proposed[speaker] = 'participant';
  return names
    .map((speaker) => ({
      speaker,
      turns: bySpeaker.get(speaker)!.turns,
      files: bySpeaker.get(speaker)!.files.size,
      proposed: proposed[speaker] ?? 'other',
    }))
    .sort((a, b) => b.turns - a.turns || a.speaker.localeCompare(b.speaker));
}

/** Why the batch cannot be imported yet; empty when it can. */
export function batchProblems(rows: readonly BatchRow[]): string[] {
  const problems: string[] = [];
  for (const row of rows) {
    if (row.status === 'error') problems.push(`${row.message.replace(/\.?$/, '.')} Drop this file or fix it and add it again.`);
  }
  if (!rows.some((r) => r.include && r.prepared)) problems.push('No file in this batch is selected for import.');
  return problems;
}

/** The batch without its bad files (unreadable, empty, too large…), in one step. */
export function dropBadFiles(rows: readonly BatchRow[]): BatchRow[] {
  return rows.filter((row) => row.status !== 'error');
}

/** Why Import is disabled, in one line for beside the button; null when it is not. */
export function importBlockedBecause(rows: readonly BatchRow[]): string | null {
  if (rows.length === 0) return 'Choose or drop transcript files first.';
  const bad = rows.filter((row) => row.status === 'error').map((row) => row.fileName);
  if (bad.length > 0) {
    const one = bad.length === 1;
    const names = bad.length > 3 ? `${bad.slice(0, 3).join(', ')} and ${bad.length - 3} more` : bad.join(', ');
    return `${bad.length} ${one ? 'file cannot' : 'files cannot'} be read (${names}): drop ${one ? 'it' : 'them'} (Drop all bad files) or fix ${one ? 'it' : 'them'} and add ${one ? 'it' : 'them'} again.`;
  }
  if (!rows.some((row) => row.include && row.prepared)) return 'No file is ticked for import (duplicates start unticked).';
  return null;
}

export interface BatchImport {
  newParticipants: Participant[];
  sources: Source[];
}

/** Records to write in one transaction. Pure: ids and clock come from the caller. */
export function buildImport(
  rows: readonly BatchRow[],
  speakerRoles: Readonly<Record<string, SpeakerRole>>,
  participants: readonly Participant[],
  newId: () => string,
  now: number,
): BatchImport {
  const problems = batchProblems(rows);
  if (problems.length > 0) throw new Error(problems.join('\n'));
  const created: Participant[] = [];
  const sources: Source[] = [];
  for (const row of rows) {
    if (!row.include || !row.prepared) continue;
    let participantId: string | null = null;
    const name = row.participantName.trim();
    if (name) {
      const found = findParticipant(participants, name) ?? findParticipant(created, name);
      if (found) participantId = found.id;
      else {
        const p = newParticipant(newId(), name, row.roleHint ?? '');
        created.push(p);
        participantId = p.id;
      }
    }
    const file = row.prepared;
    sources.push({
      id: newId(),
      participantId,
      wave: row.waveId,
      title: file.title ?? titleFromFileName(file.fileName),
      text: file.text,
      turns: file.turns.map((t) => ({
        ...t,
        speakerRole: t.speaker === null ? 'participant' : (speakerRoles[t.speaker] ?? 'other'),
      })),
      ...(file.sections ? { sections: file.sections } : {}),
      origin: { fileName: file.fileName, format: file.format, sha256: file.sha256, importedAt: now },
    });
  }
  return { newParticipants: created, sources };
}

export function titleFromFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return base.replace(/\.[^.]+$/, '') || base;
}

/** "2 sections (headings kept apart from the text): Part 1, Part 2." */
function sectionsNote(sections: readonly Section[]): string {
  const n = sections.length;
  const names = sections.slice(0, 3).map((s) => `“${s.title}”`);
  const more = n > 3 ? ` and ${n - 3} more` : '';
  return `${n} section${n === 1 ? '' : 's'} (headings kept apart from the text): ${names.join(', ')}${more}.`;
}
