// Codebooks as data: the nested tree a file holds (JSON or CSV) and the flat Code records a
// project keeps. Codebook files are often edited by hand, so the readers check everything such
// an edit can break and refuse the whole file with a message naming the file, the place and
// the problem: an import either works completely or changes nothing.
import { childColour, oklchToHex } from './colours';
import { ImportError, type Code } from '../shared';

export interface CodebookNode {
  name: string;
  description?: string;
  inclusion?: string;
  exclusion?: string;
  examples?: string;
  colour?: string;
  /** A category: groups codes, is not applied itself (Code.notCodable). */
  category?: true;
  children?: CodebookNode[];
}

export const CODEBOOK_FORMAT = 'mirabal-codebook';
export const CODEBOOK_VERSION = 1;
export const MAX_CODE_DEPTH = 12;
export const MAX_CODES = 5000;
export const MAX_NAME_LENGTH = 200;
export const CODEBOOK_CSV_HEADER = ['path', 'name', 'description', 'inclusion', 'exclusion', 'examples', 'colour'] as const;
const TEXT_FIELDS = ['description', 'inclusion', 'exclusion', 'examples'] as const;
const NODE_FIELDS = new Set(['name', ...TEXT_FIELDS, 'colour', 'category', 'children']);
const FILE_FIELDS = new Set(['$schema', 'format', 'version', 'name', 'description', 'codes']);
const HEX = /^#[0-9a-f]{6}$/i;

export { childColour } from './colours';

export const isColour = (value: string): boolean => HEX.test(value);

/**
 * Highlight colours for top-level codes that have none: 13 hues evenly spread in OKLCH, each
 * next one 138° on from the last, light enough that dark transcript text stays readable.
 */
export const PALETTE: readonly string[] = Array.from({ length: 13 }, (_, i) =>
  oklchToHex(i % 2 === 0 ? 0.84 : 0.79, 0.1, (240 + ((i * 5) % 13) * (360 / 13)) % 360),
);

/** Flattens a tree into new Code records; `order` is the position among siblings. */
export function codesFromTree(nodes: readonly CodebookNode[], newId: () => string): Code[] {
  const out: Code[] = [];
  const walk = (list: readonly CodebookNode[], parentId: string | null, parentColour: string | null) => {
    list.forEach((node, order) => {
      const id = newId();
      const colour = node.colour
        ? node.colour.toLowerCase()
        : parentColour
          ? childColour(parentColour, order)
          : PALETTE[order % PALETTE.length]!;
      const { description = '', inclusion = '', exclusion = '', examples = '' } = node;
      out.push({
        id,
        parentId,
        name: node.name,
        description,
        inclusion,
        exclusion,
        examples,
        colour,
        order,
        ...(node.category ? { notCodable: true } : {}),
        ...(node.colour ? {} : { autoColour: true }),
        deletedAt: null,
      });
      if (node.children) walk(node.children, id, colour);
    });
  };
  walk(nodes, null, null);
  return out;
}

/**
 * The live codes as a tree, siblings by `order`. Deleting a code deletes what is under it, so
 * a deleted parent hides its subtree; a parent that does not exist at all (a damaged record)
 * would hide a live code for good, so such a code is shown at the top level instead.
 */
export function treeFromCodes(codes: readonly Code[]): CodebookNode[] {
  const ids = new Set(codes.map((c) => c.id));
  const kids = new Map<string | null, Code[]>();
  for (const c of codes) if (c.deletedAt == null) push(kids, c.parentId !== null && ids.has(c.parentId) ? c.parentId : null, c);
  const seen = new Set<string>(); // a code listed twice under itself (damaged data) must not recurse forever
  const build = (parentId: string | null): CodebookNode[] =>
    [...(kids.get(parentId) ?? [])]
      .sort((a, b) => a.order - b.order)
      .filter((c) => !seen.has(c.id) && Boolean(seen.add(c.id)))
      .map((c) => {
        const node: CodebookNode = { name: c.name };
        for (const f of TEXT_FIELDS) if (c[f]) node[f] = c[f];
        if (c.colour && !c.autoColour) node.colour = c.colour;
        if (c.notCodable) node.category = true;
        const children = build(c.id);
        if (children.length) node.children = children;
        return node;
      });
  return build(null);
}

