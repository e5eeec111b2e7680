// What renderer/io uses of PDF.js (pdfjs-dist's legacy build), for tsconfig.io.json only: its
// declarations pull in the DOM, and io must compile without it. The app's own build
// (tsconfig.json) checks the same calls against the real types, so this cannot drift unnoticed.
export interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  fontName: string;
  hasEOL: boolean;
}
export interface PDFPageProxy {
  view: number[];
  getTextContent(): Promise<{ items: (TextItem | { type: string })[] }>;
}
export interface PDFDocumentProxy {
  numPages: number;
  getPage(pageNumber: number): Promise<PDFPageProxy>;
  destroy(): Promise<void>;
}
export function getDocument(source: {
  data: Uint8Array;
  isEvalSupported?: boolean;
  disableFontFace?: boolean;
  useSystemFonts?: boolean;
  isOffscreenCanvasSupported?: boolean;
  disableAutoFetch?: boolean;
  stopAtErrors?: boolean;
  verbosity?: number;
}): { promise: Promise<PDFDocumentProxy> };
