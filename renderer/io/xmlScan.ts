// The one XML tokenizer of the office readers (.docx, .odt): a single regex scan, linear on
// any input, that never reads a DTD. Only the five XML entities and numeric references are
// decoded, so there is no entity expansion (DESIGN "Security").
import { ImportError } from './errors';

/**
 * Tags (attribute values may hold '>' but never '<', which keeps the scan linear on broken
 * input), comments, CDATA, processing instructions, declarations. A comment, CDATA section
 * or processing instruction without its end runs to the end of the input and the file is
 * refused (xmlToken): were the end required, every later "<!--" would rescan to the end,
 * quadratic on a long run of them.
 * Groups: 1 '/' of a closing tag, 2 its name, 3 its attributes, 4 '/' of a self-closing tag,
 * 5 CDATA content, 6 a declaration's keyword.
 */
const TOKEN =
  /<(\/?)([A-Za-z_][\w.:-]*)((?:[^<>"']|"[^<"]*"|'[^<']*')*?)(\/?)>|<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[([\s\S]*?)(?:\]\]>|$)|<\?[\s\S]*?(?:\?>|$)|<!([A-Za-z]+)/g;

export interface XmlToken {
  /** Index of the token in the input. */
  index: number;
  /** Where the text after the token starts. */
  end: number;
  /** Element name; undefined for a comment, CDATA or processing instruction. */
  name?: string;
  closing: boolean;
  selfClosing: boolean;
  attributes: string;
  cdata?: string;
}

/**
 * Every token of `xml` in order. `what` names the format in the messages ("a valid .docx").
 * Throws when the document declares a DTD (no office program writes one, and a DTD is how
 * XML bombs and XXE work) or leaves a comment, CDATA or instruction open.
 */
export function* xmlTokens(xml: string, fileName: string, what: string): Generator<XmlToken> {
  const re = new RegExp(TOKEN.source, 'g');
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    if (m[6] !== undefined) {
      throw new ImportError(fileName, `is not ${what} (its document declares a DTD, which no office program writes)`);
    }
    if (m.index + m[0].length === xml.length && /^<[!?]/.test(m[0]) && !/(?:-->|\]\]>|\?>)$/.test(m[0])) {
      throw new ImportError(fileName, `is not ${what} (its document has a comment, CDATA section or instruction that is never closed)`);
    }
    yield {
      index: m.index,
      end: re.lastIndex,
      ...(m[2] === undefined ? {} : { name: m[2] }),
      closing: m[1] === '/',
      selfClosing: m[4] === '/',
      attributes: m[3] ?? '',
      ...(m[5] === undefined ? {} : { cdata: m[5] }),
    };
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  if (text.indexOf('&') === -1) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return ENTITIES[ref] ?? whole;
  });
}

/** An XML part's bytes as text: UTF-16 with its BOM, else UTF-8 (a BOM dropped). */
export function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes);
}

export const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The decoded value of attribute `name` (e.g. "text:style-name") in a tag's attributes. */
export function attribute(attributes: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${escapeRe(name)}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attributes);
  return m ? decodeEntities(m[1] ?? m[2] ?? '') : undefined;
}
