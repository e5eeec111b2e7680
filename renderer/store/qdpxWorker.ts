// (Here, not in io/: a worker is platform, and io stays pure.) Reads a .qdpx off the main thread: a study-scale project holds 20 MB of XML and 40,000
// selections, seconds of work during which the window must stay responsive.
import { readQdpx } from '../io/qdpx';
import { sendError, type SentError } from './workerErrors';

export interface QdpxRequest {
  bytes: Uint8Array;
  fileName: string;
}

export type QdpxReply = { ok: true; result: Awaited<ReturnType<typeof readQdpx>> } | { ok: false; error: SentError };

const scope = self as unknown as { onmessage: ((event: MessageEvent<QdpxRequest>) => void) | null; postMessage(reply: QdpxReply): void };

scope.onmessage = async (event) => {
  try {
    scope.postMessage({ ok: true, result: await readQdpx(event.data.bytes, event.data.fileName) });
  } catch (error) {
    scope.postMessage({ ok: false, error: sendError(error) });
  }
};
