// project.qde (+ the archive's plain-text files) -> ProjectSnapshot, tolerant of what real
// tools write and strict about what would corrupt a project. Tolerated and reported: upper
// case or braced GUIDs, repeated GUIDs, old namespaces, missing or empty text files, sources
// and selections we cannot hold (pictures, PDFs areas, audio, video), sets, graphs. Refused,
// with nothing imported: references to GUIDs the file never defines, selections outside
// their text. Whatever is not kept is named in `warnings`; nothing is dropped silently.
// The project note naming the consensus layer's user flags that coder (consensusNote.ts).
import {
  DEFAULT_ROLES,
  DEFAULT_WAVES,
  type AttributeDef,
  type Memo,
  type Participant,
  type ProjectSet,
  type ProjectSnapshot,
  type RoleDef,
  type SpeakerRole,
  type Wave,
} from '../../core/shared';
import { detectTurns } from '../../core/transcripts';
import { ImportError } from '../errors';
import { consensusUsersOf, markConsensus } from './consensusNote';
import { readGuid } from './guid';
import { readProvenanceNote } from './provenanceNote';
import { ATTRIBUTE_TYPE, BUILTIN_VARIABLES, groupFor, parseSpeakerRoles, roleFor, typedValue } from './variablesXml';
import { attr, child, children, parseXml, textOf, type XmlNode } from './xml';
import { plural, time } from './qdeReader';
import { resolveMedia } from './qdeMedia';
import { SOURCE_TAGS, SourcesReading, type VariableDef } from './qdeSources';

export interface ReadContext {
  fileName: string;
  /** The raw text of an archive entry named by a plainTextPath, or undefined when absent. */
  entryText: (path: string) => { text: string; lossy: boolean } | undefined;
  /** The bytes of an archive entry (a rich-text original), or undefined when absent. */
  entryBytes: (path: string) => Uint8Array | undefined;
  newId: () => string;
  now: number;
}

const PROVENANCE = /^Imported from "(.*)" \(([^,()]*)(?:, SHA-256 ([0-9a-f]{64}))?\)$/s;

/** What the schema puts before <Sources>, and a source's reading needs. */
const BEFORE_SOURCES = new Set(['Users', 'CodeBook', 'Variables']);

/**
 * Reads project.qde. Each source is read as its element closes and left out of the tree, so
 * the selections of 3,500 transcripts are never all in memory as XML nodes (xmlTree.ts). That
 * needs the users, codebook and variables first, where the schema puts them; a file that has
 * them after its sources is read again as a whole tree.
 */
export function readProject(
  xml: string,
  where: string,
  ctx: ReadContext,
  onProgress?: (share: number) => void,
): { project: ProjectSnapshot; warnings: string[] } {
  let reading = new SourcesReading(ctx, xml);
  let outOfOrder = false;
  let root = parseXml(xml, ctx.fileName, where, {
    onProgress,
    onElement: (path, node, ancestors) => {
      if (path[0] !== 'Project') return true;
      if (path.length === 2 && reading.begun && BEFORE_SOURCES.has(path[1]!)) outOfOrder = true;
      if (outOfOrder || path.length !== 3 || path[1] !== 'Sources' || !SOURCE_TAGS.has(path[2]!)) return true;
      // A source with neither attributes nor children is its text: read all the same (and reported).
      reading.source(path[2]!, typeof node === 'string' ? { '#text': node } : node, ancestors[0]!);
      return false;
    },
  });
  if (outOfOrder) {
    reading = new SourcesReading(ctx, xml);
    root = parseXml(xml, ctx.fileName, where);
  }
  const project = child(root, 'Project');
  if (!project) throw new ImportError(ctx.fileName, 'is not a REFI-QDA project (its .qde has no <Project> element)');
  if (!reading.begun) {
    const sourcesNode = child(project, 'Sources');
    for (const tag of SOURCE_TAGS) for (const node of children(sourcesNode, tag)) reading.source(tag, node, project);
  }
  reading.begin(project);
  return finishProject(project, xml, ctx, reading);
}

