// The agreement worker: hosts createAgreementHost, so a comparison of twenty coders over
// 400,000 codings runs while the window stays responsive.
import { createAgreementHost, type AgreementReply, type AgreementRequest } from './agreementHost';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<AgreementRequest>) => void) | null;
  postMessage(reply: AgreementReply): void;
};
const host = createAgreementHost();
scope.onmessage = (event) => host(event.data, (reply) => scope.postMessage(reply));
