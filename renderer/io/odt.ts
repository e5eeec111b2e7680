// .odt (OpenDocument text, as LibreOffice writes it) -> the lines of its paragraphs and
// headings, each with its style's display name, tables read row by row, speaker labels in
// bold or in a table's first column written as "Name:" (core/officeText). Comments, notes,
// generated indexes and the deleted text of tracked changes are left out (read as accepted).
// The zip is bounded as a .docx is, and content.xml goes through the same linear tokenizer
// that never reads a DTD (xmlScan.ts); the zip reader checks every entry's CRC-32.
import { leftOutWarning, labelSpeakers, type StyledLine } from '../core/transcripts';
import { MAX_DOCX_BYTES, assertWithinLimit, paragraphLines } from './decode';
import { MAX_COMPRESSION_RATIO, MAX_DOCUMENT_XML_BYTES, MAX_ZIP_ENTRIES } from './docx';
import { ImportError } from './errors';
import { OfficeParagraphs } from './officeParagraphs';
import { attribute, decodeEntities, decodeXml, xmlTokens } from './xmlScan';
import { isZip, readZipEntries } from './zip';

const NS = {
  text: 'urn:oasis:names:tc:opendocument:xmlns:text:1.0',
  table: 'urn:oasis:names:tc:opendocument:xmlns:table:1.0',
  office: 'urn:oasis:names:tc:opendocument:xmlns:office:1.0',
  style: 'urn:oasis:names:tc:opendocument:xmlns:style:1.0',
  fo: 'urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0',
  svg: 'urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0',
} as const;
type Prefixes = Record<keyof typeof NS, string>;

const WANTED = new Set(['content.xml', 'styles.xml', 'mimetype', 'META-INF/manifest.xml']);

function notOdt(fileName: string, why = ''): ImportError {
  return new ImportError(fileName, `is not a valid .odt (corrupt or not an OpenDocument text file)${why}`);
}

/** Reads an .odt file; throws ImportError with a message for the researcher. */
export function readOdt(bytes: Uint8Array, fileName: string): { lines: StyledLine[]; warnings: string[] } {
  assertWithinLimit(bytes.length, MAX_DOCX_BYTES, fileName, '.odt file');
  if (!isZip(bytes)) throw notOdt(fileName);
  const files = readZipEntries(bytes, {
    fileName,
    limits: {
      maxEntries: MAX_ZIP_ENTRIES,
      maxEntryBytes: MAX_DOCUMENT_XML_BYTES,
      maxTotalBytes: 2 * MAX_DOCUMENT_XML_BYTES,
      maxRatio: MAX_COMPRESSION_RATIO,
    },
    wanted: (name) => WANTED.has(name),
    invalid: () => notOdt(fileName),
  });
  const mimetype = files.mimetype ? new TextDecoder().decode(files.mimetype).trim() : null;
  if (mimetype !== null && !mimetype.startsWith('application/vnd.oasis.opendocument.text')) {
    const kind = /spreadsheet/.test(mimetype) ? 'a spreadsheet' : /presentation/.test(mimetype) ? 'a presentation' : mimetype;
    throw new ImportError(fileName, `is an OpenDocument file of another kind (${kind}), not a text document`);
  }
  const manifest = files['META-INF/manifest.xml'];
  if (manifest && /encryption-data/.test(decodeXml(manifest))) {
    throw new ImportError(fileName, 'is password-protected; save it again without a password');
  }
  if (!files['content.xml']) throw notOdt(fileName, '; it has no content.xml');
  const content = decodeXml(files['content.xml']);
  const styles = new OdtStyles();
  if (files['styles.xml']) styles.read(decodeXml(files['styles.xml']), fileName, false);
  styles.read(content, fileName, true);
  return readBody(content, fileName, styles);
}

function prefixesOf(xml: string): Prefixes {
  const found: Partial<Prefixes> = {};
  for (const m of xml.slice(0, 16384).matchAll(/xmlns:([\w.-]+)\s*=\s*["']([^"']+)["']/g)) {
    for (const [key, uri] of Object.entries(NS)) if (m[2] === uri) found[key as keyof Prefixes] ??= m[1]!;
  }
  return { text: 'text', table: 'table', office: 'office', style: 'style', fo: 'fo', svg: 'svg', ...found };
}

