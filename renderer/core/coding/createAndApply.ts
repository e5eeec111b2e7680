// A code made and applied in one step, one undo: from the code picker (a name typed that no
// code has) or in vivo (the selected words become the code's name).
import { createCode } from '../codebook';
import type { Action, Code, Coding } from '../shared';
import { applyCoding, combine, inVivoName, type CodingRequest } from './codingOps';

/**
 * The action, and the new code's id (for "repeat last code"). `typedName` null: in vivo, named
 * from `text`'s slice under the selection. Throws a ValidationError (a taken name, an empty
 * selection) before anything changes.
 */
export function createAndApplyCode(
  codes: readonly Code[],
  codings: readonly Coding[],
  request: Omit<CodingRequest, 'codeId'>,
  text: string,
  typedName: string | null,
  newId: () => string,
  now: number,
): { action: Action; codeId: string } {
  const codeId = newId();
  const name = typedName ?? inVivoName(text.slice(request.start, request.end));
  const create = createCode(codes, { name }, () => codeId, now);
  const created = create.changes.find((c) => c.table === 'codes' && c.before === null)?.after as Code | undefined;
  if (!created) throw new Error('createCode made no code');
  const coding = applyCoding(codings, { ...request, codeId }, text.length, created.name, newId, now);
  return { action: combine(typedName ? `Create and apply "${created.name}"` : `Code in vivo "${created.name}"`, create, coding), codeId };
}
