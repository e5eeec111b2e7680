// The paragraphs of a word-processor document as its reader walks the XML (.docx, .odt):
// each paragraph's text and style, the bold text it opens with, and table rows gathered
// cell by cell into one line each (core/officeText makes speakers of both). Paragraphs may
// nest (a text box inside a paragraph); a nested one is a paragraph of its own.
import type { OfficeLine } from '../core/transcripts';

interface OpenParagraph {
  parts: string[];
  style: string | null;
  lead: string;
  leadState: 'none' | 'bold' | 'done';
}

export class OfficeParagraphs {
  readonly lines: OfficeLine[] = [];
  private readonly open: OpenParagraph[] = [];
  private readonly rows: string[][] = [];
  private readonly cells: string[][] = [];

  get inParagraph(): boolean {
    return this.open.length > 0;
  }

  openParagraph(style: string | null = null): void {
    this.open.push({ parts: [], style, lead: '', leadState: 'none' });
  }

  /** Sets the style of the innermost paragraph, unless it has one. */
  styleParagraph(style: string): void {
    const para = this.open[this.open.length - 1];
    if (para && para.style === null) para.style = style;
  }

  /** Text of the innermost open paragraph; `bold` says whether it is set in bold. */
  text(piece: string, bold = false): void {
    const para = this.open[this.open.length - 1];
    if (!para || piece === '') return;
    para.parts.push(piece);
    if (para.leadState === 'none' && piece.trim() !== '') para.leadState = bold ? 'bold' : 'done';
    else if (para.leadState === 'bold' && !bold) para.leadState = 'done';
    if (para.leadState === 'bold') para.lead += piece;
  }

  /** Whether the innermost paragraph has text yet (ODF drops white space at a paragraph's start). */
  get paragraphEmpty(): boolean {
    return (this.open[this.open.length - 1]?.parts.length ?? 0) === 0;
  }

  closeParagraph(): void {
    const para = this.open.pop();
    if (!para) return;
    const text = para.parts.join('');
    const cell = this.cells[this.cells.length - 1];
    if (cell && this.open.length === 0) cell.push(text);
    else if (text.trim() !== '') {
      this.lines.push({ text, style: para.style, ...(para.leadState !== 'none' ? { boldLead: para.lead } : {}) });
    }
  }

  openRow(): void {
    this.rows.push([]);
  }

  closeRow(): void {
    const row = this.rows.pop() ?? [];
    if (row.some((c) => c.trim() !== '')) this.lines.push({ text: row.join('\t'), style: null, cells: row });
  }

  openCell(): void {
    this.cells.push([]);
  }

  closeCell(): void {
    this.rows[this.rows.length - 1]?.push((this.cells.pop() ?? []).filter((c) => c.trim() !== '').join('\n'));
  }

  emptyCell(): void {
    this.rows[this.rows.length - 1]?.push('');
  }
}
