// .rtf -> the lines of its paragraphs, each with its style's name (a Title or Heading at the
// top is the transcript's title: core/transcriptTitle), and speaker labels in bold or in a
// table's first column written as "Name:" (core/officeText).
//
// Why our own reader: rtf.js draws into a DOM (none in a worker), rtf-parser (2017) and
// rtf-stream-parser need Node streams and iconv-lite in the browser. Transcripts need only
// paragraphs, line breaks, tabs, Unicode (\u) and code-page (\'hh, \ansicpg, \fcharset)
// characters, bold, styles and table rows; this reads those in one pass over the bytes, in
// linear time on any input, and skips every destination that is not the document's text
// (font and colour tables, pictures, headers and footers, field instructions, comments).
import { leftOutWarning, labelSpeakers, type StyledLine } from '../core/transcripts';
import { MAX_DOCX_BYTES, assertWithinLimit, paragraphLines } from './decode';
import { ImportError } from './errors';
import { OfficeParagraphs } from './officeParagraphs';
import { CodePageBytes, charsetCodePage } from './rtfCodePages';

export const MAX_RTF_BYTES = MAX_DOCX_BYTES;
/** Word nests a few dozen groups; a file nesting thousands is broken or hostile. */
export const MAX_RTF_DEPTH = 1000;

interface GroupState {
  /** Inside a destination whose text is not the document's. */
  skip: boolean;
  /** Where its text goes: the document, or the font table / stylesheet being read. */
  table: 'none' | 'fonts' | 'styles';
  uc: number;
  bold: boolean;
  deleted: boolean;
  hidden: boolean;
  codePage: number;
  style: number;
  inTable: boolean;
}

/** Destinations that hold no text of the document (their groups are skipped whole). */
const SKIPPED = new Set(
  (
    'colortbl info pict object header headerl headerr headerf footer footerl footerr footerf footnote fldinst ' +
    'xe tc txe listtext pntext pntxta pntxtb themedata colorschememapping datastore latentstyles listtable ' +
    'listoverridetable rsidtbl generator xmlnstbl mmathPr filetbl revtbl shp shpinst shppict nonshppict do ' +
    'template userprops docvar wgrffmtfilter pgdsctbl fchars lchars ftnsep ftnsepc aftnsep aftnsepc ' +
    'atnid atnauthor atntime atnicn atnref atndate atrfstart atrfend bkmkstart bkmkend protusertbl ' +
    'passwordhash defchp defpap fontemb fontfile falt panose'
  ).split(' '),
);

const SYMBOLS: Record<string, string> = {
  tab: '\t',
  line: '\n',
  emdash: '—',
  endash: '–',
  bullet: '•',
  lquote: '‘',
  rquote: '’',
  ldblquote: '“',
  rdblquote: '”',
  emspace: '\u2003',
  enspace: '\u2002',
  qmspace: '\u2005',
};

const isLetter = (b: number) => (b >= 0x61 && b <= 0x7a) || (b >= 0x41 && b <= 0x5a);
const isDigit = (b: number) => b >= 0x30 && b <= 0x39;
const HEX = /^[0-9a-fA-F]{2}$/;

function isRtf(bytes: Uint8Array): boolean {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++;
  return String.fromCharCode(...bytes.subarray(i, i + 5)) === '{\\rtf';
}

/** Reads an .rtf file; throws ImportError with a message for the researcher. */
export function readRtf(bytes: Uint8Array, fileName: string): { lines: StyledLine[]; warnings: string[] } {
  assertWithinLimit(bytes.length, MAX_RTF_BYTES, fileName, '.rtf file');
  if (!isRtf(bytes)) throw new ImportError(fileName, 'is not an RTF document (it does not start with {\\rtf)');
  return new RtfReader(bytes, fileName).read();
}

