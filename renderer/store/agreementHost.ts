// Agreement's home off the main thread: compareCoders answering requests in the agreement
// worker (agreementWorker.ts), or on the calling thread where there is no worker (tests,
// scripts). The project is sent in parts, each only when it changed (the in-memory model keeps
// a list that did not change as the same array), and of the transcripts only their turns and
// lengths: at ten times the study that is 3,500 lengths, not 35 million words.
import { compareCoders, type AgreementInput, type AgreementReport, type AgreementSource, type CompareOptions } from '../core/agreement';
import { errorMessage } from '../core/shared';

/** The project's parts for agreement; a part left out is the one sent before. */
export type AgreementParts = Partial<AgreementInput>;

export type AgreementRequest = { parts: AgreementParts; options: Omit<CompareOptions, 'onProgress'> };

export type AgreementReply =
  { type: 'progress'; done: number; total: number } | { type: 'report'; report: AgreementReport } | { type: 'error'; message: string };

/** A transcript as agreement needs it: turns and how long its text is, nothing of the words. */
export function agreementSource(source: AgreementSource): AgreementSource {
  return {
    id: source.id,
    wave: source.wave,
    turns: source.turns,
    text: { length: source.text.length },
    ...(source.deletedAt != null ? { deletedAt: source.deletedAt } : {}),
  };
}

export function createAgreementHost(): (request: AgreementRequest, post: (reply: AgreementReply) => void) => void {
  const held: AgreementParts = {};
  return ({ parts, options }, post) => {
    Object.assign(held, parts);
    try {
      const { codes, codings, waves, sources } = held;
      if (!codes || !codings || !waves || !sources) throw new Error('Agreement was asked before the project was sent.');
      const report = compareCoders(
        { codes, codings, waves, sources },
        { ...options, onProgress: (done, total) => post({ type: 'progress', done, total }) },
      );
      post({ type: 'report', report });
    } catch (e) {
      post({ type: 'error', message: errorMessage(e) });
    }
  };
}
