// Quotes leaving the app (DOCX, Markdown, CSV/XLSX, the clipboard): each formatted under the
// project's settings with the redaction list applied, then everything that goes out (quote,
// attribution, the author's label and note, code names, the transcript's title, the document
// title) is checked for listed identifiers still there. Any found refuses the export, saying where.
import { codePathText } from '../codebook';
import { clockAt } from '../media';
import { DEFAULT_ROLES, GROUPS, type ProjectSnapshot } from '../shared';
import { leakChecker, quoteParts, type Quote, type QuoteQuery, type Redaction } from './index';
import { formatOptions, type QuoteSettings } from './quoteSettings';

export interface OutgoingQuote {
  quote: Quote;
  label?: string;
  usedIn?: string;
  cuts?: readonly { start: number; end: number }[];
}

export interface PreparedQuote {
  body: string;
  attribution: string;
  /** Code paths, e.g. 'Respectful communication / Listening'. */
  codes: string[];
  label: string;
  usedIn: string;
  transcript: string;
  start: number;
  end: number;
  /** When the passage starts in the transcript's recording ("12:34"); '' when not known. */
  time: string;
  trimmed: boolean;
}

export type LeakPlace = 'quote' | 'attribution' | 'label' | 'used in' | 'code' | 'transcript' | 'title';

export interface ExportLeak {
  /** 1-based position in the export; 0 for the title. */
  item: number;
  place: LeakPlace;
  find: string;
  found: string;
}

export interface PreparedExport {
  title: string;
  quotes: PreparedQuote[];
  leaks: ExportLeak[];
}

export function prepareQuotes(
  project: ProjectSnapshot,
  title: string,
  items: readonly OutgoingQuote[],
  settings: QuoteSettings,
  redactions: readonly Redaction[],
): PreparedExport {
  const sources = new Map(project.sources.map((s) => [s.id, s]));
  const leaks: ExportLeak[] = [];
  const unredacted = leakChecker(redactions);
  const check = (item: number, place: LeakPlace, text: string) => {
    for (const leak of unredacted(text)) leaks.push({ item, place, find: leak.find, found: leak.found });
  };
  check(0, 'title', title);
  const quotes = items.map((entry, i): PreparedQuote => {
    const parts = quoteParts(project, entry.quote, formatOptions(settings, redactions, entry.cuts));
    const prepared: PreparedQuote = {
      body: parts.body,
      attribution: parts.attribution,
      codes: entry.quote.codeIds.map((id) => codePathText(project.codes, id)).filter(Boolean),
      label: entry.label?.trim() ?? '',
      usedIn: entry.usedIn?.trim() ?? '',
      transcript: sources.get(entry.quote.sourceId)?.title ?? '',
      start: entry.quote.start,
      end: entry.quote.end,
      time: clockAt(sources.get(entry.quote.sourceId), entry.quote.start),
      trimmed: parts.trimmed || Boolean(entry.cuts?.length),
    };
    check(i + 1, 'quote', prepared.body);
    check(i + 1, 'attribution', prepared.attribution);
    check(i + 1, 'label', prepared.label);
    check(i + 1, 'used in', prepared.usedIn);
    for (const code of prepared.codes) check(i + 1, 'code', code);
    // The transcript's title goes out in the table forms (CSV, XLSX, the copied table).
    check(i + 1, 'transcript', prepared.transcript);
    return prepared;
  });
  return { title, quotes, leaks };
}

/** Why an export was refused, naming each place, or '' when it may go out. */
export function leakMessage(prepared: PreparedExport): string {
  if (prepared.leaks.length === 0) return '';
  const where = (leak: ExportLeak) => {
    if (leak.item === 0) return 'the title';
    const q = prepared.quotes[leak.item - 1]!;
    return `quote ${leak.item} ${q.attribution}${leak.place === 'quote' ? '' : ` (its ${leak.place})`}`;
  };
  const lines = prepared.leaks.slice(0, 5).map((leak) => `${where(leak)} still holds “${leak.found}” (listed: ${leak.find})`);
  const more = prepared.leaks.length > 5 ? `; and ${prepared.leaks.length - 5} more` : '';
  return `Not exported: ${lines.join('; ')}${more}. Add the form to the redaction list, cut it from the quote, or change the text you typed.`;
}

