// The consensus layer in a .qdpx. A REFI-QDA User has only a GUID, a name and an id, so
// nothing in the schema can say "this user is the team's agreed coding, not a coder". The
// export therefore writes one project Note, "Consensus layer", that says so in words (NVivo
// or ATLAS.ti show it as a project memo) and ends with a line listing the GUIDs of the
// consensus users. The import recognises the note by its name and that line (not by its
// GUID, which another tool may renumber), flags those users' coders as the consensus layer,
// and does not turn the note into a memo. Without this, a round trip brought "Consensus"
// back as a third coder, compared by default in Agreement.
import { CONSENSUS_COLOUR } from '../../core/agreement';
import type { Coder } from '../../core/shared';
import { derivedGuid, guidFor, readGuid } from './guid';

export const CONSENSUS_NOTE_NAME = 'Consensus layer';
// The last line: a coder's name in the sentence above could itself hold a line break.
const USERS_LINE = /^Consensus users?:[ \t]*(.*)$/;

export const CONSENSUS_NOTE_GUID = derivedGuid('note:consensus-layer');

/** The text of the Note marking the consensus users, or null when the project has none. */
export function consensusNoteText(coders: readonly Coder[]): string | null {
  const layer = coders.filter((c) => c.consensus);
  if (layer.length === 0) return null;
  const names = layer.map((c) => `"${c.name}"`);
  const who =
    names.length === 1
      ? `The user ${names[0]} is not a coder`
      : `The users ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]} are not coders`;
  return (
    `${who}: it is the team's consensus layer, the agreed coding made by resolving disagreements between the coders. ` +
    'Leave it out when comparing coders (inter-coder agreement).\n' +
    `Consensus users: ${layer.map((c) => guidFor('coder', c.id)).join(', ')}`
  );
}

/**
 * The user GUIDs (as written, not yet normalised) a note marks as the consensus layer, or
 * null when the note is not the consensus note.
 */
export function consensusUsersOf(name: string | undefined, text: string): string[] | null {
  if ((name ?? '').trim().toLowerCase() !== CONSENSUS_NOTE_NAME.toLowerCase()) return null;
  const line = USERS_LINE.exec(text.trimEnd().split('\n').pop() ?? '');
  if (!line) return null;
  return line[1]!.split(/[,;\s]+/).filter((g) => g !== '');
}

/** Flags the coders a consensus note names; returns the GUIDs that match no user. */
export function markConsensus(guids: readonly string[], coders: ReadonlyMap<string, Coder>): string[] {
  const unknown: string[] = [];
  for (const raw of guids) {
    const coder = coders.get(readGuid(raw) ?? '');
    if (coder) {
      coder.consensus = true;
      coder.colour = CONSENSUS_COLOUR; // the colour the app gives its consensus layer
    } else unknown.push(raw);
  }
  return unknown;
}
