// Getting coded passages back out: every passage coded with the chosen codes, with who said it,
// when and who coded it, in the order a researcher reads a write-up (person by person, Time 1
// before Time 2). Also the fuzzy code picker used wherever a code is chosen by typing.
import Fuse from 'fuse.js';
import { descendantIds, orderedTree, codePathText } from '../codebook';
import { nameCollator, type Code, type ProjectSnapshot } from '../shared';
import { sectionsAt } from '../transcripts';

export interface RetrievalQuery {
  codeIds: readonly string[];
  /** Also return passages coded with any sub-code of the chosen codes. */
  includeChildren?: boolean;
  /** Only these coders' codings; omitted means everyone (an empty list means no one). */
  coderIds?: readonly string[];
  /** Only codings in these transcripts; omitted means every transcript. */
  sourceIds?: readonly string[];
  /** Only codings that start in a section of this title (a document heading), at any level. */
  section?: string;
}

export interface Passage {
  codingId: string;
  codeId: string;
  coderId: string;
  sourceId: string;
  start: number;
  end: number;
  /** Exactly source.text.slice(start, end): UTF-16 offsets, so emoji and accents come out whole. */
  text: string;
  /** null when the transcript has no (live) participant; pseudonym and role are then ''. */
  participantId: string | null;
  pseudonym: string;
  role: string;
  wave: string | null;
  waveLabel: string;
  coderName: string;
  memo: string;
  /** The sections (document headings) it starts in, outermost first; empty when none. */
  sections: string[];
}

// Numeric so "P2" comes before "P10"; base sensitivity so case does not split a name's passages.
const collator = nameCollator;

/** Passages of live codings of the chosen live codes on live transcripts, in reading order. */
export function retrieve(snapshot: ProjectSnapshot, query: RetrievalQuery): Passage[] {
  const liveCodes = new Set(snapshot.codes.filter((c) => c.deletedAt == null).map((c) => c.id));
  const wanted = new Set<string>();
  for (const id of query.codeIds) {
    if (!liveCodes.has(id)) continue;
    wanted.add(id);
    if (query.includeChildren) for (const d of descendantIds(snapshot.codes, id)) wanted.add(d);
  }
  const coders = query.coderIds ? new Set(query.coderIds) : null;
  const only = query.sourceIds ? new Set(query.sourceIds) : null;
  const sources = new Map(snapshot.sources.filter((s) => s.deletedAt == null && (!only || only.has(s.id))).map((s) => [s.id, s]));
  const people = new Map(snapshot.participants.filter((p) => p.deletedAt == null).map((p) => [p.id, p]));
  const waves = new Map(snapshot.waves.map((w, i) => [w.id, { label: w.label, rank: w.order ?? i }]));
  const coderNames = new Map(snapshot.coders.map((c) => [c.id, c.name]));
  // Ties between passages at the same place fall back to codebook order, then id, so the
  // list never reshuffles between two identical queries.
  const treeRank = new Map(orderedTree(snapshot.codes).map((t, i) => [t.code.id, i]));

  const rows: { passage: Passage; title: string; waveRank: number }[] = [];
  for (const coding of snapshot.codings) {
    if (coding.deletedAt != null || !wanted.has(coding.codeId)) continue;
    if (coders && !coders.has(coding.coderId)) continue;
    const source = sources.get(coding.sourceId);
    if (!source) continue;
    const person = source.participantId === null ? undefined : people.get(source.participantId);
    const wave = source.wave === null ? undefined : waves.get(source.wave);
    const sections = source.sections ? sectionsAt(source.sections, coding.start).map((s) => s.title) : [];
    if (query.section !== undefined && !sections.includes(query.section)) continue;
    rows.push({
      title: source.title,
      waveRank: wave?.rank ?? Number.POSITIVE_INFINITY,
      passage: {
        codingId: coding.id,
        codeId: coding.codeId,
        coderId: coding.coderId,
        sourceId: source.id,
        start: coding.start,
        end: coding.end,
        text: source.text.slice(coding.start, coding.end),
        participantId: person?.id ?? null,
        pseudonym: person?.pseudonym ?? '',
        role: person?.role ?? '',
        wave: source.wave,
        waveLabel: wave?.label ?? source.wave ?? '',
        coderName: coderNames.get(coding.coderId) ?? coding.coderId,
        memo: coding.memo,
        sections,
      },
    });
  }
  // Names and titles ranked once, then compared as numbers: a collator's compare per pair took
  // most of a 40,000-passage retrieval at ten times the study.
  const nameRank = collationRanks(rows.map((r) => r.passage.pseudonym));
  const titleRank = collationRanks(rows.map((r) => r.title));
  rows.sort((a, b) => {
    const [p, q] = [a.passage, b.passage];
    // Passages of no known participant go last rather than first under an empty name.
    if (!p.pseudonym !== !q.pseudonym) return p.pseudonym ? -1 : 1;
    return (
      nameRank.get(p.pseudonym)! - nameRank.get(q.pseudonym)! ||
      compareNumbers(a.waveRank, b.waveRank) ||
      titleRank.get(a.title)! - titleRank.get(b.title)! ||
      p.start - q.start ||
      p.end - q.end ||
      (treeRank.get(p.codeId) ?? 0) - (treeRank.get(q.codeId) ?? 0) ||
      (p.codingId < q.codingId ? -1 : p.codingId > q.codingId ? 1 : 0)
    );
  });
  return rows.map((r) => r.passage);
}

/** Each distinct string's place in collation order; strings the collator holds equal share one. */
function collationRanks(values: readonly string[]): Map<string, number> {
  const distinct = [...new Set(values)].sort(collator.compare);
  const ranks = new Map<string, number>();
  distinct.forEach((value, i) =>
    ranks.set(value, i > 0 && collator.compare(distinct[i - 1]!, value) === 0 ? ranks.get(distinct[i - 1]!)! : i),
  );
  return ranks;
}

/** Infinity - Infinity is NaN, which sort treats as "equal" only by luck; compare explicitly. */
const compareNumbers = (a: number, b: number) => (a === b ? 0 : a < b ? -1 : 1);

/**
 * Live codes matching a typed query, best first: by name most, then by path (so "sparks"
 * finds children under "Series of sparks"), then description. An empty query lists the
 * codebook in tree order. fuse.js is fine here: a codebook holds tens of short strings.
 */
export function codeSearch(codes: readonly Code[], query: string, limit = 20): Code[] {
  const tree = orderedTree(codes);
  const text = query.trim();
  if (!text) return tree.slice(0, limit).map((t) => t.code);
  const items = tree.map(({ code }) => ({
    code,
    name: code.name,
    path: codePathText(codes, code.id),
    description: code.description,
  }));
  const fuse = new Fuse(items, {
    keys: [
      { name: 'name', weight: 3 },
      { name: 'path', weight: 1 },
      { name: 'description', weight: 0.5 },
    ],
    threshold: 0.4,
    ignoreLocation: true, // a word may sit anywhere in a long code name or description
  });
  return fuse.search(text, { limit }).map((r) => r.item.code);
}
