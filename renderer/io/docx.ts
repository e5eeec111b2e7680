// .docx -> canonical plain text, one line per non-empty Word paragraph, each with the name of
// its paragraph style (a Title or Heading at the top is the transcript's title: core/transcriptTitle).
//
// Why not mammoth: measured on this machine it takes 80-120 ms for 10,000 words and drops
// <w:br/>; fast-xml-parser took 45-200 ms and needs htmlEntities for numeric references. We
// need only paragraphs, runs, text, tabs and breaks, so a single regex scan over
// word/document.xml does it in a few ms. It never reads a DTD: a DOCTYPE is rejected and only
// the five XML entities and numeric references are decoded, so there is no entity expansion.
// The zip is bounded before anything is inflated (DESIGN "Security").
import type { StyledLine } from '../core/transcripts';
import { ImportError } from './errors';
import { MAX_DOCX_BYTES, assertWithinLimit, canonicalNewlines, removeUnsafeCharacters } from './decode';
import { isZip, readZipEntries } from './zip';

export const MAX_ZIP_ENTRIES = 2000;
export const MAX_DOCUMENT_XML_BYTES = 200 * 1024 * 1024;
/** Deflate of real Word XML compresses 5-20x; a bomb compresses up to ~1000x. */
export const MAX_COMPRESSION_RATIO = 200;

const MAIN_DOCUMENT = 'word/document.xml';
const STYLES = 'word/styles.xml';
const WORDML_NS = [
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main', // Strict Open XML
];

export interface DocxLimits {
  maxBytes: number;
  maxEntries: number;
  maxDocumentXmlBytes: number;
  maxRatio: number;
}

const DEFAULT_LIMITS: DocxLimits = {
  maxBytes: MAX_DOCX_BYTES,
  maxEntries: MAX_ZIP_ENTRIES,
  maxDocumentXmlBytes: MAX_DOCUMENT_XML_BYTES,
  maxRatio: MAX_COMPRESSION_RATIO,
};

function notDocx(fileName: string, why = ''): ImportError {
  return new ImportError(fileName, `is not a valid .docx (corrupt or not a Word file)${why}`);
}

/** Reads only the entries in `wanted`, each bounded like the document part. */
function readEntries(bytes: Uint8Array, fileName: string, wanted: Set<string>, limits: DocxLimits) {
  return readZipEntries(bytes, {
    fileName,
    limits: {
      maxEntries: limits.maxEntries,
      maxEntryBytes: limits.maxDocumentXmlBytes,
      maxTotalBytes: 2 * limits.maxDocumentXmlBytes,
      maxRatio: limits.maxRatio,
    },
    wanted: (name) => wanted.has(name),
    invalid: () => notDocx(fileName),
  });
}

/** Extracts the text of a .docx: paragraphs joined by "\n", no blank lines, LF only. */
export async function docxToText(bytes: Uint8Array, fileName: string, limits: Partial<DocxLimits> = {}): Promise<string> {
  return (await docxToLines(bytes, fileName, limits)).map((line) => line.text).join('\n');
}

/**
 * The lines of a .docx (as docxToText) with the name of each one's paragraph style, from
 * word/styles.xml ("Title", "heading 1", whatever language Word ran in), else its style id.
 */
export async function docxToLines(bytes: Uint8Array, fileName: string, limits: Partial<DocxLimits> = {}): Promise<StyledLine[]> {
  return (await readDocx(bytes, fileName, limits)).lines;
}

/**
 * docxToLines with the warnings of the reading: NUL, other control characters and unpaired
 * surrogates (which Word never writes, but a damaged or generated file can hold, raw or as
 * references like &#1; or &#xD800;) are removed as a .txt import removes them, with the
 * same warnings (removeUnsafeCharacters).
 */
