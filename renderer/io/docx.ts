// .docx -> canonical plain text, one line per non-empty Word paragraph, each with the name of
// its paragraph style (a Title or Heading at the top is the transcript's title: core/transcriptTitle).
//
// Why not mammoth: measured on this machine it takes 80-120 ms for 10,000 words and drops
// <w:br/>; fast-xml-parser took 45-200 ms and needs htmlEntities for numeric references. We
// need only paragraphs, runs, text, tabs and breaks, so a single regex scan over
// word/document.xml (xmlScan.ts, shared with .odt) does it in a few ms. The zip is bounded
// before anything is inflated (DESIGN "Security").
import { labelSpeakers, leftOutWarning, type StyledLine } from '../core/transcripts';
import { ImportError } from './errors';
import { MAX_DOCX_BYTES, assertWithinLimit, paragraphLines } from './decode';
import { OfficeParagraphs } from './officeParagraphs';
import { decodeEntities, decodeXml, escapeRe, xmlTokens } from './xmlScan';
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
  const styles = files[STYLES] ? readStyles(decodeXml(files[STYLES])) : { names: new Map<string, string>(), bold: new Set<string>() };
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
  return { lines: documentXmlToLines(decodeXml(xmlBytes), fileName, styles.names, warnings, styles.bold), warnings };
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

/** The prefix bound to the WordprocessingML namespace ('w' in every Word file, but not guaranteed). */
function wordPrefix(xml: string): string {
  const head = xml.slice(0, 8192);
  for (const m of head.matchAll(/xmlns:([\w.-]+)\s*=\s*["']([^"']+)["']/g)) {
    if (WORDML_NS.includes(m[2]!)) return m[1]!;
  }
  return 'w';
}

/**
 * Style id -> style name, from word/styles.xml, and the ids of the character styles that set
 * text in bold (Word's "Strong", which LibreOffice writes with the id "StrongEmphasis").
 */
function readStyles(xml: string): { names: Map<string, string>; bold: Set<string> } {
  const w = escapeRe(wordPrefix(xml));
  const names = new Map<string, string>();
  const bold = new Set<string>();
  const isCharacter = new RegExp(`\\b${w}:type\\s*=\\s*["']character["']`);
  const setsBold = new RegExp(`<${w}:b(?:\\s+${w}:val\\s*=\\s*["'](?:1|true|on)["'])?\\s*/>`);
  const idOf = new RegExp(`\\b${w}:styleId\\s*=\\s*["']([^"']*)["']`);
  const nameOf = new RegExp(`<${w}:name\\b[^<>]*?\\b${w}:val\\s*=\\s*["']([^"']*)["']`);
  for (const m of xml.matchAll(new RegExp(`<${w}:style\\b([^<>]*)>([\\s\\S]*?)(?:</${w}:style>|$)`, 'g'))) {
    const id = idOf.exec(m[1]!)?.[1];
    const name = nameOf.exec(m[2]!)?.[1];
    if (id !== undefined && name !== undefined) names.set(decodeEntities(id), decodeEntities(name));
    if (id !== undefined && isCharacter.test(m[1]!) && (setsBold.test(m[2]!) || name === 'Strong')) bold.add(decodeEntities(id));
  }
  return { names, bold };
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
  boldStyles: ReadonlySet<string> = new Set(['Strong']),
): StyledLine[] {
  const w = wordPrefix(xml);
  const P = `${w}:p`,
    R = `${w}:r`,
    T = `${w}:t`,
    STYLE = `${w}:pStyle`;
  const styleVal = new RegExp(`\\b${escapeRe(w)}:val\\s*=\\s*["']([^"']*)["']`);
  const doc = new OfficeParagraphs();
  let runDepth = 0;
  let runBold = false;
  let inText = false;
  let skipDepth = 0; // inside mc:Fallback (it repeats mc:Choice) or w:moveFrom (text moved elsewhere)
  let last = 0;
  let comments = 0;
  let changes = 0;
  const [INS, DEL, MOVE_FROM, MOVE_TO, COMMENT, BOLD, RUN_STYLE, ROW, CELL] = [
    'ins',
    'del',
    'moveFrom',
    'moveTo',
    'commentReference',
    'b',
    'rStyle',
    'tr',
    'tc',
  ].map((n) => `${w}:${n}`);
  for (const token of xmlTokens(xml, fileName, 'a valid .docx')) {
    if (inText && skipDepth === 0 && token.index > last) doc.text(decodeEntities(xml.slice(last, token.index)), runBold);
    last = token.end;
    if (token.cdata !== undefined) {
      if (inText && skipDepth === 0) doc.text(token.cdata, runBold);
      continue;
    }
    const { name, closing, selfClosing } = token;
    if (name === undefined) continue; // comment or processing instruction
    if (name === 'mc:Fallback' || name === MOVE_FROM) {
      // Tracked changes are read as accepted: moved text where it went (w:moveTo), deleted
      // text (w:delText, never w:t) nowhere. A move counts once, at its w:moveTo.
      if (!selfClosing) skipDepth += closing ? -1 : 1;
      continue;
    }
    if (skipDepth > 0) continue;
    if ((name === INS || name === DEL || name === MOVE_TO) && !closing && !selfClosing) changes++;
    if (name === COMMENT) comments++;
    if (name === P) {
      if (selfClosing) continue;
      if (closing) doc.closeParagraph();
      else doc.openParagraph();
    } else if (name === STYLE) {
      // <w:pPr><w:pStyle w:val="Title"/>: the style of the innermost open paragraph.
      const value = styleVal.exec(token.attributes)?.[1];
      if (value !== undefined) doc.styleParagraph(styles.get(decodeEntities(value)) ?? decodeEntities(value));
    } else if (name === R) {
      if (!selfClosing) runDepth += closing ? -1 : 1;
      if (!closing) runBold = false;
    } else if (runDepth > 0 && (name === BOLD || name === RUN_STYLE) && !closing) {
      // <w:rPr><w:b/> (or w:val="0" / "false" / "off" for not bold), or a bold character style.
      const value = styleVal.exec(token.attributes)?.[1];
      runBold = name === BOLD ? !/^(?:0|false|off)$/.test(value ?? '') : runBold || boldStyles.has(decodeEntities(value ?? ''));
    } else if (name === T) {
      inText = !closing && !selfClosing;
    } else if (name === ROW && !selfClosing) {
      if (closing) doc.closeRow();
      else doc.openRow();
    } else if (name === CELL && !selfClosing) {
      if (closing) doc.closeCell();
      else doc.openCell();
    } else if (runDepth > 0 && !closing) {
      // Only inside runs: <w:tab/> in paragraph properties is a tab stop, not a character.
      const local = name.slice(w.length + 1);
      if (name.slice(0, w.length + 1) !== `${w}:`) continue;
      if (local === 'tab') doc.text('\t', runBold);
      else if (local === 'br' || local === 'cr') doc.text('\n', runBold);
      else if (local === 'noBreakHyphen') doc.text('-', runBold);
    }
  }
  const leftOut = leftOutWarning(comments, changes);
  // A <w:br/> at a paragraph's end or two in a row would leave blank lines; the spec is none.
  const lines = paragraphLines(labelSpeakers(doc.lines), warnings);
  if (leftOut) warnings.push(leftOut);
  return lines;
}
