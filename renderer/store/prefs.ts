// Settings of this machine rather than of the project: who is coding here, and whether blind
// mode is on. Two coders double-coding on two machines each keep their own choice.
const key = (projectId: string, name: string) => `mirabal.${projectId}.${name}`;

function read(projectId: string, name: string): string | null {
  try {
    return globalThis.localStorage?.getItem(key(projectId, name)) ?? null;
  } catch {
    return null;
  }
}

function write(projectId: string, name: string, value: string | null): void {
  try {
    if (value === null) globalThis.localStorage?.removeItem(key(projectId, name));
    else globalThis.localStorage?.setItem(key(projectId, name), value);
  } catch {
    // Storage can be unavailable (private mode); the choice then lasts for this session only.
  }
}

export const prefs = {
  coderId: (projectId: string) => read(projectId, 'coder'),
  setCoderId: (projectId: string, coderId: string | null) => write(projectId, 'coder', coderId),
  blind: (projectId: string) => read(projectId, 'blind') === '1',
  setBlind: (projectId: string, on: boolean) => write(projectId, 'blind', on ? '1' : null),
  lastCodeId: (projectId: string) => read(projectId, 'lastCode'),
  setLastCodeId: (projectId: string, codeId: string) => write(projectId, 'lastCode', codeId),
};
