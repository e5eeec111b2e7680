// .pdf -> the lines of its paragraphs, through PDF.js (pdfjs-dist, loaded only when a PDF is
// read): its text runs, page by page, laid out in reading order by core/pdfLayout (columns,
// page headers and footers, paragraphs, hyphens). PDF.js parses in a worker of its own: the
// app names its script (store/pdfWorkerSetup.ts); in Node, PDF.js runs it in the same thread.
// No scripts in the PDF run, no fonts are loaded, nothing is fetched.
import { labelSpeakers, layoutPdf, type PdfPage, type StyledLine } from '../core/transcripts';
import { MAX_DOCX_BYTES, assertWithinLimit, paragraphLines } from './decode';
import { ImportError } from './errors';

export const MAX_PDF_BYTES = 2 * MAX_DOCX_BYTES;
/** A transcript runs to tens of pages; thousands are a book or a broken file. */
export const MAX_PDF_PAGES = 3000;

const isPdf = (bytes: Uint8Array) => bytes.length > 5 && String.fromCharCode(...bytes.subarray(0, 5)) === '%PDF-';

/** Reads a .pdf file; throws ImportError with a message for the researcher. */
export async function readPdf(bytes: Uint8Array, fileName: string): Promise<{ lines: StyledLine[]; warnings: string[] }> {
  assertWithinLimit(bytes.length, MAX_PDF_BYTES, fileName, '.pdf file');
  if (!isPdf(bytes)) throw new ImportError(fileName, 'is not a PDF (it does not start with %PDF-)');
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let doc;
  try {
    // PDF.js takes the buffer over: it gets a copy, so the caller's bytes stay whole.
    doc = await getDocument({
      data: bytes.slice(),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      isOffscreenCanvasSupported: false,
      stopAtErrors: false,
      verbosity: 0,
    }).promise;
  } catch (e) {
    const name = (e as { name?: string }).name;
    if (name === 'PasswordException') throw new ImportError(fileName, 'is password-protected; save it again without a password');
    throw new ImportError(fileName, `is not a valid PDF (corrupt or cut short: ${(e as Error).message})`);
  }
  try {
    if (doc.numPages > MAX_PDF_PAGES) throw new ImportError(fileName, `has ${doc.numPages} pages; the limit is ${MAX_PDF_PAGES}`);
    const pages: PdfPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const runs = content.items.flatMap((item) =>
        'str' in item
          ? [
              {
                str: item.str,
                x: item.transform[4]!,
                y: item.transform[5]!,
                width: item.width,
                size: Math.hypot(item.transform[2]!, item.transform[3]!) || item.height,
                font: item.fontName,
              },
            ]
          : [],
      );
      pages.push({ width: page.view[2]! - page.view[0]!, height: page.view[3]! - page.view[1]!, runs });
    }
    if (!pages.some((p) => p.runs.some((r) => r.str.trim() !== ''))) {
      throw new ImportError(
        fileName,
        'has no text, only images of pages (a scan); make it searchable with OCR first (e.g. ocrmypdf, or a PDF reader’s “Recognise text”), then import that',
      );
    }
    const { lines, removed } = layoutPdf(pages);
    const warnings: string[] = [];
    const out = paragraphLines(labelSpeakers(lines), warnings);
    if (removed.length > 0) warnings.push(`Left out as page headers, footers and numbers: ${removed.join('; ')}.`);
    return { lines: out, warnings };
  } finally {
    await doc.destroy();
  }
}