/** Names are compared as a researcher reads them: case and spacing do not make a new code. */
const nameKey = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Reads a codebook file in the `mirabal-codebook` JSON format (see codebook/codebook.schema.json). */
export function parseCodebookJson(text: string, fileName: string): CodebookNode[] {
  const fail = (problem: string): never => {
    throw new ImportError(fileName, problem);
  };
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return fail(`is not valid JSON (${(e as Error).message}).`);
  }
  if (!isObject(data) || data.format !== CODEBOOK_FORMAT)
    return fail(`is not a codebook: it must be an object with "format": "${CODEBOOK_FORMAT}".`);
  const { version } = data;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return fail('"version" must be a whole number, 1 for this format.');
  if (version > CODEBOOK_VERSION)
    return fail(`is a version ${version} codebook; this workbench reads version ${CODEBOOK_VERSION}. Update the workbench to open it.`);
  for (const key of Object.keys(data))
    if (!FILE_FIELDS.has(key)) fail(`unknown field "${key}" (expected format, version, name, description, codes).`);
  for (const key of ['name', 'description']) if (data[key] !== undefined && typeof data[key] !== 'string') fail(`"${key}" must be text.`);
  if (!Array.isArray(data.codes)) return fail('"codes" must be a list of codes.');

  let count = 0;
  const readList = (list: unknown[], path: string, depth: number): CodebookNode[] => {
    const siblings = new Map<string, string>();
    return list.map((raw, i) => {
      const at = `${path}[${i}]`;
      const bad = (problem: string): never => fail(`${at}: ${problem}`);
      if (++count > MAX_CODES) bad(`too many codes; a codebook may hold at most ${MAX_CODES.toLocaleString('en-GB')}.`);
      if (depth > MAX_CODE_DEPTH) bad(`nested too deeply; codes may be at most ${MAX_CODE_DEPTH} levels deep.`);
      if (!isObject(raw)) return bad('must be an object with at least a "name".');
      const unknown = Object.keys(raw).find((key) => !NODE_FIELDS.has(key));
      if (unknown)
        bad(`unknown field "${unknown}" (expected name, description, inclusion, exclusion, examples, colour, category, children).`);
      if (typeof raw.name !== 'string') return bad(raw.name === undefined ? 'name is missing.' : 'name must be text.');
      const node: CodebookNode = { name: checkName(raw.name, bad) };
      const twin = siblings.get(nameKey(node.name));
      if (twin) bad(`name "${node.name}" is used twice among its siblings (also ${twin}).`);
      siblings.set(nameKey(node.name), at);
      for (const f of TEXT_FIELDS) {
        const v = raw[f];
        if (v !== undefined && typeof v !== 'string') bad(`${f} must be text.`);
        if (typeof v === 'string' && v.trim()) node[f] = v.trim();
      }
      if (raw.colour !== undefined && typeof raw.colour !== 'string') bad('colour must be text like "#a1b2c3".');
      const colour = checkColour(String(raw.colour ?? ''), bad);
      if (colour) node.colour = colour;
      if (raw.category !== undefined && typeof raw.category !== 'boolean') bad('category must be true or false.');
      if (raw.category === true) node.category = true;
      if (raw.children !== undefined) {
        if (!Array.isArray(raw.children)) return bad('children must be a list of codes.');
        const children = readList(raw.children, `${at}.children`, depth + 1);
        if (children.length) node.children = children;
      }
      return node;
    });
  };
  return readList(data.codes, 'codes', 1);
}

function checkName(raw: string, bad: (problem: string) => never): string {
  const name = raw.trim();
  if (!name) bad('name is empty.');
  if (/[\r\n]/.test(name)) bad('name must be one line.');
  if (name.length > MAX_NAME_LENGTH) bad(`name is longer than ${MAX_NAME_LENGTH} characters; put the detail in the description.`);
  return name;
}

