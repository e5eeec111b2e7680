// The <Codes> tree, shared by project files (.qde) and codebook files (.qdc).
//
// REFI-QDA gives a code one Description; ours has a definition in four parts. They go out as
// one text with "Inclusion:", "Exclusion:" and "Examples:" paragraphs, which other tools show
// as written, and come back apart when those paragraphs are there.
import { PALETTE, childColour } from '../../core/codebook';
import type { Code } from '../../core/shared';
import { ImportError } from '../errors';
import { attr, attrs, children, textElement, textOf, type XmlNode } from './xml';
import { guidFor, readGuid } from './guid';

const SECTIONS = [
  ['inclusion', 'Inclusion'],
  ['exclusion', 'Exclusion'],
  ['examples', 'Examples'],
] as const;

type Definition = Pick<Code, 'description' | 'inclusion' | 'exclusion' | 'examples'>;

export function definitionText(code: Definition): string {
  const parts = code.description ? [code.description] : [];
  for (const [field, label] of SECTIONS) if (code[field]) parts.push(`${label}: ${code[field]}`);
  return parts.join('\n\n');
}

export function parseDefinition(text: string): Definition {
  const out: Definition = { description: '', inclusion: '', exclusion: '', examples: '' };
  const pieces = text.split(/(?:^|\n\n)(Inclusion|Exclusion|Examples): /);
  out.description = pieces[0] ?? '';
  for (let i = 1; i + 1 < pieces.length; i += 2) {
    const field = SECTIONS.find(([, label]) => label === pieces[i])![0];
    out[field] = out[field] ? `${out[field]}\n\n${pieces[i + 1]!}` : pieces[i + 1]!;
  }
  return out;
}

const MAX_DEPTH = 50;
const RGB = /^#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$/;

function colourOut(colour: string): string | undefined {
  return RGB.test(colour) ? colour.toUpperCase() : undefined;
}

function colourIn(raw: string | undefined): string | null {
  const value = raw?.trim();
  if (!value || !RGB.test(value)) return null;
  const hex = value.slice(1).toLowerCase();
  return hex.length === 3 ? `#${[...hex].map((c) => c + c).join('')}` : `#${hex}`;
}

/** Live codes in tree order: children under their parent, siblings by `order`. */
export function codeTree(codes: readonly Code[]): Map<string | null, Code[]> {
  const live = codes.filter((c) => c.deletedAt == null);
  const ids = new Set(live.map((c) => c.id));
  const kids = new Map<string | null, Code[]>();
  for (const code of live) {
    const parent = code.parentId !== null && ids.has(code.parentId) ? code.parentId : null;
    kids.set(parent, [...(kids.get(parent) ?? []), code]);
  }
  for (const list of kids.values()) list.sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));
  return kids;
}

/**
 * `<Codes>…</Codes>`, or '' when there are no codes (the schemas require at least one Code).
 * `noteRefs` gives a code's memo GUIDs (project files only; the codebook schema has none).
 */
export function codesXml(codes: readonly Code[], noteRefs?: Map<string, string[]>): string {
  const kids = codeTree(codes);
  const seen = new Set<string>();
  const write = (parentId: string | null): string =>
    (kids.get(parentId) ?? [])
      .filter((code) => !seen.has(code.id) && Boolean(seen.add(code.id)))
      .map((code) => {
        const definition = definitionText(code);
        const inner =
          (definition ? textElement('Description', definition) : '') +
          (noteRefs?.get(code.id) ?? []).map((guid) => `<NoteRef targetGUID="${guid}"/>`).join('') +
          write(code.id);
        const head = `<Code${attrs({ guid: guidFor('code', code.id), name: code.name, isCodable: code.notCodable ? 'false' : 'true', color: code.autoColour ? undefined : colourOut(code.colour) })}`;
        return inner ? `${head}>${inner}</Code>` : `${head}/>`;
      })
      .join('');
  const body = write(null);
  return body ? `<Codes>${body}</Codes>` : '';
}

export interface ReadCodesResult {
  codes: Code[];
  /** Normalised GUID -> code id; a repeated GUID keeps its first code. */
  byGuid: Map<string, string>;
  /** Code id -> the NoteRef GUIDs inside it. */
  noteRefs: Map<string, string[]>;
}

/** Reads a <Codes> element (any depth). Codes without a usable GUID get a fresh id. */
export function readCodes(codesNode: XmlNode | undefined, newId: () => string, warnings: string[], fileName: string): ReadCodesResult {
  const codes: Code[] = [];
  const byGuid = new Map<string, string>();
  const noteRefs = new Map<string, string[]>();
  let repeated = 0;
  const walk = (nodes: XmlNode[], parentId: string | null, parentColour: string | null, depth: number): void => {
    nodes.forEach((node, order) => {
      const rawGuid = attr(node, 'guid');
      const guid = readGuid(rawGuid) ?? '';
      let id = readGuid(rawGuid) ?? newId();
      if (guid && byGuid.has(guid)) {
        repeated++;
        id = newId();
      } else if (guid) byGuid.set(guid, id);
      const given = colourIn(attr(node, 'color'));
      const colour = given ?? (parentColour ? childColour(parentColour, order) : PALETTE[order % PALETTE.length]!);
      const name = (attr(node, 'name') ?? '').trim() || 'Unnamed code';
      const category = attr(node, 'isCodable')?.trim().toLowerCase() === 'false';
      codes.push({
        id,
        parentId,
        name,
        ...parseDefinition(textOf(node, 'Description') ?? ''),
        colour,
        order,
        ...(category ? { notCodable: true } : {}),
        ...(given ? {} : { autoColour: true }),
        deletedAt: null,
      });
      const notes = children(node, 'NoteRef')
        .map((ref) => readGuid(attr(ref, 'targetGUID')) ?? '')
        .filter(Boolean);
      if (notes.length) noteRefs.set(id, notes);
      if (depth > MAX_DEPTH) throw new ImportError(fileName, `its code tree is deeper than ${MAX_DEPTH} levels`);
      walk(children(node, 'Code'), id, colour, depth + 1);
    });
  };
  walk(children(codesNode, 'Code'), null, null, 0);
  if (repeated)
    warnings.push(
      `${repeated} code${repeated === 1 ? '' : 's'} repeated another code's GUID; each was kept as a separate code, and codings that name the GUID go to the first.`,
    );
  return { codes, byGuid, noteRefs };
}
