// Word documents out (the docx library, loaded only when someone exports): a title, paragraphs
// and simple tables, as a methods section or a quote list needs. Never any field or macro.
export interface DocxBlock {
  kind: 'heading' | 'paragraph' | 'table';
  text?: string;
  rows?: readonly (readonly string[])[];
}

export async function writeDocx(title: string, blocks: readonly DocxBlock[]): Promise<Uint8Array> {
  const { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } = await import('docx');
  const children = [new Paragraph({ text: title, heading: HeadingLevel.HEADING_1 })] as (InstanceType<typeof Paragraph> | InstanceType<typeof Table>)[];
  for (const block of blocks) {
    if (block.kind === 'heading') children.push(new Paragraph({ text: block.text ?? '', heading: HeadingLevel.HEADING_2 }));
    else if (block.kind === 'paragraph') children.push(new Paragraph({ children: [new TextRun(block.text ?? '')] }));
    else if (block.rows?.length) {
      children.push(
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: block.rows.map((row, r) => new TableRow({ children: row.map((cell) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: cell, bold: r === 0 })] })] })) })),
        }),
      );
    }
  }
  const doc = new Document({ creator: 'Mirabal Workbench', title, sections: [{ children }] });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
