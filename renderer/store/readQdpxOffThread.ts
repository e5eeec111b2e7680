// readQdpx in a Web Worker where there is one (the app), on this thread where there is not
// (tests, scripts). Errors come back as the same ImportError, message and all.
import type { ProjectSnapshot } from '../core/shared';
import { readQdpx } from '../io/qdpx';
import type { QdpxReply, QdpxRequest } from './qdpxWorker';
import { receivedError } from './workerErrors';

export async function readQdpxOffThread(bytes: Uint8Array, fileName: string): Promise<{ project: ProjectSnapshot; warnings: string[] }> {
  let worker: Worker;
  try {
    if (typeof Worker === 'undefined') throw new Error('no workers here');
    worker = new Worker(new URL('./qdpxWorker.ts', import.meta.url), { type: 'module' });
  } catch {
    return readQdpx(bytes, fileName);
  }
  try {
    return await new Promise((resolve, reject) => {
      worker.onmessage = (event: MessageEvent<QdpxReply>) => {
        const reply = event.data;
        if (reply.ok) resolve(reply.result);
        else reject(receivedError(reply.error));
      };
      // The worker reports every reading error itself; an error event means the worker could
      // not start (e.g. a protocol that cannot serve module workers), so read on this thread.
      worker.onerror = (event) => {
        event.preventDefault();
        readQdpx(bytes, fileName).then(resolve, reject);
      };
      worker.postMessage({ bytes, fileName } satisfies QdpxRequest);
    });
  } finally {
    worker.terminate();
  }
}
