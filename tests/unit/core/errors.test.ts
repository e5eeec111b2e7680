import { describe, expect, it } from 'vitest';
import { errorMessage, ImportError, ValidationError } from '../../../renderer/core/shared';

describe('errorMessage', () => {
  it('gives an error’s message, and anything else thrown as text', () => {
    expect(errorMessage(new ValidationError('A coder needs a name.'))).toBe('A coder needs a name.');
    expect(errorMessage(new ImportError('a.docx', 'is empty.'))).toBe('a.docx: is empty.');
    expect(errorMessage('plain words')).toBe('plain words');
    expect(errorMessage(42)).toBe('42');
    expect(errorMessage(undefined)).toBe('undefined');
  });
});
