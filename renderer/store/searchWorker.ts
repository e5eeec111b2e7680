// (Here, not in core/: a worker is platform.) The search index off the main thread: building
// it for 3.5 million words and answering a query over it must not stop the window.
import { createSearchHost, type SearchReply, type SearchRequest } from './searchHost';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<SearchRequest>) => void) | null;
  postMessage(reply: SearchReply): void;
};
const host = createSearchHost();

scope.onmessage = (event) => host(event.data, (reply) => scope.postMessage(reply));
