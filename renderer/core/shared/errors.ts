/**
 * A file the researcher gave us cannot be used. The message names the file and says what is
 * wrong in words a researcher understands; nothing has been changed when it is thrown.
 */
export class ImportError extends Error {
  readonly fileName: string;

  constructor(fileName: string, problem: string) {
    super(`${fileName}: ${problem}`);
    this.name = 'ImportError';
    this.fileName = fileName;
  }
}

/** A change the project's rules refuse (a duplicate name, a wave still in use); nothing changed. */
export class ValidationError extends Error {
  override name = 'ValidationError';
}

/** What a thrown value says, for the researcher: an Error's message, anything else as text. */
export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
