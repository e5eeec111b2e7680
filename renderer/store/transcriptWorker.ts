// Reads dropped transcript files off the window's thread (parsing a .docx, .odt or .rtf), one
// file per request (store/transcriptsOffThread.ts). PDFs are not read here: PDF.js's display
// layer needs a window, and parses in a worker of its own anyway.
import { prepareFile } from '../io/prepareBatch';
import type { TranscriptReply, TranscriptRequest } from './transcriptsOffThread';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<TranscriptRequest>) => void) | null;
  postMessage(m: TranscriptReply): void;
};

scope.onmessage = (event) => {
  void prepareFile(event.data).then((result) => scope.postMessage(result));
};
