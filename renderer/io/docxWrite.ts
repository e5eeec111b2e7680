// Word documents out (the docx library, loaded only when someone exports): a title, paragraphs
// and simple tables, as a methods section or a quote list needs. Never any field or macro.
export interface DocxBlock {
  /** 'quote': an indented block quote followed by its attribution; 'note': a small italic line. */
  kind: 'heading' | 'paragraph' | 'table' | 'quote' | 'note';
  text?: string;
  attribution?: string;
  rows?: readonly (readonly string[])[];
}

export async function writeDocx(title: string, blocks: readonly DocxBlock[]): Promise<Uint8Array> {
  const { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } = await import('docx');
  const children = [new Paragraph({ text: title, heading: HeadingLevel.HEADING_1 })] as (
    InstanceType<typeof Paragraph> | InstanceType<typeof Table>
  )[];
  for (const block of blocks) {
    if (block.kind === 'heading') children.push(new Paragraph({ text: block.text ?? '', heading: HeadingLevel.HEADING_2 }));
    else if (block.kind === 'paragraph') children.push(new Paragraph({ children: [new TextRun(block.text ?? '')] }));
    else if (block.kind === 'quote') {
      const runs = [new TextRun(block.text ?? '')];
      if (block.attribution) runs.push(new TextRun(` ${block.attribution}`));
      // Indented both sides (0.5 inch = 720 twips), as a journal sets a long quotation.
      children.push(new Paragraph({ children: runs, indent: { left: 720, right: 720 }, spacing: { before: 120, after: 60 } }));
    } else if (block.kind === 'note') {
      children.push(
        new Paragraph({
          children: [new TextRun({ text: block.text ?? '', italics: true, size: 18, color: '555555' })],
          indent: { left: 720 },
          spacing: { after: 200 },
        }),
      );
    } else if (block.rows?.length) {
      children.push(
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: block.rows.map(
            (row, r) =>
              new TableRow({
                children: row.map(
                  (cell) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: cell, bold: r === 0 })] })] }),
                ),
              }),
          ),
        }),
      );
    }
  }
  const doc = new Document({ creator: 'Mirabal Workbench', title, sections: [{ children }] });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
