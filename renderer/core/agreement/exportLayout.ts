// The agreement report laid out for a workbook and for a Word document, from the same
// sections the tab shows: io/ only writes the bytes.
import { tableTexts, type OutgoingText } from '../quotes';
import type { ReportSection } from './document';
import { tableRows } from './tables';

export interface Sheet {
  name: string;
  /** Numbers stay numbers, so a workbook can sum and sort them. */
  rows: (string | number)[][];
  headerRows: number;
}

/** One block of a document, in io/docxWrite's shape. */
export interface DocBlock {
  kind: 'heading' | 'paragraph' | 'table' | 'note';
  text?: string;
  rows?: string[][];
}

/**
 * A sheet name Excel accepts: at most 31 characters, none of : \ / ? * [ ], and no apostrophe
 * at either end; the section's count in brackets ("By transcript (12)") is dropped.
 */
export function sheetName(title: string): string {
  const clean = title
    .replace(/ \(.*\)$/, '')
    .replace(/[:\\/?*[\]]/g, ' ')
    .slice(0, 31)
    .replace(/^'+|'+$/g, '')
    .trim();
  return clean || 'Sheet';
}

/**
 * The workbook: the by-code table (`byCodeRows`, with coders, transcripts and method above its
 * header), then every other table of the report, then the methods text.
 */
export function agreementWorkbook(
  sections: readonly ReportSection[],
  byCodeRows: (string | number)[][],
  methods: readonly string[],
): Sheet[] {
  const others = sections
    .filter((s) => s.table && s.id !== 'by-code')
    .map((s) => ({ name: sheetName(s.title), rows: tableRows(s.table!), headerRows: 1 }));
  const headerRows = agreementHeaderRows(byCodeRows);
  return [
    { name: 'Agreement', rows: byCodeRows, headerRows },
    ...others,
    { name: 'Methods', rows: methods.map((m) => [m]), headerRows: 0 },
  ];
}

/** The document: each section's heading (the methods text has none), paragraphs, and table. */
export function agreementDocBlocks(sections: readonly ReportSection[]): DocBlock[] {
  return sections.flatMap((s): DocBlock[] => [
    ...(s.id === 'methods' ? [] : [{ kind: 'heading' as const, text: s.title }]),
    ...(s.paragraphs ?? []).map((text) => ({ kind: 'paragraph' as const, text })),
    ...(s.table
      ? [s.table.rows.length ? { kind: 'table' as const, rows: tableRows(s.table, 'shown') } : { kind: 'note' as const, text: 'None.' }]
      : []),
  ]);
}

/** The rows above and including the by-code table's header (coders, transcripts, method). */
export function agreementHeaderRows(byCodeRows: readonly (readonly unknown[])[]): number {
  return Math.max(1, byCodeRows.findIndex((r) => r[0] === 'Code') + 1);
}

/** Every text of the document, for the leak check: a table is named by the heading above it. */
export function agreementDocTexts(blocks: readonly DocBlock[]): OutgoingText[] {
  let heading = 'the report';
  return blocks.flatMap((b): OutgoingText[] => {
    if (b.kind === 'heading') heading = `the report's section '${b.text ?? ''}'`;
    if (b.rows) return tableTexts(`the table of ${heading}`, b.rows, 1);
    return b.text ? [{ place: b.kind === 'heading' ? 'the report, a heading' : heading, text: b.text }] : [];
  });
}
