// The agreement report laid out for a workbook and for a Word document, from the same
// sections the tab shows: io/ only writes the bytes.
import type { ReportSection } from './document';
import { tableRows } from './tables';

export interface Sheet {
  name: string;
  rows: string[][];
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
export function agreementWorkbook(sections: readonly ReportSection[], byCodeRows: string[][], methods: readonly string[]): Sheet[] {
  const others = sections
    .filter((s) => s.table && s.id !== 'by-code')
    .map((s) => ({ name: sheetName(s.title), rows: tableRows(s.table!), headerRows: 1 }));
  const headerRows = Math.max(1, byCodeRows.findIndex((r) => r[0] === 'Code') + 1);
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
