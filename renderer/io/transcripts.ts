// The one entry point for turning a dropped file into canonical text + speaker turns.
// Pure over bytes: the caller reads the file and stores the result in one transaction.
import type { Section, Turn } from '../core/shared';
import { splitSections, splitTitle, detectTurns, proposeSpeakerRoles, type StyledLine } from '../core/transcripts';
import { parseCaptions } from './captions';
import { MAX_TEXT_BYTES, assertWithinLimit, canonicalNewlines, decodeText } from './decode';
import { ImportError } from './errors';
import { stripAutolinks, stripBracketed, stripPaired } from './linearScan';
import { looksLikeOtter, parseOtterText } from './otter';
import { parseWhisperJson, parseWhisperTsv } from './whisper';

export { ImportError };

export const TRANSCRIPT_EXTENSIONS = ['.txt', '.md', '.markdown', '.docx', '.odt', '.rtf', '.pdf', '.vtt', '.srt', '.json', '.tsv'];

export interface ImportedTranscript {
  text: string;
  turns: Turn[];
  /** The format id of the file name (transcriptFormat), except 'otter' for an Otter export in a .txt. */
  format: string;
  warnings: string[];
  /** The document's own title (a .docx Title/Heading or title line), taken out of the text. */
  title?: string;
  /** Its headings (.docx, .odt, .rtf), taken out of the text as section markers. */
  sections?: Section[];
}

const FORMATS: Record<string, string> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.docx': 'docx',
  '.odt': 'odt',
  '.rtf': 'rtf',
  '.pdf': 'pdf',
  '.vtt': 'vtt',
  '.srt': 'srt',
  '.json': 'json', // Whisper or WhisperX
  '.tsv': 'tsv', // Whisper
};

/** Lower-case extension with the dot, '' when the name has none. */
export function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

/** Format id for a file name, or null when we cannot import it. */
export function transcriptFormat(fileName: string): string | null {
  return FORMATS[extensionOf(fileName)] ?? null;
}

// ---- Markdown -> plain text -------------------------------------------------------------
// Line by line, so a speaker label stays at the start of its line and detectTurns sees
// "Dale: ..." where the file had "**Dale:** ...". Offsets then index the plain text.

// Escaped punctuation is parked in the Private Use Area while emphasis is stripped, so
// "\*not emphasis\*" keeps its asterisks.
const PARK = 0xe000;

