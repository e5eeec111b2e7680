// ProjectSnapshot -> project.qde (REFI-QDA 1.5, Project-mrt2019.xsd). The mapping:
//   coders -> Users; codes -> CodeBook (definition parts in Description, see codesXml);
//   participants -> Cases with Role, Site, Group and attributes as Variables;
//   transcripts -> TextSources (plain text in sources/, positions in code points) with the
//   wave and the speakers' roles as Variables; the files they came from -> one project Note
//   (provenanceNote.ts); their recordings -> AudioSources and VideoSources whose Transcript is
//   the same text file, its times as SyncPoints (mediaXml.ts);
//   each coding -> one PlainTextSelection holding one Coding (memo as Description);
//   memos -> Notes, each text both inline and as a file in sources/ (plainTextPath: QualCoder
//   reads only that), referenced from what they are about (a participant through a Link, as
//   Cases cannot hold NoteRefs), except a memo titled "Description" (one per transcript or
//   participant; "Project description" for the project), which is that element's Description,
//   as it came from another tool; participant links -> Links; waves -> Sets of sources; the
//   project's sets -> Sets of codes and sources;
//   the consensus layer's user -> named in a project Note (consensusNote.ts).
// Nothing the project does not hold: no colour the app merely assigned, a built-in variable
// only where some value is set, wave sets only when the project uses waves.
// Output is a function of the snapshot alone (no clock, no random ids): the same project
// always gives the same bytes, which makes backups comparable.
import { DEFAULT_ROLES, DEFAULT_WAVES, GROUPS, live, type Coding, type Memo, type ProjectSnapshot, type Source } from '../../core/shared';
import { codesXml } from './codesXml';
import { mediaSourceXml } from './mediaXml';
import { CONSENSUS_NOTE_GUID, CONSENSUS_NOTE_NAME, consensusNoteText } from './consensusNote';
import { PROVENANCE_NOTE_GUID, PROVENANCE_NOTE_NAME, provenanceNoteText } from './provenanceNote';
import { derivedGuid, guidFor } from './guid';
import { toCodePoints } from './positions';
import {
  attributeDescription,
  attributeType,
  BUILTIN_VARIABLES,
  inferAttributeDefs,
  rolesDescription,
  variableGuid,
  variableValueXml,
  type VariableType,
} from './variablesXml';
import { attrs, escapeAttr, escapeText, textElement } from './xml';

export const PROJECT_NAMESPACE = 'urn:QDA-XML:project:1.0';
export const ORIGIN = 'Mirabal Workbench';

/**
 * How selection positions are counted. The standard says Unicode code points; NVivo's own
 * files count UTF-16 code units of the text as written, so an export meant for NVivo counts
 * those (an emoji is 2). The origin attribute says which, so our own import reads either.
 */
export type ExportPositions = 'codepoints' | 'utf16';
export const NVIVO_ORIGIN_SUFFIX = ' (positions in UTF-16 units, for NVivo)';

export interface ExportOptions {
  positions?: ExportPositions;
}

export function sourcePath(source: Source): string {
  return `${guidFor('source', source.id)}.txt`;
}

/** Where a source's rich-text original goes in the archive (under sources/). */
export function richTextFile(source: Source): string {
  return `${guidFor('source', source.id)}.docx`;
}

/** A Note of the export: a memo, or one of the app's own project notes. */
export interface NoteOut {
  guid: string;
  name?: string;
  text: string;
  /** Always set: QualCoder's import stops at a Note without a date. */
  modified: string;
  /**
   * A memo on a transcript: a selection of the whole text inside the Note. QualCoder reads a
   * Note a TextSource refers to only as an annotation of such a selection, and drops it without.
   */
  wholeSource?: { guid: string; end: number };
}

/** Where a Note's text goes in the archive (under sources/, as plainTextPath internal:// says). */
export function notePath(note: NoteOut): string {
  return `${note.guid}.txt`;
}

const DESCRIPTION_TITLE = { source: 'Description', participant: 'Description', project: 'Project description' } as const;

/** The memos that go out as Descriptions (what the import makes of one), by target and id. */
function descriptionMemos(memos: readonly Memo[]): Map<string, Memo> {
  const out = new Map<string, Memo>();
  for (const m of memos) {
    if (m.target !== 'source' && m.target !== 'participant' && m.target !== 'project') continue;
    const key = `${m.target}:${m.targetId ?? ''}`;
    if (m.title === DESCRIPTION_TITLE[m.target] && !out.has(key)) out.set(key, m);
  }
  return out;
}