/** '' means "no colour" (one is derived on import); anything else must be #rrggbb. */
function checkColour(raw: string, bad: (problem: string) => never): string {
  const colour = raw.trim();
  if (colour && !isColour(colour)) bad(`colour "${raw}" is not a colour like "#a1b2c3".`);
  return colour.toLowerCase();
}

// line: the row number a spreadsheet shows (header = row 1); ref: the `parent` cell, or the
// parent's path in a file with a `path` column.
interface CsvItem {
  line: number;
  node: CodebookNode;
  ref: string;
}

/**
 * Reads a codebook table: a header row, then one row per code. A code's place is given by a
 * `parent` column (a name, or a path "A / B" when the name is not unique) or by a `path`
 * column holding the full path. Rows may come in any order; siblings keep the row order.
 */
export function parseCodebookCsv(rows: readonly (readonly string[])[], fileName: string): CodebookNode[] {
  const fail: Fail = (line, problem) => {
    throw new ImportError(fileName, line === null ? problem : `row ${line}: ${problem}`);
  };
  const [head, ...body] = rows.map((cells, i) => ({ cells, line: i + 1 })).filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (!head) return fail(null, 'is empty; the first row must name the columns, including "name" or "path".');
  const header = head.cells
    .map((h) =>
      h
        .replace(/^\uFEFF/, '')
        .trim()
        .toLowerCase(),
    )
    .map((h) => (h === 'color' ? 'colour' : h));
  const twice = header.find((h, i) => h && header.indexOf(h) !== i);
  if (twice) fail(null, `the column "${twice}" appears twice in the first row.`);
  const col = (name: string) => header.indexOf(name);
  const [iName, iPath, iParent] = [col('name'), col('path'), col('parent')];
  if (iName < 0 && iPath < 0) fail(null, 'the first row must name the columns and include "name" (with "parent") or "path".');
  if (iPath >= 0 && iParent >= 0) fail(null, 'has both a "path" and a "parent" column; keep one of them.');
  if (body.length > MAX_CODES) fail(null, `has ${body.length} codes; a codebook may hold at most ${MAX_CODES.toLocaleString('en-GB')}.`);

  const items: CsvItem[] = body.map(({ cells, line }) => {
    const cell = (i: number) => (i < 0 ? '' : (cells[i] ?? '').trim());
    const bad = (problem: string): never => fail(line, problem);
    let name = cell(iName);
    let ref = cell(iParent);
    if (iPath >= 0 && cell(iPath)) [name, ref] = splitPath(cell(iPath), name, bad);
    const node: CodebookNode = { name: checkName(name, bad) };
    for (const f of TEXT_FIELDS) if (cell(col(f))) node[f] = cell(col(f));
    const colour = checkColour(cell(col('colour')), bad);
    if (colour) node.colour = colour;
    return { line, node, ref };
  });
  return assemble(items, parentsOf(items, iPath < 0, fail), fail);
}

/** Path "A / B / C" with name "C" (or no name) is code C under "A / B". */
function splitPath(path: string, name: string, bad: (problem: string) => never): [string, string] {
  if (!name) {
    const parts = path.split(/\s+\/\s+/);
    return [parts.pop()!, parts.join(' / ')];
  }
  // Matched on the whole string, not split, so a name may itself contain " / ".
  const full = path.trim().replace(/\s+/g, ' ');
  const [p, n] = [nameKey(path), nameKey(name)];
  if (p === n) return [name, ''];
  if (!p.endsWith(` / ${n}`)) return bad(`the name "${name}" is not the last part of the path "${path}".`);
  return [name, full.slice(0, full.length - n.length - 3)];
}

type Fail = (line: number | null, problem: string) => never;

/**
 * Finds each row's parent: -1 for the top level, else an index into items. A ref is the full
 * path "A / B" of a code or, in a `parent` column, also a name that only one code has.
 */