export async function readDocx(
  bytes: Uint8Array,
  fileName: string,
  limits: Partial<DocxLimits> = {},
): Promise<{ lines: StyledLine[]; warnings: string[] }> {
  const lim = { ...DEFAULT_LIMITS, ...limits };
  assertWithinLimit(bytes.length, lim.maxBytes, fileName, '.docx file');
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new ImportError(fileName, 'is password-protected or an old Word .doc file; save it as .docx without a password');
  }
  if (!isZip(bytes)) throw notDocx(fileName);

  let files = readEntries(bytes, fileName, new Set([MAIN_DOCUMENT, '_rels/.rels', STYLES]), lim);
  const styles = files[STYLES] ? styleNames(decodeXml(files[STYLES])) : new Map<string, string>();
  let xmlBytes = files[MAIN_DOCUMENT];
  if (!xmlBytes) {
    // Some generators name the main part differently; the package relationships say where it is.
    const target = files['_rels/.rels'] && mainPartFromRels(decodeXml(files['_rels/.rels']));
    if (target) {
      files = readEntries(bytes, fileName, new Set([target]), lim);
      xmlBytes = files[target];
    }
  }
  if (!xmlBytes) throw notDocx(fileName, '; it has no word/document.xml');
  const warnings: string[] = [];
  return { lines: documentXmlToLines(decodeXml(xmlBytes), fileName, styles, warnings), warnings };
}

function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes); // strips a UTF-8 BOM
}

function mainPartFromRels(xml: string): string | null {
  for (const m of xml.matchAll(/<Relationship\b[^>]*>/g)) {
    const tag = m[0];
    if (!/Type="[^"]*\/officeDocument"/.test(tag)) continue;
    const target = /Target="([^"]+)"/.exec(tag)?.[1];
    if (target) return target.replace(/^\//, '');
  }
  return null;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  if (text.indexOf('&') === -1) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return ENTITIES[ref] ?? whole;
  });
}

/** The prefix bound to the WordprocessingML namespace ('w' in every Word file, but not guaranteed). */
function wordPrefix(xml: string): string {
  const head = xml.slice(0, 8192);
  for (const m of head.matchAll(/xmlns:([\w.-]+)\s*=\s*["']([^"']+)["']/g)) {
    if (WORDML_NS.includes(m[2]!)) return m[1]!;
  }
  return 'w';
}