/** The memos that go out as Notes (all but the Descriptions), in the project's order. */
function noteMemos(memos: readonly Memo[]): Memo[] {
  const described = new Set(descriptionMemos(memos).values());
  return memos.filter((m) => !described.has(m));
}

/** Every Note of the export: the memos', then the app's own project notes. */
export function projectNotes(project: ProjectSnapshot, options: ExportOptions = {}): NoteOut[] {
  const sources = new Map(live(project.sources).map((s) => [s.id, s]));
  // The app's own notes are dated by the project's latest import: a real date, and the same each time.
  const latest = Math.max(0, ...[...sources.values()].map((s) => s.origin.importedAt).filter(Number.isFinite));
  const projectDate = iso(latest) ?? '2000-01-01T00:00:00.000Z';
  const notes: NoteOut[] = noteMemos(live(project.memos ?? [])).map((m) => {
    const source = m.target === 'source' && m.targetId ? sources.get(m.targetId) : undefined;
    const end = source ? (options.positions === 'utf16' ? source.text.length : [...source.text].length) : 0;
    return {
      guid: guidFor('memo', m.id),
      name: m.title || undefined,
      text: m.text,
      modified: iso(m.updatedAt) ?? projectDate,
      ...(source ? { wholeSource: { guid: derivedGuid(`memo-selection:${m.id}`), end } } : {}),
    };
  });
  const provenance = provenanceNoteText([...sources.values()]);
  if (provenance) notes.push({ guid: PROVENANCE_NOTE_GUID, name: PROVENANCE_NOTE_NAME, text: provenance, modified: projectDate });
  const consensus = consensusNoteText(project.coders);
  if (consensus) notes.push({ guid: CONSENSUS_NOTE_GUID, name: CONSENSUS_NOTE_NAME, text: consensus, modified: projectDate });
  return notes;
}

