// Reading the parts of a project.qde that carry coding: users, the codebook, and text sources
// with their selections (positions converted per source). readProject (qdeRead.ts) puts the
// project together from these.
import { type Coder, type Coding, type Memo, type Source } from '../../core/shared';
import { PALETTE } from '../../core/codebook';
import { toBase64 } from '../base64';
import { canonicalNewlines } from '../decode';
import { ImportError } from '../errors';
import { readCodes } from './codesXml';
import { isForeignId, readGuid } from './guid';
import { chooseModel, MODEL_LABELS, toCanonical, type Range } from './positions';
import { NVIVO_ORIGIN_SUFFIX, ORIGIN } from './qdeWrite';
import { attr, child, children, textOf, type XmlNode } from './xml';
import type { ReadContext } from './qdeRead';

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function time(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

function int(value: string | undefined): number | null {
  if (value === undefined || !/^\s*[+-]?\d+\s*$/.test(value)) return null;
  return parseInt(value, 10);
}

/**
 * Every GUID the file defines, whatever element it is on: references to others dangle. An id
 * that is not a GUID defines its UUID v5 (readGuid); those are listed in `foreign`.
 */
export function definedGuids(xml: string): { defined: Set<string>; foreign: Map<string, string> } {
  const defined = new Set<string>();
  const foreign = new Map<string, string>();
  for (const m of xml.matchAll(/\sguid\s*=\s*"([^"]*)"/g)) {
    const g = readGuid(m[1]);
    if (!g) continue;
    defined.add(g);
    if (isForeignId(m[1])) foreign.set(m[1]!.trim(), g);
  }
  return { defined, foreign };
}

export class Reader {
  readonly warnings: string[] = [];
  private readonly fileName: string;
  private readonly defined: Set<string>;
  /** Ids of the file that are not GUIDs -> the UUID v5 each was read as. */
  readonly foreignIds: Map<string, string>;
  readonly coders = new Map<string, Coder>();
  private codeByGuid = new Map<string, string>();
  /** Note GUID -> what refers to it, first reference wins. */
  readonly noteTargets = new Map<string, { target: Memo['target']; targetId: string | null }>();
  private usedIds = new Map<string, Set<string>>();
  private repeatedIds = 0;

  constructor(
    private readonly ctx: ReadContext,
    xml: string,
    private readonly origin: string | undefined,
  ) {
    this.fileName = ctx.fileName;
    const { defined, foreign } = definedGuids(xml);
    this.defined = defined;
    this.foreignIds = foreign;
  }

  fail(problem: string): never {
    throw new ImportError(this.fileName, problem);
  }

  /** An id for a record of `kind`: its GUID, or a fresh id when missing or already used. */
  idFor(kind: string, raw: string | undefined): string {
    const used = this.usedIds.get(kind) ?? new Set<string>();
    this.usedIds.set(kind, used);
    const guid = readGuid(raw);
    if (guid && !used.has(guid)) {
      used.add(guid);
      return guid;
    }
    if (guid) this.repeatedIds++;
    const id = this.ctx.newId();
    used.add(id);
    return id;
  }

  /** Resolves a reference; a GUID that no element in the file has is a broken file. */
  ref<T>(raw: string | undefined, map: Map<string, T>, what: string, where: string): T | undefined {
    const guid = readGuid(raw);
    if (guid && map.has(guid)) return map.get(guid);
    if (guid && this.defined.has(guid)) return undefined; // defined, but as something we did not keep
    this.fail(`${where} refers to ${what} ${raw ?? '(none)'}, which the file does not define`);
  }

  knows(guid: string): boolean {
    return this.defined.has(guid);
  }

  /** Fails unless some element of the file has this GUID. */
  checkDefined(raw: string | undefined, what: string, where: string): void {
    const guid = readGuid(raw);
    if (!guid || !this.defined.has(guid)) this.fail(`${where} refers to ${what} ${raw ?? '(none)'}, which the file does not define`);
  }

  noteRefs(node: XmlNode, target: Memo['target'], targetId: string | null): void {
    for (const ref of children(node, 'NoteRef')) {
      const guid = readGuid(attr(ref, 'targetGUID'));
      if (!guid || !this.defined.has(guid))
        this.fail(`a note reference (${attr(ref, 'targetGUID') ?? 'empty'}) points at nothing in the file`);
      if (!this.noteTargets.has(guid)) this.noteTargets.set(guid, { target, targetId });
    }
  }

