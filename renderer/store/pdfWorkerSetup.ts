// Where PDF.js finds its parser in the app: one worker of its own, started once from
// pdfjs-dist's worker script (the bundler emits it as a file of the app, served from the app's
// origin, as the Content-Security-Policy requires) and shared by every PDF read after. Given
// only the script, PDF.js started a worker per document: 350 PDFs took 81 s, most of it
// starting workers. Set before the first PDF is read; io/pdf.ts does the reading. Without it,
// PDF.js refuses to start in a browser.
import workerUrl from 'pdfjs-dist/legacy/build/pdf.worker.mjs?url';

let set = false;

export async function setUpPdfWorker(): Promise<void> {
  if (set) return;
  const { GlobalWorkerOptions } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  GlobalWorkerOptions.workerPort = new Worker(workerUrl, { type: 'module' });
  set = true;
}