function sameList<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): boolean {
  return a.length === b.length && a.every((x, i) => same(x, b[i]!));
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function iso(ms: number | undefined): string | undefined {
  if (ms === undefined || !Number.isFinite(ms)) return undefined;
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** The speakers' roles, or null when there are none or all are 'other' (what an import assumes). */
function speakerRoles(source: Source): Record<string, string> | null {
  const roles: Record<string, string> = {};
  for (const turn of source.turns) if (turn.speaker !== null && turn.speakerRole) roles[turn.speaker] = turn.speakerRole;
  return Object.values(roles).some((r) => r !== 'other') ? roles : null;
}

const MORE_SPACE = /[^\S ]| {2}/;

/** A short preview of the passage, as other tools name their selections. */
function selectionName(text: string, start: number, end: number): string {
  const slice = text.slice(start, Math.min(end, start + 200));
  // Most passages hold single spaces only: no new string to make of them.
  const passage = (MORE_SPACE.test(slice) ? slice.replace(/\s+/g, ' ') : slice).trim();
  if (passage.length <= 60 && end - start <= 200) return passage;
  // The first 60 characters (code points, so no emoji is cut in half), without an array of them.
  let at = 0;
  for (let n = 0; n < 60 && at < passage.length; n++) at += (passage.codePointAt(at) ?? 0) > 0xffff ? 2 : 1;
  return `${passage.slice(0, at)}…`;
}

/** project.qde; `notes` are projectNotes(project, options), passed when the caller has them. */
export function writeProjectXml(project: ProjectSnapshot, options: ExportOptions = {}, notes = projectNotes(project, options)): string {
  const parts: string[] = [];
  for (const _source of projectXmlSteps((text) => parts.push(text), project, options, notes));
  return parts.join('');
}

/**
 * project.qde written piece by piece to `part` (so 200 MB of it need not be one string), in
 * steps: the writer stops after each source's element and yields that source, so its caller
 * can hand the source's text on, tell the progress, or let its thread hear its messages.
 */
export function* projectXmlSteps(
  part: (text: string) => void,
  project: ProjectSnapshot,
  options: ExportOptions,
  notes: NoteOut[],
): Generator<Source, void, undefined> {
  const utf16 = options.positions === 'utf16';
  const participants = live(project.participants);
  const sources = live(project.sources);
  const codes = live(project.codes);
  const allMemos = live(project.memos ?? []);
  const described = descriptionMemos(allMemos);
  const description = (target: Memo['target'], id: string | null) => {
    const memo = described.get(`${target}:${id ?? ''}`);
    return memo ? textElement('Description', memo.text) : '';
  };
  const memos = noteMemos(allMemos);
  const sourceIds = new Set(sources.map((s) => s.id));
  const codeIds = new Set(codes.map((c) => c.id));
  const codings = live(project.codings).filter((c) => sourceIds.has(c.sourceId) && codeIds.has(c.codeId));
  const coderIds = new Set(project.coders.map((c) => c.id));
  // A coding whose coder record is missing still needs a User to point at.
  const coders = [...project.coders];
  for (const c of codings) {
    if (!coderIds.has(c.coderId)) {
      coderIds.add(c.coderId);
      coders.push({ id: c.coderId, name: `Coder ${c.coderId}`, colour: '' });
    }
  }
  const memosOn = (target: Memo['target']) => {
    const map = new Map<string | null, Memo[]>();
    for (const m of memos) if (m.target === target) push(map, m.targetId, m);
    return map;
  };
  const noteRefs = (list: Memo[] | undefined) => (list ?? []).map((m) => `<NoteRef targetGUID="${guidFor('memo', m.id)}"/>`).join('');
  const codeNotes = new Map([...memosOn('code')].map(([id, list]) => [id ?? '', list.map((m) => guidFor('memo', m.id))]));
  const sourceMemos = memosOn('source');
  const codingMemos = memosOn('coding');

  const out = { push: part };
  out.push(
    `<?xml version="1.0" encoding="utf-8"?>\n<Project${attrs({ xmlns: PROJECT_NAMESPACE, name: project.name ?? 'Project', origin: utf16 ? ORIGIN + NVIVO_ORIGIN_SUFFIX : ORIGIN })}>`,
  );
  if (coders.length)
    out.push(`<Users>${coders.map((c) => `<User${attrs({ guid: guidFor('coder', c.id), name: c.name })}/>`).join('')}</Users>`);
  const codebook = codesXml(codes, codeNotes);
  if (codebook) out.push(`<CodeBook>${codebook}</CodeBook>`);

  const roles = project.roles ?? DEFAULT_ROLES;
  const defaultRoles = sameList(roles, DEFAULT_ROLES, (a, b) => a.id === b.id && a.label === b.label);
  const defs = inferAttributeDefs(project);
  const defTypes = defs.map((def) =>
    attributeType(
      def,
      participants.map((p) => p.attributes[def.name]),
    ),
  );
  const B = BUILTIN_VARIABLES;
  const variable = (name: string, type: VariableType, builtin: boolean, description: string) =>
    `<Variable${attrs({ guid: variableGuid(name, builtin), name, typeOfVariable: type })}>${textElement('Description', description)}</Variable>`;
  // A built-in variable only where the project sets it (the Role's also for a role list of its own).
  const variables =
    (participants.some((p) => p.role) || !defaultRoles ? variable(B.role, 'Text', true, rolesDescription(roles)) : '') +
    (participants.some((p) => p.site) ? variable(B.site, 'Text', true, 'Site (Cases)') : '') +
    (participants.some((p) => p.group) ? variable(B.group, 'Text', true, 'Programme or comparison group (Cases)') : '') +
    (sources.some((s) => s.wave) ? variable(B.wave, 'Text', true, 'Interview wave, e.g. Time 1 (Sources)') : '') +
    (sources.some((s) => speakerRoles(s)) ? variable(B.speakers, 'Text', true, 'Speaker labels and their roles as JSON (Sources)') : '') +
    defs.map((def, i) => variable(def.name, defTypes[i]!, false, attributeDescription(def.type))).join('');
  if (variables) out.push(`<Variables>${variables}</Variables>`);

  // A case's values, also written on each of its transcripts: QualCoder reads no SourceRef, and
  // shows a case's attributes beside a transcript only as the transcript's own.
  const caseValues = new Map<string, string>();
  if (participants.length) {
    const sourcesOf = new Map<string, Source[]>();
    for (const s of sources) if (s.participantId) push(sourcesOf, s.participantId, s);
    out.push('<Cases>');
    for (const p of participants) {
      let inner = '';
      const role = roles.find((r) => r.id === p.role);
      if (p.role) inner += variableValueXml(variableGuid(B.role, true), 'Text', role?.label ?? p.role);
      if (p.site) inner += variableValueXml(variableGuid(B.site, true), 'Text', p.site);
      if (p.group) inner += variableValueXml(variableGuid(B.group, true), 'Text', GROUPS.find((g) => g.id === p.group)?.label ?? p.group);
      defs.forEach((def, i) => {
        const value = p.attributes[def.name];
        if (value !== null && value !== undefined && value !== '')
          inner += variableValueXml(variableGuid(def.name, false), defTypes[i]!, value);
      });
      caseValues.set(p.id, inner);
      inner = description('participant', p.id) + inner;
      inner += (sourcesOf.get(p.id) ?? []).map((s) => `<SourceRef targetGUID="${guidFor('source', s.id)}"/>`).join('');
      out.push(`<Case${attrs({ guid: guidFor('participant', p.id), name: p.pseudonym })}>${inner}</Case>`);
    }
    out.push('</Cases>');
  }

  if (sources.length) {
    const codingsOf = new Map<string, Coding[]>();
    for (const c of codings) push(codingsOf, c.sourceId, c);
    const waves = new Map(project.waves.map((w) => [w.id, w.label]));
    out.push('<Sources>');
    const memo = (kind: string) => {
      const cache = new Map<string, string>();
      return (id: string) => cache.get(id) ?? cache.set(id, guidFor(kind, id)).get(id)!;
    };
    const guids = { coder: memo('coder'), code: memo('code') };
    for (const source of sources) {
      out.push(
        textSourceXml(
          source,
          description('source', source.id),
          codingsOf.get(source.id) ?? [],
          waves,
          sourceMemos.get(source.id),
          codingMemos,
          noteRefs,
          guids,
          utf16,
          (source.participantId && caseValues.get(source.participantId)) || '',
        ),
      );
      yield source;
    }
    // Recordings after every text: an importer meets the TextSource its Transcript shares first.
    const mediaOf = new Map((project.media ?? []).map((m) => [m.sourceId, m]));
    for (const source of sources) {
      const media = mediaOf.get(source.id);
      if (media) out.push(mediaSourceXml(source, media, `internal://${sourcePath(source)}`, utf16));
    }
    out.push('</Sources>');
  }

  if (notes.length) {
    out.push('<Notes>');
    for (const n of notes) {
      const whole = n.wholeSource
        ? `<PlainTextSelection${attrs({ guid: n.wholeSource.guid, startPosition: 0, endPosition: n.wholeSource.end })}/>`
        : '';
      out.push(
        `<Note${attrs({ guid: n.guid, name: n.name, plainTextPath: `internal://${notePath(n)}`, modifiedDateTime: n.modified })}>${textElement('PlainTextContent', n.text)}${whole}</Note>`,
      );
    }
    out.push('</Notes>');
  }

  const participantIds = new Set(participants.map((p) => p.id));
  const links: string[] = [];
  for (const p of participants) {
    for (const link of p.links) {
      if (!participantIds.has(link.participantId)) continue;
      const origin = guidFor('participant', p.id);
      const target = guidFor('participant', link.participantId);
      links.push(
        `<Link${attrs({ guid: derivedGuid(`link:${origin}:${link.type}:${target}`), name: link.type, direction: 'OneWay', originGUID: origin, targetGUID: target })}/>`,
      );
    }
  }
  for (const m of memos) {
    if (m.target !== 'participant' || !m.targetId || !participantIds.has(m.targetId)) continue;
    const note = guidFor('memo', m.id);
    links.push(
      `<Link${attrs({ guid: derivedGuid(`memo-link:${note}`), name: 'Memo', direction: 'OneWay', originGUID: note, targetGUID: guidFor('participant', m.targetId) })}/>`,
    );
  }
  if (links.length) out.push(`<Links>${links.join('')}</Links>`);

  // The default waves of a project that puts no transcript in any are not the project's own.
  const defaultWaves = sameList(project.waves, DEFAULT_WAVES, (a, b) => a.id === b.id && a.label === b.label && a.order === b.order);
  const waveSets = project.waves.length > 0 && !(defaultWaves && !sources.some((s) => s.wave));
  const projectSets = project.sets ?? [];
  if (waveSets || projectSets.length) out.push('<Sets>');
  if (waveSets) {
    for (const wave of project.waves) {
      const members = sources
        .filter((s) => s.wave === wave.id)
        .map((s) => `<MemberSource targetGUID="${guidFor('source', s.id)}"/>`)
        .join('');
      out.push(
        `<Set${attrs({ guid: derivedGuid(`wave:${wave.id}`), name: wave.label })}>${textElement('Description', `Wave id: ${wave.id}`)}${members}</Set>`,
      );
    }
  }
  // The project's own sets: live members only, codes before sources as the schema orders them.
  for (const set of projectSets) {
    const codeMembers = set.codeIds.filter((id) => codeIds.has(id)).map((id) => `<MemberCode targetGUID="${guidFor('code', id)}"/>`);
    const sourceMembers = set.sourceIds
      .filter((id) => sourceIds.has(id))
      .map((id) => `<MemberSource targetGUID="${guidFor('source', id)}"/>`);
    out.push(
      `<Set${attrs({ guid: guidFor('set', set.id), name: set.name })}>${set.description ? textElement('Description', set.description) : ''}${codeMembers.join('')}${sourceMembers.join('')}</Set>`,
    );
  }
  if (waveSets || projectSets.length) out.push('</Sets>');
  out.push(description('project', null));
  out.push(noteRefs(memosOn('project').get(null)));
  for (const n of notes)
    if (n.guid === PROVENANCE_NOTE_GUID || n.guid === CONSENSUS_NOTE_GUID) out.push(`<NoteRef targetGUID="${n.guid}"/>`);
  out.push('</Project>\n');
}

function textSourceXml(
  source: Source,
  description: string,
  codings: Coding[],
  waves: Map<string, string>,
  memos: Memo[] | undefined,
  codingMemos: Map<string | null, Memo[]>,
  noteRefs: (list: Memo[] | undefined) => string,
  guids: { coder(id: string): string; code(id: string): string },
  utf16: boolean,
  caseValues: string,
): string {
  const sorted = [...codings].sort((a, b) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : 1));
  // The text file holds the canonical text (LF line breaks), whose UTF-16 offsets are ours.
  const points = utf16 ? sorted : toCodePoints(source.text, sorted);
  let inner = description;
  // The hot loop of an export (40,000 codings): GUIDs, numbers and dates need no escaping, so
  // only the selection's name goes through escapeAttr.
  sorted.forEach((c, i) => {
    const user = guids.coder(c.coderId);
    const created = iso(c.createdAt);
    const createdAttr = created ? ` creationDateTime="${created}"` : '';
    // Most codings were never changed: one date made, not two (800,000 at ten times the study).
    const modified = c.updatedAt === c.createdAt ? created : iso(c.updatedAt);
    inner +=
      `<PlainTextSelection guid="${derivedGuid(`selection:${c.id}`)}" name="${escapeAttr(selectionName(source.text, c.start, c.end))}"` +
      ` startPosition="${points[i]!.start}" endPosition="${points[i]!.end}" creatingUser="${user}"${createdAttr}${modified ? ` modifiedDateTime="${modified}"` : ''}>` +
      (c.memo ? `<Description>${escapeText(c.memo)}</Description>` : '') +
      `<Coding guid="${guidFor('coding', c.id)}" creatingUser="${user}"${createdAttr}><CodeRef targetGUID="${guids.code(c.codeId)}"/>${noteRefs(codingMemos.get(c.id))}</Coding>` +
      '</PlainTextSelection>';
  });
  inner += noteRefs(memos);
  const guid = guidFor('source', source.id);
  const wave = source.wave ? (waves.get(source.wave) ?? source.wave) : null;
  if (wave) inner += variableValueXml(variableGuid(BUILTIN_VARIABLES.wave, true), 'Text', wave);
  const roles = speakerRoles(source);
  if (roles) inner += variableValueXml(variableGuid(BUILTIN_VARIABLES.speakers, true), 'Text', JSON.stringify(roles));
  inner += caseValues;
  const richTextPath = source.originalDocx ? `internal://${richTextFile(source)}` : undefined;
  return `<TextSource${attrs({ guid, name: source.title, richTextPath, plainTextPath: `internal://${sourcePath(source)}`, creationDateTime: iso(source.origin.importedAt) })}>${inner}</TextSource>`;
}
