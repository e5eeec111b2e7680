// Who is coding on this computer. A researcher says it once per computer, not once per project:
// the name (and colour) is remembered, and in each project it is matched to that project's
// coder of the same name, or becomes a new coder there. The consensus layer is never "me".
import type { Coder } from '../shared';

export interface MachineCoder {
  name: string;
  colour: string;
}

export type CoderChoice =
  | { kind: 'chosen'; coderId: string } // chosen before in this project
  | { kind: 'match'; coderId: string } // the project has a coder of the remembered name
  | { kind: 'create'; name: string; colour: string } // remembered, not yet in this project
  | { kind: 'ask' }; // nobody remembered on this computer

const sameName = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/**
 * `mayCreate` is false in the sample project: trying its two coders on is not who one is,
 * and nobody should find themselves added to it as a third.
 */
export function chooseCoder(
  coders: readonly Coder[],
  chosenId: string | null,
  remembered: MachineCoder | null,
  mayCreate = true,
): CoderChoice {
  if (chosenId && coders.some((c) => c.id === chosenId)) return { kind: 'chosen', coderId: chosenId };
  if (!remembered || !remembered.name.trim()) return { kind: 'ask' };
  const match = coders.find((c) => !c.consensus && sameName(c.name, remembered.name));
  if (match) return { kind: 'match', coderId: match.id };
  // A consensus layer of that name cannot be "me"; asking is safer than a second look-alike name.
  if (!mayCreate || coders.some((c) => sameName(c.name, remembered.name))) return { kind: 'ask' };
  return { kind: 'create', name: remembered.name.trim(), colour: remembered.colour };
}

/** The remembered coder, read back from storage; anything malformed counts as nobody. */
export function parseMachineCoder(stored: string | null): MachineCoder | null {
  if (!stored) return null;
  try {
    const v = JSON.parse(stored) as unknown;
    if (!v || typeof v !== 'object') return null;
    const { name, colour } = v as Record<string, unknown>;
    if (typeof name !== 'string' || !name.trim()) return null;
    return { name: name.trim(), colour: typeof colour === 'string' && /^#[0-9a-f]{6}$/i.test(colour) ? colour : '#2f6db5' };
  } catch {
    return null;
  }
}