// Tags (attribute values may hold '>' but never '<', which keeps the scan linear on broken
// input), comments, CDATA, processing instructions, declarations. A comment, CDATA section
// or processing instruction without its end runs to the end of the input and the
// file is refused: were the end required, every later "<!--" would
// rescan to the end, quadratic on a long run of them.
const TOKEN =
  /<(\/?)([A-Za-z_][\w.:-]*)((?:[^<>"']|"[^<"]*"|'[^<']*')*?)(\/?)>|<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[([\s\S]*?)(?:\]\]>|$)|<\?[\s\S]*?(?:\?>|$)|<!([A-Za-z]+)/g;

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Style id -> style name, from word/styles.xml. */
function styleNames(xml: string): Map<string, string> {
  const w = escapeRe(wordPrefix(xml));
  const names = new Map<string, string>();
  const idOf = new RegExp(`\\b${w}:styleId\\s*=\\s*["']([^"']*)["']`);
  const nameOf = new RegExp(`<${w}:name\\b[^<>]*?\\b${w}:val\\s*=\\s*["']([^"']*)["']`);
  for (const m of xml.matchAll(new RegExp(`<${w}:style\\b([^<>]*)>([\\s\\S]*?)(?:</${w}:style>|$)`, 'g'))) {
    const id = idOf.exec(m[1]!)?.[1];
    const name = nameOf.exec(m[2]!)?.[1];
    if (id !== undefined && name !== undefined) names.set(decodeEntities(id), decodeEntities(name));
  }
  return names;
}

/** Exported for tests: the text of a WordprocessingML body. */
export function documentXmlToText(xml: string, fileName: string): string {
  return documentXmlToLines(xml, fileName)
    .map((line) => line.text)
    .join('\n');
}

/**
 * The lines of a WordprocessingML body, each with its paragraph's style (a name from `styles`,
 * else the id). Characters that are not text are removed, each kind found warned of once in
 * `warnings`.
 */
export function documentXmlToLines(
  xml: string,
  fileName: string,
  styles: ReadonlyMap<string, string> = new Map(),
  warnings: string[] = [],
): StyledLine[] {
  const w = wordPrefix(xml);
  const P = `${w}:p`,
    R = `${w}:r`,
    T = `${w}:t`,
    STYLE = `${w}:pStyle`;
  const styleVal = new RegExp(`\\b${escapeRe(w)}:val\\s*=\\s*["']([^"']*)["']`);
  const paragraphs: StyledLine[] = [];
  const stack: string[][] = []; // open paragraphs; text boxes nest a w:p inside a w:p
  const styleStack: (string | null)[] = [];
  let runDepth = 0;
  let inText = false;
  let skipDepth = 0; // inside mc:Fallback, which repeats the mc:Choice content
  let last = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(xml); m; m = TOKEN.exec(xml)) {
    if (inText && skipDepth === 0 && m.index > last) stack[stack.length - 1]?.push(decodeEntities(xml.slice(last, m.index)));
    last = TOKEN.lastIndex;
    if (m.index + m[0].length === xml.length && /^<[!?]/.test(m[0]) && !/(?:-->|\]\]>|\?>)$/.test(m[0]) && m[6] === undefined) {
      throw new ImportError(
        fileName,
        'is not a valid .docx (its document has a comment, CDATA section or instruction that is never closed)',
      );
    }
    if (m[6] !== undefined) {
      // <!DOCTYPE or <!ENTITY: Word never writes one, and a DTD is how XML bombs and XXE work.
      throw new ImportError(fileName, 'is not a valid .docx (its document declares a DTD, which Word never writes)');
    }
    if (m[5] !== undefined) {
      if (inText && skipDepth === 0) stack[stack.length - 1]?.push(m[5]);
      continue;
    }
    const name = m[2];
    if (name === undefined) continue; // comment or processing instruction
    const closing = m[1] === '/';
    const selfClosing = m[4] === '/';
    if (name === 'mc:Fallback') {
      if (!selfClosing) skipDepth += closing ? -1 : 1;
      continue;
    }
    if (skipDepth > 0) continue;
    if (name === P) {
      if (selfClosing) continue;
      if (!closing) {
        stack.push([]);
        styleStack.push(null);
      } else {
        const text = (stack.pop() ?? []).join('');
        const style = styleStack.pop() ?? null;
        if (text.trim() !== '') paragraphs.push({ text, style: style === null ? null : (styles.get(style) ?? style) });
      }
    } else if (name === STYLE) {
      // <w:pPr><w:pStyle w:val="Title"/>: the style of the innermost open paragraph.
      const value = styleVal.exec(m[3] ?? '')?.[1];
      if (value !== undefined && styleStack.length && styleStack[styleStack.length - 1] === null)
        styleStack[styleStack.length - 1] = decodeEntities(value);
    } else if (name === R) {
      if (!selfClosing) runDepth += closing ? -1 : 1;
    } else if (name === T) {
      inText = !closing && !selfClosing;
    } else if (runDepth > 0 && !closing) {
      // Only inside runs: <w:tab/> in paragraph properties is a tab stop, not a character.
      const local = name.slice(w.length + 1);
      const out = stack[stack.length - 1];
      if (!out || name.slice(0, w.length + 1) !== `${w}:`) continue;
      if (local === 'tab') out.push('\t');
      else if (local === 'br' || local === 'cr') out.push('\n');
      else if (local === 'noBreakHyphen') out.push('-');
    }
  }
  const found = new Set<string>();
  const clean = (text: string) => {
    const mine: string[] = [];
    const out = removeUnsafeCharacters(text, mine);
    for (const w of mine) found.add(w);
    return out;
  };
  // A <w:br/> at a paragraph's end or two in a row would leave blank lines; the spec is none.
  const lines = paragraphs.flatMap(({ text, style }) =>
    canonicalNewlines(clean(text))
      .split('\n')
      .map((line) => line.trimEnd())
      .filter((line) => line.trim() !== '')
      .map((line) => ({ text: line, style })),
  );
  for (const w of found) warnings.push(w);
  return lines;
}
