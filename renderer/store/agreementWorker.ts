// The agreement worker: hosts createAgreementHost, so a comparison of twenty coders over
// 400,000 codings runs while the window stays responsive.
import { createAgreementHost, reportTransferables, type AgreementReply, type AgreementRequest } from './agreementHost';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<AgreementRequest>) => void) | null;
  postMessage(reply: AgreementReply, transfer?: Transferable[]): void;
};
const host = createAgreementHost();
// A report's arrays are moved to the window, not copied.
scope.onmessage = (event) =>
  host(event.data, (reply) => scope.postMessage(reply, reply.type === 'report' ? reportTransferables(reply.report) : []));