function finishProject(
  project: XmlNode,
  xml: string,
  ctx: ReadContext,
  reading: SourcesReading,
): { project: ProjectSnapshot; warnings: string[] } {
  const origin = attr(project, 'origin');
  // Recordings first: a Transcript with a text of its own adds a source.
  const mediaWarnings = resolveMedia(reading.media, reading.byTextPath, ctx, origin, (t) => reading.readTranscript(t));
  const { r, sink, sources, sourceByGuid, sourceVariables, descriptions, skipped, codes, variables, fileRoles } = reading;
  const valuesOf = (node: XmlNode, where: string) => reading.valuesOf(node, where);
  if (sink.missing.length) {
    r.warnings.push(
      `${plural(sink.missing.length, 'text source')} not imported because the archive does not hold its text: ${sink.missing.join('; ')}.`,
    );
  }
  r.warnings.push(...mediaWarnings);
  for (const [what, n] of Object.entries(skipped))
    r.warnings.push(`${plural(n, what)} not imported: this workbench holds text transcripts only.`);
  if (sink.switched.length)
    r.warnings.push(
      `Selection positions did not fit the model ${origin ?? 'this tool'} uses, so another fitted better: ${sink.switched.join('; ')}.`,
    );
  if (sink.doubtful.length)
    r.warnings.push(`Check the codings of these sources: their positions may be shifted. ${sink.doubtful.join('; ')}.`);
  if (sink.adjusted)
    r.warnings.push(
      `${plural(sink.adjusted, 'selection end')} fell inside a line break or a character and moved to the nearest whole character.`,
    );
  if (sink.emptySelections) r.warnings.push(`${plural(sink.emptySelections, 'coding')} on empty selections not imported.`);
  if (sink.richMissing.length)
    r.warnings.push(
      `${plural(sink.richMissing.length, 'rich-text original')} named but not in the archive (the plain text was imported): ${sink.richMissing.join('; ')}.`,
    );
  if (sink.uncodedNotes) r.warnings.push(`${plural(sink.uncodedNotes, 'selection')} with a comment but no code not imported.`);

  // Waves: our own sets say "Wave id: …"; a Wave variable or a set named like a wave assigns.
  const waves: Wave[] = [];
  const sets = children(child(project, 'Sets'), 'Set');
  const waveOf = (label: string): Wave => {
    const key = label.trim().toLowerCase();
    let wave = waves.find((w) => w.label.toLowerCase() === key || w.id.toLowerCase() === key);
    if (!wave) {
      wave = { id: label.trim(), label: label.trim(), order: waves.length };
      waves.push(wave);
    }
    return wave;
  };
  for (const set of sets) {
    const m = /^Wave id: (.+)$/.exec(textOf(set, 'Description') ?? '');
    if (m && !waves.some((w) => w.id === m[1])) waves.push({ id: m[1]!, label: (attr(set, 'name') ?? m[1]!).trim(), order: waves.length });
  }
  const waveVariable = (name: string) => name.toLowerCase() === BUILTIN_VARIABLES.wave.toLowerCase();
  const speakersVariable = (name: string) => name.toLowerCase() === BUILTIN_VARIABLES.speakers.toLowerCase();
  // Our export repeats a case's values on its transcripts (for QualCoder); the case keeps them.
  const caseVariable = (def: VariableDef) => def.declared !== undefined || ['role', 'site', 'group'].includes(def.name.toLowerCase());
  const unkept = new Set<string>();
  for (const source of sources) {
    const roles: Record<string, SpeakerRole> = {};
    for (const { def, value } of sourceVariables.get(source.id) ?? []) {
      if (!def.declared && waveVariable(def.name) && value !== null && String(value).trim()) source.wave = waveOf(String(value)).id;
      else if (!def.declared && speakersVariable(def.name) && typeof value === 'string') Object.assign(roles, parseSpeakerRoles(value));
      else if (!caseVariable(def)) unkept.add(def.name);
    }
    source.turns = detectTurns(source.text).map((t) => ({
      ...t,
      speakerRole: t.speaker === null ? 'participant' : (roles[t.speaker] ?? 'other'),
    }));
  }
  const projectSets: ProjectSet[] = [];
  let noteMembers = 0;
  for (const set of sets) {
    const name = (attr(set, 'name') ?? '').trim();
    const description = textOf(set, 'Description') ?? '';
    const isWave = /^Wave id: /.test(description) || waves.some((w) => w.label.toLowerCase() === name.toLowerCase());
    const where = `Set "${name}"`;
    const members = children(set, 'MemberSource').map((m) => r.ref(attr(m, 'targetGUID'), sourceByGuid, 'source', where));
    const codeIds = children(set, 'MemberCode').flatMap((m) => r.codeFor(attr(m, 'targetGUID'), where) ?? []);
    for (const m of children(set, 'MemberNote')) r.checkDefined(attr(m, 'targetGUID'), 'note', where);
    if (isWave) {
      const wave = waveOf(name);
      for (const s of members) if (s && s.wave === null) s.wave = wave.id;
    } else {
      noteMembers += children(set, 'MemberNote').length;
      projectSets.push({
        id: r.idFor('set', attr(set, 'guid')),
        name: name || `Set ${projectSets.length + 1}`,
        description,
        sourceIds: [...new Set(members.flatMap((s) => (s ? [s.id] : [])))],
        codeIds: [...new Set(codeIds)],
      });
    }
  }
  if (noteMembers) r.warnings.push(`${plural(noteMembers, 'note')} listed in sets not kept in them: sets here hold transcripts and codes.`);
  if (unkept.size)
    r.warnings.push(
      `Source variables not kept (${[...unkept].map((n) => `"${n}"`).join(', ')}): transcripts carry only their wave and speakers here.`,
    );

  // Cases
  const roles: RoleDef[] = fileRoles ?? DEFAULT_ROLES.map((role) => ({ ...role }));
  const attributeDefs: AttributeDef[] = [];
  const participants: Participant[] = [];
  const participantByGuid = new Map<string, Participant>();
  const unknownGroups = new Set<string>();
  let caseCodings = 0;
  children(child(project, 'Cases'), 'Case').forEach((node, i) => {
    const id = r.idFor('participant', attr(node, 'guid'));
    const pseudonym = (attr(node, 'name') ?? '').trim() || `Case ${i + 1}`;
    const p: Participant = { id, pseudonym, role: '', site: '', group: '', attributes: {}, links: [] };
    const seen = new Set<string>();
    for (const { def, value } of valuesOf(node, `Case "${pseudonym}"`)) {
      const key = def.name.toLowerCase();
      const builtin = !seen.has(key) && ['role', 'site', 'group'].includes(key);
      seen.add(key);
      const text = value === null ? '' : String(value).trim();
      if (builtin && key === 'role') p.role = text ? roleFor(roles, text) : '';
      else if (builtin && key === 'site') p.site = text;
      else if (builtin && key === 'group') p.group = groupFor(text, unknownGroups);
      else {
        const type = def.declared ?? ATTRIBUTE_TYPE[def.type] ?? 'text';
        if (!attributeDefs.some((d) => d.name === def.name)) attributeDefs.push({ name: def.name, type });
        if (value !== null) p.attributes[def.name] = typedValue(value, type);
      }
    }
    for (const ref of children(node, 'SourceRef')) {
      const source = r.ref(attr(ref, 'targetGUID'), sourceByGuid, 'source', `Case "${pseudonym}"`);
      if (source && source.participantId === null) source.participantId = id;
    }
    caseCodings += children(node, 'CodeRef').length + children(node, 'SelectionRef').length;
    const description = textOf(node, 'Description');
    if (description) descriptions.set(id, description);
    participants.push(p);
    const guid = readGuid(attr(node, 'guid'));
    if (guid && !participantByGuid.has(guid)) participantByGuid.set(guid, p);
  });
  // Columns our export declared but no participant has a value in are columns all the same.
  for (const v of variables.values()) {
    if (v.declared && !attributeDefs.some((d) => d.name === v.name)) attributeDefs.push({ name: v.name, type: v.declared });
  }
  const columnOrder = new Map([...variables.values()].map((v) => [v.name, v.index]));
  attributeDefs.sort((a, b) => (columnOrder.get(a.name) ?? 0) - (columnOrder.get(b.name) ?? 0));
  if (unknownGroups.size)
    r.warnings.push(
      `Group values other than programme or comparison were left empty: ${[...unknownGroups].map((g) => `"${g}"`).join(', ')}.`,
    );
  if (caseCodings)
    r.warnings.push(`${plural(caseCodings, 'code or selection reference')} on cases not kept: codes here apply to passages.`);

  // Links: between cases they are participant links; from a note to a case, a participant memo.
  let otherLinks = 0;
  const noteGuids = new Set(
    children(child(project, 'Notes'), 'Note')
      .map((n) => readGuid(attr(n, 'guid')))
      .filter((g): g is string => g !== null),
  );
  for (const link of children(child(project, 'Links'), 'Link')) {
    const from = readGuid(attr(link, 'originGUID'));
    const to = readGuid(attr(link, 'targetGUID'));
    for (const [raw, g] of [
      [attr(link, 'originGUID'), from],
      [attr(link, 'targetGUID'), to],
    ] as const) {
      if (raw !== undefined && (!g || !r.knows(g)))
        r.fail(`a link ("${attr(link, 'name') ?? ''}") points at ${raw}, which the file does not define`);
    }
    const a = from ? participantByGuid.get(from) : undefined;
    const b = to ? participantByGuid.get(to) : undefined;
    if (a && b) a.links.push({ type: (attr(link, 'name') ?? '').trim() || 'linked to', participantId: b.id });
    else if (from && noteGuids.has(from) && b) {
      if (!r.noteTargets.has(from)) r.noteTargets.set(from, { target: 'participant', targetId: b.id });
    } else otherLinks++;
  }
  if (otherLinks) r.warnings.push(`${plural(otherLinks, 'link')} between other elements not kept.`);
  const graphs = children(child(project, 'Graphs'), 'Graph').length;
  if (graphs) r.warnings.push(`${plural(graphs, 'graph')} (network view) not kept.`);

  // Notes become memos on what refers to them; a note nothing refers to is a project memo.
  r.noteRefs(project, 'project', null);
  const memos: Memo[] = [];
  for (const note of children(child(project, 'Notes'), 'Note')) {
    const guid = readGuid(attr(note, 'guid'));
    const target = (guid && r.noteTargets.get(guid)) || { target: 'project' as const, targetId: null };
    const text = noteText(note, ctx) ?? textOf(note, 'Description') ?? '';
    const provenance = target.target === 'project' ? readProvenanceNote(attr(note, 'name'), text) : null;
    if (provenance) {
      // Not a memo: where each transcript came from (provenanceNote.ts).
      for (const [sourceGuid, origin] of provenance) {
        const source = sourceByGuid.get(sourceGuid);
        if (source) source.origin = { ...source.origin, ...origin };
      }
      continue;
    }
    const consensusUsers = target.target === 'project' ? consensusUsersOf(attr(note, 'name'), text) : null;
    if (consensusUsers) {
      // Not a memo: it marks the consensus layer (see consensusNote.ts).
      for (const raw of markConsensus(consensusUsers, r.coders)) {
        r.warnings.push(
          `The note on the consensus layer names a user (${raw}) who is not listed among the file's users; nobody was marked as the consensus layer for it.`,
        );
      }
      continue;
    }
    const id = r.idFor('memo', attr(note, 'guid'));
    memos.push({
      id,
      ...target,
      title: (attr(note, 'name') ?? '').trim(),
      text,
      updatedAt: time(attr(note, 'modifiedDateTime')) ?? time(attr(note, 'creationDateTime')) ?? ctx.now,
      deletedAt: null,
    });
  }
  // Descriptions: the original file of a transcript we exported, else a memo.
  for (const source of sources) {
    const d = descriptions.get(source.id);
    const m = d ? PROVENANCE.exec(d) : null;
    if (m) source.origin = { ...source.origin, fileName: m[1]!, format: m[2]!, sha256: m[3] ?? '' };
    else if (d)
      memos.push({
        id: ctx.newId(),
        target: 'source',
        targetId: source.id,
        title: 'Description',
        text: d,
        updatedAt: ctx.now,
        deletedAt: null,
      });
  }
  for (const p of participants) {
    const d = descriptions.get(p.id);
    if (d)
      memos.push({
        id: ctx.newId(),
        target: 'participant',
        targetId: p.id,
        title: 'Description',
        text: d,
        updatedAt: ctx.now,
        deletedAt: null,
      });
  }
  const description = textOf(project, 'Description');
  if (description)
    memos.push({
      id: ctx.newId(),
      target: 'project',
      targetId: null,
      title: 'Project description',
      text: description,
      updatedAt: ctx.now,
      deletedAt: null,
    });
  r.repeatedWarning();

  return {
    project: {
      name: (attr(project, 'name') ?? '').trim() || undefined,
      waves: waves.length ? waves : DEFAULT_WAVES.map((w) => ({ ...w })),
      participants,
      sources,
      codes,
      codings: sink.codings,
      coders: dedupeById([...r.coders.values()]),
      memos,
      roles,
      attributeDefs,
      ...(projectSets.length ? { sets: projectSets } : {}),
    },
    warnings: r.warnings,
  };
}

/** A Note's text: inline, or in the archive's file its plainTextPath names (as QualCoder writes it). */
function noteText(note: XmlNode, ctx: ReadContext): string | undefined {
  const inline = textOf(note, 'PlainTextContent');
  if (inline !== undefined) return inline;
  const path = attr(note, 'plainTextPath')?.trim();
  if (!path || /^(relative|absolute):\/\//i.test(path)) return undefined;
  const entry = ctx.entryText(path.replace(/^internal:\/\//i, ''));
  if (!entry) return undefined;
  const text = entry.text.charCodeAt(0) === 0xfeff ? entry.text.slice(1) : entry.text;
  return text.replace(/\r\n?/g, '\n');
}

function dedupeById<T extends { id: string }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(item.id) && Boolean(seen.add(item.id)));
}
