// Where PDF.js finds its parser in the app: a worker of its own, started from pdfjs-dist's
// worker script (the bundler emits it as a file of the app, served from the app's origin, as
// the Content-Security-Policy requires). Set before the first PDF is read; io/pdf.ts does the
// reading. Without it, PDF.js refuses to start in a browser.
import workerUrl from 'pdfjs-dist/legacy/build/pdf.worker.mjs?url';

let set = false;

export async function setUpPdfWorker(): Promise<void> {
  if (set) return;
  const { GlobalWorkerOptions } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  GlobalWorkerOptions.workerSrc = workerUrl;
  set = true;
}