class RtfReader {
  private readonly warnings: string[] = [];
  private readonly doc = new OfficeParagraphs();
  private readonly fontCodePages = new Map<number, number>();
  private readonly styleNames = new Map<number, string>();
  private readonly bytesIn = new CodePageBytes();
  private defaultCodePage = 1252;
  private defaultFont = 0;
  private tableFont = 0;
  private state: GroupState = {
    skip: false,
    table: 'none',
    uc: 1,
    bold: false,
    deleted: false,
    hidden: false,
    codePage: 1252,
    style: 0,
    inTable: false,
  };
  private readonly stack: GroupState[] = [];
  private groupStart = false;
  private ignorable = false;
  /** Characters still to skip after a \u (its fallback for readers without Unicode). */
  private toSkip = 0;
  // A stylesheet entry being read.
  private styleEntry: { index: number; name: string; paragraph: boolean } | null = null;
  private styleDepth = 0;
  private comments = 0;
  private changes = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly fileName: string,
  ) {
    this.doc.openParagraph();
  }

  read(): { lines: StyledLine[]; warnings: string[] } {
    const b = this.bytes;
    let i = b.indexOf(0x7b); // the opening brace isRtf found
    while (i < b.length) {
      const c = b[i]!;
      if (c === 0x7b) {
        this.flush();
        if (this.stack.length >= MAX_RTF_DEPTH)
          throw new ImportError(this.fileName, `nests groups more than ${MAX_RTF_DEPTH} deep; it is damaged`);
        this.stack.push(this.state);
        this.state = { ...this.state };
        this.groupStart = true;
        this.ignorable = false;
        this.toSkip = 0;
        if (this.state.table === 'styles' && this.stack.length === this.styleDepth + 1) {
          this.styleEntry = { index: 0, name: '', paragraph: true };
        }
        i++;
      } else if (c === 0x7d) {
        this.flush();
        if (this.state.table === 'styles' && this.stack.length === this.styleDepth + 1) this.endStyleEntry();
        const outer = this.stack.pop();
        i++;
        if (!outer) break; // the document's group is closed: whatever follows is not RTF
        this.state = outer;
        this.groupStart = false;
        this.toSkip = 0;
        if (this.stack.length === 0) break;
      } else if (c === 0x5c) {
        i = this.control(i);
      } else if (c === 0x0d || c === 0x0a) {
        i++; // line ends in RTF source are not text
      } else {
        // A run of plain bytes up to the next brace, backslash or line end.
        let j = i;
        while (j < b.length && b[j] !== 0x7b && b[j] !== 0x7d && b[j] !== 0x5c && b[j] !== 0x0d && b[j] !== 0x0a) j++;
        this.groupStart = false;
        for (let k = i; k < j; k++) {
          if (this.toSkip > 0) {
            this.toSkip--;
            continue;
          }
          const byte = b[k]!;
          if (byte < 0x80) {
            // ASCII: gather the rest of the run at once.
            let e = k;
            while (e < j && b[e]! < 0x80) e++;
            this.flush();
            this.text(String.fromCharCode(...b.subarray(k, Math.min(e, k + 8192))));
            k = Math.min(e, k + 8192) - 1;
          } else this.byte(byte);
        }
        i = j;
      }
    }
    this.flush();
    if (this.stack.length > 0) this.warnings.push('the file ends before its last group closes; it may have been cut short');
    this.endParagraph();
    this.endRow();
    if (this.bytesIn.unsupported.size > 0) {
      this.warnings.push(
        `code page ${[...this.bytesIn.unsupported].join(', ')} is not supported; its letters outside ASCII were read as Windows-1252 and may be wrong`,
      );
    }
    const leftOut = leftOutWarning(this.comments, this.changes);
    const lines = paragraphLines(labelSpeakers(this.doc.lines), this.warnings);
    if (leftOut) this.warnings.push(leftOut);
    return { lines, warnings: this.warnings };
  }

  /** Reads a control word or symbol at b[i] (a backslash); returns where the next token starts. */
  private control(i: number): number {
    const b = this.bytes;
    const next = b[i + 1];
    if (next === undefined) return i + 1;
    if (!isLetter(next)) {
      // Control symbols.
      if (next === 0x27) {
        // \'hh: one byte in the current code page.
        const hex = String.fromCharCode(b[i + 2] ?? 0, b[i + 3] ?? 0);
        this.groupStart = false;
        if (this.toSkip > 0) this.toSkip--;
        else if (HEX.test(hex)) this.byte(parseInt(hex, 16));
        return i + 4;
      }
      this.flush();
      const wasStart = this.groupStart;
      this.groupStart = false;
      if (next === 0x2a && wasStart) {
        this.ignorable = true; // \*: skip the group unless we know its destination
        this.groupStart = true;
        return i + 2;
      }
      if (this.toSkip > 0) {
        this.toSkip--;
        return i + 2;
      }
      if (this.state.skip) return i + 2;
      if (next === 0x5c || next === 0x7b || next === 0x7d) this.text(String.fromCharCode(next));
      else if (next === 0x7e) this.text('\u00a0');
      else if (next === 0x5f) this.text('-');
      else if (next === 0x0a || next === 0x0d) this.endParagraph();
      else if (next === 0x09) this.text('\t');
      return i + 2; // \- (optional hyphen), \: and \| are not text
    }
    let j = i + 1;
    while (j < b.length && j - i <= 33 && isLetter(b[j]!)) j++;
    const word = String.fromCharCode(...b.subarray(i + 1, j));
    let param: number | null = null;
    let k = j;
    if (b[k] === 0x2d && isDigit(b[k + 1] ?? 0)) k++;
    while (k < b.length && k - j <= 11 && isDigit(b[k]!)) k++;
    if (k > j) param = Number(String.fromCharCode(...b.subarray(j, k)));
    if (b[k] === 0x20) k++; // the delimiting space belongs to the control word
    if (word === 'bin' && param !== null && param > 0) return Math.min(b.length, k + param);
    this.flush();
    const wasStart = this.groupStart;
    const ignorable = this.ignorable;
    this.groupStart = false;
    this.ignorable = false;
    if (this.toSkip > 0 && word !== 'u') {
      this.toSkip--;
      return k;
    }
    this.word(word, param, wasStart, ignorable);
    return k;
  }

  private word(word: string, param: number | null, groupStart: boolean, ignorable: boolean): void {
    const s = this.state;
    if (groupStart) {
      // The first word of a group may name its destination.
      if (word === 'fonttbl') s.table = 'fonts';
      else if (word === 'stylesheet') {
        s.table = 'styles';
        this.styleDepth = this.stack.length;
      } else if (word === 'annotation') {
        this.comments++;
        s.skip = true;
      } else if (SKIPPED.has(word) || (ignorable && word !== 'fldrslt')) s.skip = true;
    }
    if (s.skip) return;
    if (s.table === 'fonts') {
      if (word === 'f' && param !== null) this.tableFont = param;
      else if (word === 'fcharset' && param !== null) {
        const codePage = charsetCodePage(param);
        if (codePage !== undefined && !this.fontCodePages.has(this.tableFont)) this.fontCodePages.set(this.tableFont, codePage);
      } else if (word === 'cpg' && param !== null) this.fontCodePages.set(this.tableFont, param);
      return;
    }
    if (s.table === 'styles' && this.styleEntry) {
      if (word === 's' && param !== null) this.styleEntry.index = param;
      else if (word === 'cs' || word === 'ds' || word === 'ts') this.styleEntry.paragraph = false;
      return;
    }
    switch (word) {
      case 'par':
      case 'page':
      case 'sect':
        return this.endParagraph();
      case 'cell':
      case 'nestcell':
        return this.endCell();
      case 'row':
      case 'nestrow':
        return this.endRow();
      case 'intbl':
        s.inTable = true;
        return;
      case 'pard':
        s.inTable = false;
        s.style = 0;
        return;
      case 'plain':
        s.bold = false;
        s.deleted = false;
        s.hidden = false;
        s.codePage = this.fontCodePages.get(this.defaultFont) ?? this.defaultCodePage;
        return;
      case 'b':
        s.bold = param !== 0;
        return;
      case 'deleted':
        if (param !== 0 && !s.deleted) this.changes++;
        s.deleted = param !== 0;
        return;
      case 'v':
        s.hidden = param !== 0;
        return;
      case 'revised':
        if (param !== 0) this.changes++;
        return;
      case 's':
        s.style = param ?? 0;
        return;
      case 'uc':
        s.uc = Math.max(0, param ?? 1);
        return;
      case 'u':
        if (param !== null) this.text(String.fromCharCode(param < 0 ? param + 65536 : param));
        this.toSkip = s.uc;
        return;
      case 'ansicpg':
        this.defaultCodePage = param ?? 1252;
        s.codePage = this.fontCodePages.get(this.defaultFont) ?? this.defaultCodePage;
        return;
      case 'mac':
        this.defaultCodePage = 10000;
        s.codePage = 10000;
        return;
      case 'pc':
      case 'pca':
        this.defaultCodePage = word === 'pc' ? 437 : 850;
        s.codePage = this.defaultCodePage;
        return;
      case 'deff':
        this.defaultFont = param ?? 0;
        return;
      case 'f':
        s.codePage = this.fontCodePages.get(param ?? this.defaultFont) ?? this.defaultCodePage;
        return;
      default: {
        const symbol = SYMBOLS[word];
        if (symbol !== undefined) this.text(symbol);
      }
    }
  }

  private byte(byte: number): void {
    if (!this.state.skip) this.text(this.bytesIn.push(byte, this.state.codePage));
  }

  /** Decodes the bytes gathered so far: a multi-byte character may span two \'hh. */
  private flush(): void {
    this.text(this.bytesIn.take());
  }

  private text(t: string): void {
    const s = this.state;
    if (s.skip || t === '') return;
    if (s.table === 'styles') {
      if (this.styleEntry) this.styleEntry.name += t;
      return;
    }
    if (s.table === 'fonts' || s.deleted || s.hidden) return;
    this.doc.text(t, s.bold);
  }

  private endStyleEntry(): void {
    const entry = this.styleEntry;
    this.styleEntry = null;
    if (!entry?.paragraph) return;
    const name = entry.name.replace(/;\s*$/, '').trim();
    if (name !== '' && !this.styleNames.has(entry.index)) this.styleNames.set(entry.index, name);
  }

  // A paragraph is always open (RTF ends paragraphs, never starts them); one read in a table
  // goes into the cell its \cell ends, and \row ends the row.
  private inRow = false;
  private inCell = false;

  private startCell(): void {
    if (!this.inRow) this.doc.openRow();
    if (!this.inCell) this.doc.openCell();
    this.inRow = this.inCell = true;
  }

  private endParagraph(): void {
    if (this.state.inTable) this.startCell();
    else if (this.inRow) this.endRow(); // a table left without \row ends before this paragraph
    const style = this.styleNames.get(this.state.style);
    if (style !== undefined) this.doc.styleParagraph(style);
    this.doc.closeParagraph();
    this.doc.openParagraph();
  }

  private endCell(): void {
    this.startCell();
    this.doc.closeParagraph();
    this.doc.closeCell();
    this.inCell = false;
    this.doc.openParagraph();
  }

  private endRow(): void {
    if (!this.doc.paragraphEmpty) this.startCell();
    if (!this.inRow) return;
    this.doc.closeParagraph();
    if (this.inCell) this.doc.closeCell();
    this.doc.closeRow();
    this.inRow = this.inCell = false;
    this.doc.openParagraph();
  }
}