  readUsers(project: XmlNode): void {
    children(child(project, 'Users'), 'User').forEach((user, i) => {
      const id = this.idFor('coder', attr(user, 'guid'));
      const name = (attr(user, 'name') ?? attr(user, 'id') ?? '').trim() || `User ${i + 1}`;
      this.coders.set(readGuid(attr(user, 'guid')) ?? id, { id, name, colour: PALETTE[i % PALETTE.length]! });
    });
  }

  /** The coder of a coding; an unknown user becomes a coder of its own rather than failing. */
  coderFor(raw: string | undefined): string {
    const guid = readGuid(raw) ?? 'unknown';
    const known = this.coders.get(guid);
    if (known) return known.id;
    const id = guid === 'unknown' ? this.ctx.newId() : guid;
    const coder = {
      id,
      name: guid === 'unknown' ? 'Unknown coder' : `Unknown user ${guid.slice(0, 8)}`,
      colour: PALETTE[this.coders.size % PALETTE.length]!,
    };
    this.coders.set(guid, coder);
    this.warnings.push(`Codings by a user the file does not list (${guid}) were given to a new coder "${coder.name}".`);
    return id;
  }

  readCodebook(project: XmlNode) {
    const result = readCodes(child(child(project, 'CodeBook'), 'Codes'), this.ctx.newId, this.warnings, this.fileName);
    this.codeByGuid = result.byGuid;
    for (const [codeId, notes] of result.noteRefs) {
      for (const n of notes) if (!this.noteTargets.has(n)) this.noteTargets.set(n, { target: 'code', targetId: codeId });
    }
    return result.codes;
  }

  codeFor(raw: string | undefined, where: string): string | undefined {
    return this.ref(raw, this.codeByGuid, 'code', where);
  }

  /** A TextSource (or a PDF's text Representation) with its selections. */
  readTextSource(node: XmlNode, title: string, sourceGuid: string | undefined, sink: SourceSink): Source | null {
    const label = `Source "${title}"`;
    const content = textOf(node, 'PlainTextContent');
    let raw: string;
    if (content !== undefined) raw = content;
    else {
      const path = attr(node, 'plainTextPath')?.trim() ?? '';
      const entry = /^(relative|absolute):\/\//i.test(path) ? undefined : this.ctx.entryText(path.replace(/^internal:\/\//i, ''));
      if (!entry) {
        const lost = children(node, 'PlainTextSelection').reduce((n, sel) => n + children(sel, 'Coding').length, 0);
        sink.missing.push(`${title} (${path || 'no path'}${lost ? `, ${plural(lost, 'coding')}` : ''})`);
        return null;
      }
      if (entry.lossy) this.warnings.push(`${label}: its text is not valid UTF-8 and was read as Windows-1252; check accented letters.`);
      raw = entry.text;
    }
    if (raw.charCodeAt(0) === 0xfeff) raw = raw.slice(1);
    const text = canonicalNewlines(raw);
    const id = this.idFor('source', sourceGuid);

    const selections = children(node, 'PlainTextSelection');
    const ranges: Range[] = selections.map((sel) => {
      const start = int(attr(sel, 'startPosition'));
      const end = int(attr(sel, 'endPosition'));
      if (start === null || end === null) this.fail(`${label}: selection ${attr(sel, 'guid') ?? ''} has no valid start and end positions`);
      return { start, end };
    });
    // Our own files count code points by construction, or UTF-16 units when made for NVivo:
    // nothing to guess.
    const own = this.origin?.startsWith(ORIGIN) ?? false;
    const ownModel = this.origin?.endsWith(NVIVO_ORIGIN_SUFFIX) ? ('utf16' as const) : ('codepoints' as const);
    const choice = own
      ? { ...toCanonical(raw, ranges, ownModel), model: ownModel, score: 1, switched: false, doubt: null, considered: [] }
      : chooseModel(raw, ranges, this.origin);
    if (choice.switched) {
      const preferred = choice.considered[0];
      sink.switched.push(
        `${title}: read as ${MODEL_LABELS[choice.model]} (${Math.round(choice.score * 100)}% of selection ends on word boundaries, against ${Math.round((preferred?.score ?? 0) * 100)}% as ${preferred ? MODEL_LABELS[preferred.model] : 'expected'})`,
      );
    }
    if (choice.doubt) {
      const ends = 2 * ranges.filter((r) => r.end > r.start).length;
      sink.doubtful.push(
        `${title}: read as ${MODEL_LABELS[choice.model]}, only ${Math.round(choice.score * 100)}% of its ${ends} selection ends fall on word boundaries (${Math.round(choice.doubt.score * 100)}% as ${MODEL_LABELS[choice.doubt.model]}), too few to decide`,
      );
    }
    sink.adjusted += choice.adjusted;
    const codings: Coding[] = [];
    selections.forEach((sel, i) => {
      const range = choice.ranges[i];
      const where = `${label}, selection ${attr(sel, 'name') ?? attr(sel, 'guid') ?? i + 1}`;
      if (!range)
        this.fail(`${where}: positions ${ranges[i]!.start}–${ranges[i]!.end} lie outside the text (${[...raw].length} characters)`);
      const selectionCodings = children(sel, 'Coding');
      if (range.start === range.end) {
        if (selectionCodings.length) sink.emptySelections += selectionCodings.length;
        return;
      }
      const memo = textOf(sel, 'Description') ?? '';
      const read: Coding[] = [];
      for (const coding of selectionCodings) {
        const c = this.readCoding(coding, sel, id, range, memo, where);
        if (c) read.push(c);
      }
      if (!selectionCodings.length && memo) sink.uncodedNotes++;
      // A note on a selection is about its codings.
      for (const c of read) this.noteRefs(sel, 'coding', c.id);
      for (const c of read) codings.push(c);
    });
    // A Coding directly on a source codes the whole of it.
    for (const coding of children(node, 'Coding')) {
      const c = this.readCoding(coding, node, id, { start: 0, end: text.length }, '', `${label} (whole source)`);
      if (c && text.length > 0) codings.push(c);
    }
    for (const c of codings) sink.codings.push(c); // a spread would overflow the stack at ~150,000
    this.noteRefs(node, 'source', id);
    // The rich-text original (a .docx) is the researcher's source: kept whole, never read.
    const richPath = attr(node, 'richTextPath')?.trim();
    let originalDocx: string | undefined;
    if (richPath) {
      const bytes = /^internal:\/\//i.test(richPath) ? this.ctx.entryBytes(richPath.replace(/^internal:\/\//i, '')) : undefined;
      if (bytes) {
        originalDocx = toBase64(bytes);
        sink.richText++;
      } else sink.richMissing.push(`${title} (${richPath})`);
    }
    return {
      id,
      participantId: null,
      wave: null,
      title,
      text,
      turns: [],
      origin: { fileName: title, format: 'qdpx', sha256: '', importedAt: time(attr(node, 'creationDateTime')) ?? this.ctx.now },
      ...(originalDocx ? { originalDocx } : {}),
    };
  }

