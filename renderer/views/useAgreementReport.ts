// The agreement report of the chosen coders, unit and transcripts, computed in the agreement
// worker (store/agreementOffThread.ts) with its progress; the last report stays on screen while
// a new one is computed, and a change of choice stops the comparison it replaces.
import { useEffect, useRef, useState } from 'react';
import type { AgreementReport, CompareOptions } from '../core/agreement';
import { errorMessage, type ProjectSnapshot } from '../core/shared';
import { AgreementError, AgreementRunner } from '../store/agreementOffThread';

export interface AgreementState {
  report: AgreementReport | null;
  error: string | null;
  /** Transcripts compared so far, while a comparison runs. */
  progress: { done: number; total: number } | null;
}

export function useAgreementReport(
  snapshot: ProjectSnapshot | undefined,
  options: Omit<CompareOptions, 'onProgress'> | null,
): AgreementState {
  const runner = useRef<AgreementRunner | null>(null);
  const [state, setState] = useState<AgreementState>({ report: null, error: null, progress: null });
  useEffect(() => () => runner.current?.dispose(), []);
  useEffect(() => {
    if (!snapshot || !options) {
      setState({ report: null, error: null, progress: null });
      return;
    }
    let current = true;
    runner.current ??= new AgreementRunner();
    setState((s) => ({ ...s, progress: { done: 0, total: 0 } }));
    runner.current
      .compare(snapshot, options, (done, total) => current && setState((s) => ({ ...s, progress: { done, total } })))
      .then(
        (report) => current && setState({ report, error: null, progress: null }),
        (e: unknown) => {
          if (current && !(e instanceof AgreementError && e.message === 'replaced'))
            setState({ report: null, error: errorMessage(e), progress: null });
        },
      );
    return () => {
      current = false;
    };
  }, [snapshot, options]);
  return state;
}
