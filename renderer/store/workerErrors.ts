// An error thrown in a worker, as it crosses to the window: its kind and name go with its
// message, so the window throws the same class (an ImportError naming the file, a
// ValidationError) and a full disk still reads as one (space.ts).
import { ImportError, ValidationError, errorMessage, isStorageFull } from '../core/shared';

/** An error as it crosses to the window. */
export interface SentError {
  message: string;
  kind: 'import' | 'validation' | 'other';
  fileName?: string;
  /** The error's name (a full disk's QuotaExceededError must still read as one: space.ts). */
  name?: string;
}

export function sendError(e: unknown): SentError {
  if (e instanceof ImportError) return { message: e.message, kind: 'import', fileName: e.fileName };
  if (e instanceof ValidationError) return { message: e.message, kind: 'validation' };
  return { message: errorMessage(e), kind: 'other', name: isStorageFull(e) ? 'QuotaExceededError' : e instanceof Error ? e.name : 'Error' };
}

export function receivedError(sent: SentError): Error {
  const error =
    sent.kind === 'import'
      ? new ImportError(sent.fileName ?? '', '')
      : sent.kind === 'validation'
        ? new ValidationError('')
        : new Error('');
  error.message = sent.message;
  if (sent.kind === 'other' && sent.name) error.name = sent.name;
  return error;
}