function parentsOf(items: readonly CsvItem[], byNameToo: boolean, fail: Fail): number[] {
  const byName = new Map<string, number[]>();
  if (byNameToo) items.forEach((it, i) => push(byName, nameKey(it.node.name), i));
  const parents = items.map((it): number | undefined => {
    const ref = nameKey(it.ref);
    const found = ref ? (byName.get(ref) ?? []) : [-1];
    const rows = () => found.map((j) => items[j]!.line).join(', ');
    if (found.length > 1)
      fail(it.line, `parent "${it.ref}" matches more than one code (rows ${rows()}); write its path instead, like "Parent / ${it.ref}".`);
    return found[0]; // undefined: a path, placed below
  });
  // A path names the ancestors, so it can be matched only once they are placed: place codes
  // level by level until nothing changes. A path still unmatched then names no code.
  const byPath = new Map<string, number>();
  const pathOf: (string | undefined)[] = [];
  const [refs, own] = [items.map((it) => nameKey(it.ref)), items.map((it) => nameKey(it.node.name))];
  for (let waiting = items.map((_, i) => i), before = -1; waiting.length !== before;) {
    before = waiting.length;
    waiting = waiting.filter((i) => {
      const p = parents[i] ?? byPath.get(refs[i]!);
      if (p === undefined || (p >= 0 && pathOf[p] === undefined)) return true;
      parents[i] = p;
      pathOf[i] = p < 0 ? own[i]! : `${pathOf[p]} / ${own[i]}`;
      if (!byPath.has(pathOf[i]!)) byPath.set(pathOf[i]!, i); // a repeat is reported as a duplicate later
      return false;
    });
  }
  return items.map((it, i) => parents[i] ?? fail(it.line, `parent "${it.ref}" is not a code in this file; add a row for it.`));
}

function assemble(items: readonly CsvItem[], parents: readonly number[], fail: Fail): CodebookNode[] {
  items.forEach((it, i) => {
    const seen = new Set<number>([i]);
    const chain = [it.node.name];
    let intoCircle = false;
    for (let p = parents[i]!; p >= 0; p = parents[p]!) {
      chain.unshift(items[p]!.node.name);
      if (p === i) fail(it.line, `its parents lead in a circle back to itself (${chain.join(' → ')}).`);
      // This row hangs below a circle of other rows; the first of those reports it.
      if ((intoCircle = seen.has(p))) break;
      seen.add(p);
    }
    if (!intoCircle && chain.length > MAX_CODE_DEPTH)
      fail(it.line, `"${it.node.name}" is ${chain.length} levels deep; codes may be at most ${MAX_CODE_DEPTH} levels deep.`);
  });
  const siblings = new Map<string, number>();
  const kids = new Map<number, CodebookNode[]>();
  items.forEach((it, i) => {
    const parent = parents[i]!;
    const key = `${parent}\u0000${nameKey(it.node.name)}`;
    const twin = siblings.get(key);
    const where = parent < 0 ? 'at the top level' : `under "${items[parent]!.node.name}"`;
    if (twin !== undefined) fail(it.line, `"${it.node.name}" appears twice ${where} (also row ${items[twin]!.line}).`);
    siblings.set(key, i);
    push(kids, parent, it.node);
  });
  for (const [i, children] of kids) if (i >= 0) items[i]!.node.children = children;
  return kids.get(-1) ?? [];
}

/** The codebook as a table for CSV export; parseCodebookCsv reads it back to the same tree. */
export function codebookRows(codes: readonly Code[]): string[][] {
  const rows: string[][] = [[...CODEBOOK_CSV_HEADER]];
  const walk = (nodes: readonly CodebookNode[], prefix: string) => {
    for (const n of nodes) {
      const path = prefix ? `${prefix} / ${n.name}` : n.name;
      rows.push([path, n.name, n.description ?? '', n.inclusion ?? '', n.exclusion ?? '', n.examples ?? '', n.colour ?? '']);
      if (n.children) walk(n.children, path);
    }
  };
  walk(treeFromCodes(codes), '');
  return rows;
}
