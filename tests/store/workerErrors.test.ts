// Errors thrown in a worker reach the window as the same class, message and (for a full disk) name.
import { describe, expect, it } from 'vitest';
import { ImportError, isStorageFull, ValidationError } from '../../renderer/core/shared';
import { receivedError, sendError } from '../../renderer/store/workerErrors';

const across = (e: unknown) => receivedError(structuredClone(sendError(e)));

describe('errors from a worker', () => {
  it('keeps an ImportError with its file, a ValidationError, and a full disk as one', () => {
    const imported = across(new ImportError('ben.qdpx', 'is not a zip archive'));
    expect(imported).toBeInstanceOf(ImportError);
    expect((imported as ImportError).fileName).toBe('ben.qdpx');
    expect(imported.message).toBe('ben.qdpx: is not a zip archive');
    const refused = across(new ValidationError('That passphrase does not open it.'));
    expect(refused).toBeInstanceOf(ValidationError);
    expect(refused.message).toBe('That passphrase does not open it.');
    const full = across(Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' }));
    expect(isStorageFull(full)).toBe(true);
    const other = across('a string');
    expect(other).toBeInstanceOf(Error);
    expect(other.message).toBe('a string');
  });
});
