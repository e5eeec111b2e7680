// XML text -> the plain object tree the REFI readers walk (see the accessors in xml.ts), built
// from saxes' events. A streaming parser, so a reader can take each element as it closes and
// leave it out of the tree: a .qde at ten times the study (214 MB, 400,000 selections) would
// take some 1.6 GB as a whole tree, and is read one source at a time in a few hundred MB.
// The tree has the shape fast-xml-parser gave (which this replaces): namespace prefixes
// dropped, attributes as string properties, an element with text only as its string, a
// repeated element as an array, the names in REPEATED always as arrays.
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { ImportError } from '../errors';
import type { XmlNode } from './xml';

const REPEATED = new Set([
  'User',
  'Code',
  'Variable',
  'Case',
  'VariableValue',
  'SourceRef',
  'SelectionRef',
  'CodeRef',
  'TextSource',
  'PictureSource',
  'PDFSource',
  'AudioSource',
  'VideoSource',
  'PlainTextSelection',
  'PictureSelection',
  'PDFSelection',
  'AudioSelection',
  'VideoSelection',
  'Transcript',
  'TranscriptSelection',
  'SyncPoint',
  'Coding',
  'NoteRef',
  'Note',
  'Link',
  'Set',
  'MemberCode',
  'MemberSource',
  'MemberNote',
  'Graph',
  'Vertex',
  'Edge',
]);

// Named references some tools write though XML does not define them (HTML's). Numeric ones
// and XML's five the parser knows.
const HTML_ENTITIES: Record<string, string> = {
  nbsp: '\u00a0',
  copy: '\u00a9',
  reg: '\u00ae',
  trade: '\u2122',
  hellip: '\u2026',
  ndash: '\u2013',
  mdash: '\u2014',
  lsquo: '\u2018',
  rsquo: '\u2019',
  ldquo: '\u201c',
  rdquo: '\u201d',
  laquo: '\u00ab',
  raquo: '\u00bb',
  euro: '\u20ac',
  pound: '\u00a3',
  cent: '\u00a2',
  yen: '\u00a5',
  deg: '\u00b0',
  middot: '\u00b7',
  bull: '\u2022',
};

export interface ParseXmlOptions {
  /**
   * Called as each element closes, with its name and those of its ancestors (`path`, root
   * first, without prefixes) and the open elements' nodes as built so far (`ancestors`, root
   * first; the last is the element's own). Both are the parser's live stacks, read during the
   * call only, so no element (1.2 million at ten times the study) costs two arrays.
   * Returning false leaves the element out of the tree.
   */
  onElement?: (path: readonly string[], node: XmlNode | string, ancestors: readonly XmlNode[]) => boolean;
  /** Called every megabyte or so with the share of the text read (0..1). */
  onProgress?: (share: number) => void;
}

const localName = (name: string) => {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
};

interface Open {
  name: string;
  node: XmlNode;
  text: string;
  /** Whether the node has attributes or child elements: if not, its value is its text. */
  structured: boolean;
}

const CHUNK = 1 << 20;

/** saxes' report of a well-formedness error, told apart from errors of the caller's callbacks. */
class NotWellFormed extends Error {}

/** Parses one XML entry of an archive; `where` names it in messages ("ben.qdpx, project.qde"). */
export function parseXml(xml: string, fileName: string, where: string, options: ParseXmlOptions = {}): XmlNode {
  // A DOCTYPE is how entity-expansion bombs and external entities work; no QDA tool writes one.
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) {
    throw new ImportError(fileName, `${where} declares a DTD or entities, which REFI-QDA files never need; it was not read`);
  }
  const root: Open = { name: '', node: {}, text: '', structured: true };
  const stack: Open[] = [root];
  // The names and nodes of the open elements below the root, kept beside the stack for onElement.
  const names: string[] = [];
  const nodes: XmlNode[] = [];
  const parser = new SaxesParser({ xmlns: false, position: true });
  Object.assign(parser.ENTITIES, HTML_ENTITIES);
  parser.on('error', (err) => {
    throw new NotWellFormed(err.message);
  });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    const node: XmlNode = {};
    let structured = false;
    for (const key in tag.attributes) {
      if (key === 'xmlns' || key.startsWith('xmlns:')) continue;
      node[localName(key)] = tag.attributes[key];
      structured = true;
    }
    stack[stack.length - 1]!.structured = true;
    const name = localName(tag.name);
    stack.push({ name, node, text: '', structured });
    names.push(name);
    nodes.push(node);
  });
  const addText = (text: string) => {
    if (stack.length > 1) stack[stack.length - 1]!.text += text;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => {
    const open = stack.pop()!;
    const parent = stack[stack.length - 1]!;
    let value: XmlNode | string = open.text;
    if (open.structured) {
      if (open.text.trim()) open.node['#text'] = open.text;
      value = open.node;
    }
    if (options.onElement) {
      const path = [...stack.slice(1).map((s) => s.name), open.name];
      if (
        !options.onElement(
          path,
          value,
          stack.slice(1).map((s) => s.node),
        )
      )
        return;
    }
    const existing = parent.node[open.name];
    if (existing === undefined) parent.node[open.name] = REPEATED.has(open.name) ? [value] : value;
    else if (Array.isArray(existing)) existing.push(value);
    else parent.node[open.name] = [existing, value];
  });
  try {
    for (let at = 0; at < xml.length; at += CHUNK) {
      parser.write(xml.slice(at, at + CHUNK));
      options.onProgress?.(Math.min(1, (at + CHUNK) / xml.length));
    }
    parser.close();
  } catch (err) {
    if (!(err instanceof NotWellFormed)) throw err;
    throw new ImportError(fileName, `${where} is not well-formed XML (${err.message.split('\n')[0]})`);
  }
  return root.node;
}