/** "Heading_20_1" -> "Heading 1": ODF writes characters a name may not hold as _hh_. */
const displayOf = (name: string) => name.replace(/_([0-9a-fA-F]{2})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

interface OdtStyle {
  parent?: string;
  display?: string;
  bold?: boolean;
  automatic: boolean;
}

/** Paragraph and text styles, from styles.xml and content.xml's automatic styles. */
class OdtStyles {
  private readonly styles = new Map<string, OdtStyle>();

  read(xml: string, fileName: string, automatic: boolean): void {
    const p = prefixesOf(xml);
    const [STYLE, PROPS] = [`${p.style}:style`, `${p.style}:text-properties`];
    let current: OdtStyle | null = null;
    for (const token of xmlTokens(xml, fileName, 'a valid .odt')) {
      if (token.name === STYLE && !token.closing) {
        const name = attribute(token.attributes, `${p.style}:name`);
        current = null;
        if (name === undefined) continue;
        const parent = attribute(token.attributes, `${p.style}:parent-style-name`);
        const display = attribute(token.attributes, `${p.style}:display-name`);
        current = { automatic, ...(parent ? { parent } : {}), ...(display ? { display } : {}) };
        this.styles.set(name, current);
        if (token.selfClosing) current = null;
      } else if (token.name === STYLE && token.closing) current = null;
      else if (token.name === PROPS && current) {
        const weight = attribute(token.attributes, `${p.fo}:font-weight`);
        if (weight !== undefined) current.bold = weight === 'bold' || Number(weight) >= 600;
      }
    }
  }

  /** The display name of a style, or of the named style an automatic one is based on. */
  nameOf(name: string | undefined): string | null {
    for (let at = name, hops = 0; at !== undefined && hops < 50; hops++) {
      const style = this.styles.get(at);
      if (!style) return displayOf(at);
      if (!style.automatic) return style.display ?? displayOf(at);
      at = style.parent;
    }
    return null;
  }

  isBold(name: string | undefined): boolean | undefined {
    for (let at = name, hops = 0; at !== undefined && hops < 50; hops++) {
      const style = this.styles.get(at);
      if (!style) return undefined;
      if (style.bold !== undefined) return style.bold;
      at = style.parent;
    }
    return undefined;
  }
}

function readBody(xml: string, fileName: string, styles: OdtStyles): { lines: StyledLine[]; warnings: string[] } {
  const p = prefixesOf(xml);
  const t = (local: string) => `${p.text}:${local}`;
  const [P, H, SPAN, S, TAB, BREAK] = ['p', 'h', 'span', 's', 'tab', 'line-break'].map(t);
  const [ROW, CELL] = [`${p.table}:table-row`, `${p.table}:table-cell`];
  const ANNOTATION = `${p.office}:annotation`;
  const CHANGED_REGION = t('changed-region');
  // Elements whose text is not the document's: comments, deleted text, notes, generated
  // indexes, declarations, and the titles and descriptions of drawings.
  const SKIPPED = new Set([
    ANNOTATION,
    t('tracked-changes'),
    t('note'),
    t('table-of-content'),
    t('alphabetical-index'),
    t('illustration-index'),
    t('table-index'),
    t('object-index'),
    t('user-index'),
    t('bibliography'),
    t('sequence-decls'),
    t('variable-decls'),
    t('user-field-decls'),
    `${p.office}:forms`,
    `${p.svg}:title`,
    `${p.svg}:desc`,
  ]);

  const doc = new OfficeParagraphs();
  const bold: boolean[] = []; // of the open paragraphs and spans, innermost last
  let skipDepth = 0;
  let comments = 0;
  let changes = 0;
  let last = 0;

  const push = (raw: string) => {
    // In ODF, white space in the XML is one space, and none at a paragraph's start; text:s
    // and text:tab are the document's own spaces and tabs.
    const piece = raw.replace(/[ \t\r\n]+/g, ' ');
    doc.text(doc.paragraphEmpty ? piece.replace(/^ /, '') : piece, bold[bold.length - 1]);
  };

  for (const token of xmlTokens(xml, fileName, 'a valid .odt')) {
    if (skipDepth === 0 && token.index > last && doc.inParagraph) push(decodeEntities(xml.slice(last, token.index)));
    last = token.end;
    if (token.cdata !== undefined) {
      if (skipDepth === 0) push(token.cdata);
      continue;
    }
    const { name, closing, selfClosing, attributes } = token;
    if (name === undefined) continue;
    if (name === ANNOTATION && !closing) comments++;
    if (name === CHANGED_REGION && !closing) changes++;
    if (skipDepth > 0) {
      if (!selfClosing) skipDepth += closing ? -1 : 1;
      continue;
    }
    if (SKIPPED.has(name)) {
      if (!closing && !selfClosing) skipDepth = 1;
      continue;
    }
    if (name === P || name === H) {
      if (selfClosing) continue;
      if (closing) {
        doc.closeParagraph();
        bold.pop();
        continue;
      }
      const styleName = attribute(attributes, t('style-name'));
      const level = attribute(attributes, t('outline-level'));
      doc.openParagraph(styles.nameOf(styleName) ?? (name === H ? `Heading ${level ?? 1}` : null));
      bold.push(styles.isBold(styleName) ?? false);
    } else if (name === SPAN && !selfClosing && doc.inParagraph) {
      if (closing) bold.pop();
      else bold.push(styles.isBold(attribute(attributes, t('style-name'))) ?? bold[bold.length - 1] ?? false);
    } else if (name === S && !closing) {
      const count = Math.min(1000, Math.max(1, Number(attribute(attributes, t('c')) ?? 1) || 1));
      doc.text(' '.repeat(count), bold[bold.length - 1]);
    } else if (name === TAB && !closing) doc.text('\t', bold[bold.length - 1]);
    else if (name === BREAK && !closing) doc.text('\n', bold[bold.length - 1]);
    else if (name === ROW && !selfClosing) {
      if (closing) doc.closeRow();
      else doc.openRow();
    } else if (name === CELL) {
      if (selfClosing) doc.emptyCell();
      else if (closing) doc.closeCell();
      else doc.openCell();
    }
  }
  const warnings: string[] = [];
  const lines = paragraphLines(labelSpeakers(doc.lines), warnings);
  const leftOut = leftOutWarning(comments, changes);
  if (leftOut) warnings.push(leftOut);
  return { lines, warnings };
}