  private readCoding(node: XmlNode, selection: XmlNode, sourceId: string, range: Range, memo: string, where: string): Coding | null {
    const codeId = this.codeFor(attr(child(node, 'CodeRef'), 'targetGUID'), where);
    if (!codeId) return null;
    const coderId = this.coderFor(attr(node, 'creatingUser') ?? attr(selection, 'creatingUser'));
    const createdAt = time(attr(node, 'creationDateTime')) ?? time(attr(selection, 'creationDateTime')) ?? this.ctx.now;
    const id = this.idFor('coding', attr(node, 'guid'));
    this.noteRefs(node, 'coding', id);
    return {
      id,
      sourceId,
      codeId,
      coderId,
      start: range.start,
      end: range.end,
      memo,
      createdAt,
      updatedAt: time(attr(selection, 'modifiedDateTime')) ?? createdAt,
      deletedAt: null,
    };
  }

  repeatedWarning(): void {
    if (this.repeatedIds)
      this.warnings.push(`${plural(this.repeatedIds, 'element')} repeated the GUID of another of its kind; each was kept with a new id.`);
    const foreign = [...this.foreignIds];
    if (foreign.length) {
      const shown = foreign.slice(0, 5).map(([raw, guid]) => `"${raw}" → ${guid}`);
      this.warnings.push(
        `${plural(foreign.length, 'id')} in the file ${foreign.length === 1 ? 'is' : 'are'} not a GUID; each was read as a UUID derived from it (UUID v5), the same every time this file is imported: ${shown.join(', ')}${foreign.length > 5 ? `, and ${foreign.length - 5} more` : ''}.`,
      );
    }
  }
}

export interface SourceSink {
  codings: Coding[];
  missing: string[];
  switched: string[];
  /** Sources whose positions the boundary check doubts, with too few selections to decide. */
  doubtful: string[];
  adjusted: number;
  emptySelections: number;
  uncodedNotes: number;
  /** Rich-text originals kept, and those named but not in the archive (or outside it). */
  richText: number;
  richMissing: string[];
}
