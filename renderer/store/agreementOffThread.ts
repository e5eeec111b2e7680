// compareCoders in the agreement worker where there is one (the app), on this thread where
// there is not. One comparison at a time: a new one (the unit or the coders changed) stops the
// one running, since only the newest is shown. The worker keeps the project's parts it was
// sent; each is sent again only when the snapshot's list is a different array.
import type { AgreementReport, CompareOptions } from '../core/agreement';
import type { ProjectSnapshot } from '../core/shared';
import {
  createAgreementHost,
  packCodings,
  packSources,
  transferables,
  unpackReport,
  type AgreementParts,
  type AgreementReply,
  type AgreementRequest,
} from './agreementHost';

export class AgreementError extends Error {}

type Run = { reject: (e: unknown) => void };

export class AgreementRunner {
  private worker: Worker | null = null;
  private noWorker = false;
  private readonly local = createAgreementHost();
  /** The lists the worker holds, by the snapshot's arrays they came from. */
  private sent: { codes?: unknown; codings?: unknown; waves?: unknown; sources?: unknown; coderKey?: string } = {};
  private running: Run | null = null;

  /** The report; rejects with AgreementError for a comparison that cannot be made, or when a newer one replaced it. */
  compare(
    project: ProjectSnapshot,
    options: Omit<CompareOptions, 'onProgress'>,
    onProgress?: (done: number, total: number) => void,
  ): Promise<AgreementReport> {
    this.running?.reject(new AgreementError('replaced'));
    const worker = this.workerOrNull();
    if (!worker) return this.onThisThread(project, options, onProgress);
    const parts = this.partsToSend(project, options.coderIds);
    return new Promise<AgreementReport>((resolve, reject) => {
      const run: Run = {
        reject: (e) => {
          // The worker is busy with an old comparison: stop it, and send the whole project next time.
          this.stop();
          reject(e);
        },
      };
      this.running = run;
      worker.onmessage = (event: MessageEvent<AgreementReply>) => {
        const reply = event.data;
        if (reply.type === 'progress') return onProgress?.(reply.done, reply.total);
        this.running = null;
        if (reply.type === 'report') resolve(unpackReport(reply.report));
        else reject(new AgreementError(reply.message));
      };
      worker.onerror = (event) => {
        // The worker could not start (a protocol that cannot serve module workers): this thread it is.
        event.preventDefault();
        this.stop();
        this.noWorker = true;
        this.running = null;
        this.onThisThread(project, options, onProgress).then(resolve, reject);
      };
      worker.postMessage({ parts, options } satisfies AgreementRequest, transferables(parts));
    });
  }

  dispose(): void {
    this.running?.reject(new AgreementError('replaced'));
    this.stop();
  }

  private stop(): void {
    this.worker?.terminate();
    this.worker = null;
    this.sent = {};
  }

  private workerOrNull(): Worker | null {
    if (this.worker || this.noWorker) return this.worker;
    try {
      if (typeof Worker === 'undefined') throw new Error('no workers here');
      this.worker = new Worker(new URL('./agreementWorker.ts', import.meta.url), { type: 'module' });
    } catch {
      this.noWorker = true;
    }
    return this.worker;
  }

  /** The lists that changed since the last request; the codings only of the coders compared. */
  private partsToSend(project: ProjectSnapshot, coderIds: readonly string[]): AgreementParts {
    const parts: AgreementParts = {};
    const coderKey = [...coderIds].sort().join('\n');
    if (this.sent.codes !== project.codes) parts.codes = project.codes;
    if (this.sent.waves !== project.waves) parts.waves = project.waves;
    if (this.sent.sources !== project.sources) parts.sources = packSources(project.sources);
    if (this.sent.codings !== project.codings || this.sent.coderKey !== coderKey) parts.codings = packCodings(project.codings, coderIds);
    this.sent = { codes: project.codes, waves: project.waves, sources: project.sources, codings: project.codings, coderKey };
    return parts;
  }

  private onThisThread(
    project: ProjectSnapshot,
    options: Omit<CompareOptions, 'onProgress'>,
    onProgress?: (done: number, total: number) => void,
  ): Promise<AgreementReport> {
    return new Promise((resolve, reject) => {
      this.local(
        // Packed as for the worker, so this path runs the same code.
        {
          parts: {
            codes: project.codes,
            waves: project.waves,
            sources: packSources(project.sources),
            codings: packCodings(project.codings, options.coderIds),
          },
          options,
        },
        (reply) => {
          if (reply.type === 'progress') onProgress?.(reply.done, reply.total);
          else if (reply.type === 'report') resolve(unpackReport(reply.report));
          else reject(new AgreementError(reply.message));
        },
      );
    });
  }
}
