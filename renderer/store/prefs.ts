// Settings of this machine rather than of the project: who is coding here, and whether blind
// mode is on. Two coders double-coding on two machines each keep their own choice.
import { parseMachineCoder, type MachineCoder } from '../core/coding';

const key = (projectId: string, name: string) => `mirabal.${projectId}.${name}`;

function readKey(k: string): string | null {
  try {
    return globalThis.localStorage?.getItem(k) ?? null;
  } catch {
    return null;
  }
}

function writeKey(k: string, value: string | null): void {
  try {
    if (value === null) globalThis.localStorage?.removeItem(k);
    else globalThis.localStorage?.setItem(k, value);
  } catch {
    // Storage can be unavailable (private mode); the choice then lasts for this session only.
  }
}

const read = (projectId: string, name: string) => readKey(key(projectId, name));
const write = (projectId: string, name: string, value: string | null) => writeKey(key(projectId, name), value);

const MACHINE_CODER = 'mirabal.machineCoder';

export const prefs = {
  /** Who codes on this computer, for every project (name and colour). */
  machineCoder: () => parseMachineCoder(readKey(MACHINE_CODER)),
  setMachineCoder: (coder: MachineCoder) => writeKey(MACHINE_CODER, JSON.stringify(coder)),
  /** How strongly codings tint transcript text, on this computer (a factor, 1 = medium). */
  markStrength: () => {
    const v = Number(readKey('mirabal.markStrength'));
    return Number.isFinite(v) && v > 0 && v <= 3 ? v : 1;
  },
  setMarkStrength: (factor: number) => writeKey('mirabal.markStrength', String(factor)),
  /** Whether the transcript keeps the turn being heard in view while a recording plays (on by default). */
  followPlaying: () => readKey('mirabal.followPlaying') !== 'off',
  setFollowPlaying: (on: boolean) => writeKey('mirabal.followPlaying', on ? 'on' : 'off'),
  /** The researcher's own player keys on this computer, as JSON (core/shortcuts' KeyOverrides); null: the defaults. */
  keyOverrides: () => readKey('mirabal.keyOverrides'),
  setKeyOverrides: (json: string | null) => writeKey('mirabal.keyOverrides', json),
  /** Minutes without a key press or click before an encrypted project locks (on this computer). */
  idleLockMinutes: () => {
    const v = Number(readKey('mirabal.idleLockMinutes'));
    return Number.isInteger(v) && v >= 1 && v <= 240 ? v : 15;
  },
  setIdleLockMinutes: (minutes: number) => writeKey('mirabal.idleLockMinutes', String(minutes)),
  coderId: (projectId: string) => read(projectId, 'coder'),
  setCoderId: (projectId: string, coderId: string | null) => write(projectId, 'coder', coderId),
  blind: (projectId: string) => read(projectId, 'blind') === '1',
  setBlind: (projectId: string, on: boolean) => write(projectId, 'blind', on ? '1' : null),
  lastCodeId: (projectId: string) => read(projectId, 'lastCode'),
  setLastCodeId: (projectId: string, codeId: string) => write(projectId, 'lastCode', codeId),
};