function stripInline(line: string): string {
  const parked = line.replace(/\\([\\`*_{}[\]()#+\-.!>~|])/g, (_, c: string) => String.fromCharCode(PARK + c.charCodeAt(0)));
  // Links, autolinks and paired delimiters are scanned by hand: their regexes backtracked
  // quadratically on a long line of "[a " or "**a ".
  const links = stripAutolinks(stripBracketed(stripBracketed(stripBracketed(parked, 'image'), 'inline'), 'ref'));
  return stripPaired(stripPaired(links.replace(/`([^`]+)`/g, '$1'), ['**', '__']), ['~~'])
    .replace(/\*(?=[^\s*])([^*]*?[^\s*])\*/g, '$1')
    .replace(/(^|[^\p{L}\p{N}_])_(?=[^\s_])([^_]*?[^\s_])_(?![\p{L}\p{N}_])/gu, '$1$2') // not snake_case
    .replace(/[\ue000-\ue07f]/g, (c) => String.fromCharCode(c.charCodeAt(0) - PARK));
}

export function markdownToText(md: string): string {
  const lines = canonicalNewlines(md).split('\n');
  const out: string[] = [];
  let i = 0;
  if (lines[0] === '---') {
    // YAML front matter: metadata, not speech.
    const close = lines.indexOf('---', 1);
    if (close > 0) i = close + 1;
  }
  for (; i < lines.length; i++) {
    let line = lines[i]!;
    if (/^\s*(?:```|~~~)/.test(line)) continue; // code fences; their content is kept as text
    if (/^\s{0,3}(?:[-*_][ \t]*){3,}$/.test(line) || /^\s{0,3}=+\s*$/.test(line)) continue; // rules, setext
    if (/^\s{0,3}\[[^\]]+\]:\s*(?:<[^>]*>|\S+)(?:\s+["'(].*)?$/.test(line) && /:\s*(?:<|https?:|\/|#|www\.)/.test(line)) {
      continue; // link reference definition, not a "[Name]: ..." speaker line
    }
    line = line.replace(/^\s{0,3}#{1,6}(?:[ \t]+|$)/, '').replace(/[ \t]+#+[ \t]*$/, '');
    line = line.replace(/^(?:\s*>[ \t]?)+/, ''); // blockquotes
    line = line.replace(/^(\s*)[-*+][ \t]+(?!\[)/, '$1'); // bullets; ordered lists keep their numbers
    out.push(stripInline(line));
  }
  return out.join('\n');
}

// ---- Import -------------------------------------------------------------------------------

/** A word-processor document's styled lines; each reader loads on demand (fflate stays out of the main bundle). */
async function readDocument(format: string, bytes: Uint8Array, name: string): Promise<{ lines: StyledLine[]; warnings: string[] }> {
  if (format === 'odt') return (await import('./odt')).readOdt(bytes, name);
  if (format === 'rtf') return (await import('./rtf')).readRtf(bytes, name);
  if (format === 'pdf') return (await import('./pdf')).readPdf(bytes, name);
  return (await import('./docx')).readDocx(bytes, name);
}

function withRoles(turns: Turn[]): Turn[] {
  const speakers = [...new Set(turns.flatMap((t) => (t.speaker === null ? [] : [t.speaker])))];
  const roles = proposeSpeakerRoles(speakers);
  return turns.map((t) => (t.speaker === null ? t : { ...t, speakerRole: roles[t.speaker] ?? 'other' }));
}

/** Imports one transcript file; throws ImportError with a message for the researcher. */
export async function importTranscript(file: { name: string; bytes: Uint8Array }): Promise<ImportedTranscript> {
  const { name, bytes } = file;
  const ext = extensionOf(name);
  const format = FORMATS[ext];
  if (!format) {
    const what = ext === '' ? 'unsupported file type (no extension)' : `unsupported file type ${ext}`;
    throw new ImportError(name, `${what}; use .txt, .md, .docx, .odt, .rtf, .pdf, .vtt, .srt, or Whisper's .json or .tsv`);
  }
  const document = format === 'docx' || format === 'odt' || format === 'rtf' || format === 'pdf';
  // Each document reader checks its own size limit, before anything is parsed.
  if (!document) assertWithinLimit(bytes.length, MAX_TEXT_BYTES, name, 'text file');

  let text: string;
  let turns: Turn[] | null = null;
  let warnings: string[];
  let detected = format;
  let title: string | null = null;
  let sections: Section[] | undefined;
  if (document) {
    const read = await readDocument(format, bytes, name);
    warnings = read.warnings;
    const split = splitTitle(read.lines.map((line, i) => (i === 0 ? { ...line, text: line.text.replace(/^\uFEFF/, '') } : line)));
    title = split.title;
    const structured = splitSections(split.lines);
    if (structured.sections.length > 0) sections = structured.sections;
    // Each line is free of \r already (paragraphLines), so offsets into the join are final.
    text = structured.lines.map((line) => line.text).join('\n');
  } else {
    const decoded = decodeText(bytes, name);
    warnings = decoded.warnings;
    text = decoded.text;
    if (format === 'md') text = markdownToText(text);
    // Timed formats: the times go into the turns, never the text.
    let timed: { text: string; turns: Turn[]; warnings: string[] } | null = null;
    if (format === 'vtt' || format === 'srt') timed = parseCaptions(text, name, format);
    else if (format === 'json') timed = parseWhisperJson(text, name);
    else if (format === 'tsv') timed = parseWhisperTsv(text, name);
    else if (format === 'txt' && looksLikeOtter(text)) {
      timed = parseOtterText(text, name);
      detected = 'otter';
    }
    if (timed) {
      text = timed.text;
      turns = timed.turns;
      for (const w of timed.warnings) warnings.push(w);
    }
  }
  if (text.trim() === '') throw new ImportError(name, 'has no text');
  return {
    text,
    turns: withRoles(turns ?? detectTurns(text)),
    format: detected,
    warnings,
    ...(title ? { title } : {}),
    ...(sections ? { sections } : {}),
  };
}
