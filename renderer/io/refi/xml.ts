// XML in and out for REFI-QDA files: the accessors of the tree xmlTree.ts parses, and writing,
// which is plain string building: it is fast for 40,000 codings and gives the same bytes
// every time.
export { parseXml, type ParseXmlOptions } from './xmlTree';

export type XmlNode = Record<string, unknown>;

/** Child elements by name, always as an array. */
export function children(node: unknown, name: string): XmlNode[] {
  if (!node || typeof node !== 'object') return [];
  const value = (node as XmlNode)[name];
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((v) => (typeof v === 'object' && v !== null ? (v as XmlNode) : { '#text': String(v) }));
}

export function child(node: unknown, name: string): XmlNode | undefined {
  return children(node, name)[0];
}

export function attr(node: XmlNode | undefined, name: string): string | undefined {
  const value = node?.[name];
  return typeof value === 'string' ? value : undefined;
}

/** The text of a simple element such as <Description> or <PlainTextContent>. */
export function textOf(node: unknown, name: string): string | undefined {
  if (!node || typeof node !== 'object') return undefined;
  const value = (node as XmlNode)[name];
  const first: unknown = Array.isArray(value) ? value[0] : value;
  if (first === undefined || first === null) return undefined;
  if (typeof first === 'string') return first;
  if (typeof first === 'object') {
    const text = (first as XmlNode)['#text'];
    return typeof text === 'string' ? text : '';
  }
  return String(first);
}

// XML 1.0 cannot hold most C0 controls, lone surrogates or U+FFFE/FFFF even as references.
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const TEXT_SPECIAL = /[&<>\r]/;
const ATTR_SPECIAL = /[&<>"\r\n\t]/;

/** Element content. CR is escaped so a parser's line-end normalisation keeps it. */
export function escapeText(value: string): string {
  const clean = value.replace(NOT_XML, '\uFFFD');
  if (!TEXT_SPECIAL.test(clean)) return clean;
  return clean.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/** Attribute values; tabs and line breaks as references, or a parser turns them into spaces. */
export function escapeAttr(value: string): string {
  const clean = value.replace(NOT_XML, '\uFFFD');
  if (!ATTR_SPECIAL.test(clean)) return clean;
  return clean
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');
}

/** ` name="value"` for each defined attribute, in the order given. */
export function attrs(pairs: Record<string, string | number | boolean | undefined | null>): string {
  let out = '';
  for (const [name, value] of Object.entries(pairs)) {
    if (value === undefined || value === null) continue;
    out += ` ${name}="${escapeAttr(String(value))}"`;
  }
  return out;
}

/** A simple element with text content. */
export function textElement(name: string, value: string): string {
  return `<${name}>${escapeText(value)}</${name}>`;
}

/** The namespace of the root element `root` as declared on it (the parser drops xmlns). */
export function rootNamespace(xml: string, root: string): string | undefined {
  const m = new RegExp(`<(?:([\\w.-]+):)?${root}\\b[^>]*>`).exec(xml);
  if (!m) return undefined;
  const name = m[1] ? `xmlns:${m[1]}` : 'xmlns';
  return new RegExp(`\\s${name.replace('.', '\\.')}\\s*=\\s*"([^"]*)"`).exec(m[0])?.[1];
}