/** One quote as plain text: the body with its attribution, as the study summary quotes. */
export const plainQuote = (q: PreparedQuote) => `${q.body} ${q.attribution}`;

export function quotesPlainText(prepared: PreparedExport): string {
  return prepared.quotes.map(plainQuote).join('\n\n');
}

/** "3. label · used in Paper 1": every quote numbered, so a reader can cite "quote 3". */
function quoteHeading(q: PreparedQuote, index: number, escape: (text: string) => string = (t) => t): string {
  const words = [q.label, q.usedIn && `used in ${q.usedIn}`].filter(Boolean).join(' · ');
  return words ? `${index + 1}. ${escape(words)}` : `${index + 1}.`;
}

const mdEscape = (text: string) => text.replace(/([\\`*_[\]#<>|])/g, '\\$1');

export function quotesMarkdown(prepared: PreparedExport): string {
  const lines = [`# ${mdEscape(prepared.title)}`, ''];
  prepared.quotes.forEach((q, i) => {
    lines.push(`**${quoteHeading(q, i, mdEscape)}**`, '');
    lines.push(`> ${mdEscape(q.body)} ${mdEscape(q.attribution)}`, '');
    if (q.codes.length) lines.push(`*Codes: ${q.codes.map(mdEscape).join('; ')}*`, '');
  });
  return lines.join('\n');
}

export const QUOTE_TABLE_HEADER = [
  '#',
  'Quote',
  'Attribution',
  'Codes',
  'Label',
  'Used in',
  'Transcript',
  'Start',
  'End',
  'Time',
  'Trimmed',
] as const;

/** Header and rows for CSV and XLSX; start and end locate the full passage in the transcript, time in its recording. */
export function quotesTable(prepared: PreparedExport): (string | number)[][] {
  return [
    [...QUOTE_TABLE_HEADER],
    ...prepared.quotes.map((q, i) => [
      i + 1,
      q.body,
      q.attribution,
      q.codes.join('; '),
      q.label,
      q.usedIn,
      q.transcript,
      q.start,
      q.end,
      q.time,
      q.trimmed ? 'yes' : 'no',
    ]),
  ];
}

export interface QuoteDocBlock {
  kind: 'heading' | 'quote' | 'note';
  text: string;
  attribution?: string;
}

/** The document's blocks: per quote its label line, the block quote, and its codes. */
export function quotesDocBlocks(prepared: PreparedExport): QuoteDocBlock[] {
  const blocks: QuoteDocBlock[] = [];
  prepared.quotes.forEach((q, i) => {
    blocks.push({ kind: 'heading', text: quoteHeading(q, i) });
    blocks.push({ kind: 'quote', text: q.body, attribution: q.attribution });
    if (q.codes.length) blocks.push({ kind: 'note', text: `Codes: ${q.codes.join('; ')}` });
  });
  return blocks;
}

/** A query in words, for the counts line and an export's title: what was asked for, and of whom. */
export function describeQuery(project: ProjectSnapshot, query: QuoteQuery): string {
  const name = (id: string) => project.codes.find((c) => c.id === id)?.name ?? id;
  const roleLabel = (id: string) => project.roles?.find((r) => r.id === id)?.label ?? DEFAULT_ROLES.find((r) => r.id === id)?.label ?? id;
  const waveLabel = (id: string) => project.waves.find((w) => w.id === id)?.label ?? id;
  const person = (id: string) => project.participants.find((p) => p.id === id)?.pseudonym ?? id;
  const codes = query.codeIds?.length ? query.codeIds.map(name).join(query.match === 'all' ? ' and ' : ' or ') : 'any code';
  const parts = [
    codes + (query.includeChildren && query.codeIds?.length ? ' (with sub-codes)' : ''),
    query.excludeCodeIds?.length ? `not ${query.excludeCodeIds.map(name).join(' or ')}` : '',
    query.waves?.length ? query.waves.map(waveLabel).join(', ') : '',
    query.roles?.length ? query.roles.map(roleLabel).join(', ') : '',
    query.sites?.length ? query.sites.join(', ') : '',
    query.groups?.length ? query.groups.map((g) => GROUPS.find((x) => x.id === g)?.label ?? g).join(', ') : '',
    query.participantIds?.length ? query.participantIds.map(person).join(', ') : '',
    query.text?.trim() ? `containing “${query.text.trim()}”` : '',
  ];
  return parts.filter(Boolean).join(' · ');
}
