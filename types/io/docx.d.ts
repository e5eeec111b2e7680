// What renderer/io uses of docx, for tsconfig.io.json only: docx's own declarations reference
// Node's types, and io must compile without them. tsconfig.json checks the same calls against
// the real types, so this file cannot drift unnoticed.
type Run = { readonly __run: true };
type Block = { readonly __block: true };
export declare const HeadingLevel: { readonly HEADING_1: 'Heading1'; readonly HEADING_2: 'Heading2' };
export declare const WidthType: { readonly PERCENTAGE: 'pct' };
export declare class TextRun implements Run {
  readonly __run: true;
  constructor(options: string | { text: string; italics?: boolean; bold?: boolean; size?: number; color?: string });
}
export declare class Paragraph implements Block {
  readonly __block: true;
  constructor(options: {
    text?: string;
    heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel];
    children?: Run[];
    indent?: { left?: number; right?: number };
    spacing?: { before?: number; after?: number };
  });
}
export declare class TableCell {
  constructor(options: { children: Paragraph[] });
}
export declare class TableRow {
  constructor(options: { children: TableCell[] });
}
export declare class Table implements Block {
  readonly __block: true;
  constructor(options: { width: { size: number; type: (typeof WidthType)[keyof typeof WidthType] }; rows: TableRow[] });
}
export declare class Document {
  constructor(options: { creator: string; title: string; sections: { children: (Paragraph | Table)[] }[] });
}
export declare const Packer: { toArrayBuffer(doc: Document): Promise<ArrayBuffer> };
