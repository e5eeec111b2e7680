import { describe, expect, it } from 'vitest';
import {
  validateBackupReadArgs,
  validateBackupWriteArgs,
  validateLinkRecordingArgs,
  validateProjectArgs,
  validateNoArgs,
  validateOpenFilesArgs,
  validateRecordingRefArgs,
  validateSaveFileArgs,
  validateSetMenuArgs,
  validateUnlinkRecordingArgs,
} from '../../electron/validate';

const UUID = '3f2b8c1e-9a4d-4e6f-8b2a-1c3d5e7f9a0b';
const bytes = new Uint8Array([1, 2, 3]);

describe('validateOpenFilesArgs', () => {
  it('accepts good args and normalises extensions to bare lower case', () => {
    expect(validateOpenFilesArgs({ title: 'Import', extensions: ['.DOCX', 'txt'], multiple: true })).toEqual({
      title: 'Import',
      extensions: ['docx', 'txt'],
      multiple: true,
    });
  });
  it.each([
    [null, /arguments must be an object/],
    [[], /arguments must be an object/],
    ['x', /arguments must be an object/],
    [{ title: 1, extensions: [], multiple: true }, /title must be a string/],
    [{ title: 't', extensions: 'txt', multiple: true }, /extensions must be an array/],
    [{ title: 't', extensions: ['../x'], multiple: true }, /extension "\.\.\/x"/],
    [{ title: 't', extensions: [3], multiple: true }, /extension 3/],
    [{ title: 't', extensions: [], multiple: 'yes' }, /multiple must be true or false/],
    [{ title: 't', extensions: [], multiple: true, path: '/etc' }, /unexpected argument\(s\): path/],
  ])('refuses %j', (value, message) => {
    expect(() => validateOpenFilesArgs(value)).toThrow(message);
  });
  it('names the channel in its errors', () => {
    expect(() => validateOpenFilesArgs(undefined)).toThrow(/^dialog:openFiles: /);
  });
});

describe('validateSaveFileArgs', () => {
  it('accepts a plain name and bytes', () => {
    expect(validateSaveFileArgs({ suggestedName: 'quotes.csv', bytes })).toEqual({ suggestedName: 'quotes.csv', bytes });
  });
  it('accepts a Node Buffer (a Uint8Array)', () => {
    expect(validateSaveFileArgs({ suggestedName: 'a.txt', bytes: Buffer.from('x') }).bytes).toBeInstanceOf(Uint8Array);
  });
  it.each([
    [{ suggestedName: '../../.bashrc', bytes }, /without path separators/],
    [{ suggestedName: 'dir/a.csv', bytes }, /without path separators/],
    [{ suggestedName: 'C:\\a.csv', bytes }, /without path separators/],
    [{ suggestedName: '', bytes }, /non-empty/],
    [{ suggestedName: 'a\u0000.csv', bytes }, /non-empty file name/],
    [{ suggestedName: 'a.csv', bytes: [1, 2] }, /bytes must be a Uint8Array/],
    [{ suggestedName: 'a.csv', bytes: 'abc' }, /bytes must be a Uint8Array/],
  ])('refuses %j', (value, message) => {
    expect(() => validateSaveFileArgs(value)).toThrow(message);
  });
});

describe('validateBackupWriteArgs and validateBackupReadArgs', () => {
  const fileName = 'backup-2026-12-05T11-30-00.000Z.mirabal';
  const good = { projectId: UUID, fileName, bytes };
  it('accepts a UUID and a backup name', () => {
    expect(validateBackupWriteArgs(good)).toEqual(good);
    expect(validateBackupReadArgs({ projectId: UUID, fileName })).toEqual({ projectId: UUID, fileName });
  });
  it.each([
    '../evil',
    '..',
    `a/${fileName}`,
    `..\\${fileName}`,
    '/etc/passwd',
    '.hidden',
    'a:b',
    'a\u0000b',
    '',
    'notes.txt',
    `${fileName}.tmp`,
    'backup-2026-12-05T11-30-00.000Z.qdpx',
  ])('refuses fileName %j', (name) => {
    const message = /fileName must be a backup name such as/;
    expect(() => validateBackupWriteArgs({ ...good, fileName: name })).toThrow(message);
    expect(() => validateBackupReadArgs({ projectId: UUID, fileName: name })).toThrow(message);
  });
  it.each(['../x', 'a/b', '', 'not a uuid', '-leading', 'x'.repeat(65), 42])('refuses projectId %j', (projectId) => {
    expect(() => validateBackupWriteArgs({ ...good, projectId })).toThrow(/backup:write: projectId (must be|is longer)/);
    expect(() => validateBackupReadArgs({ projectId, fileName })).toThrow(/backup:read: projectId (must be|is longer)/);
  });
  it('refuses extra arguments', () => {
    expect(() => validateBackupReadArgs({ projectId: UUID, fileName, bytes })).toThrow(/unexpected argument/);
  });
});

describe('validateProjectArgs and validateNoArgs', () => {
  it('accepts a project id only', () => {
    expect(validateProjectArgs('backup:list', { projectId: UUID })).toEqual({ projectId: UUID });
    expect(() => validateProjectArgs('backup:reveal', { projectId: '..' })).toThrow(/backup:reveal: projectId must be/);
    expect(() => validateProjectArgs('backup:list', { projectId: UUID, all: true })).toThrow(/unexpected argument/);
  });
  it('refuses arguments where none are expected', () => {
    expect(() => validateNoArgs('app:info', undefined)).not.toThrow();
    expect(() => validateNoArgs('app:info', {})).toThrow('app:info: takes no arguments');
  });
});

describe('validateSetMenuArgs', () => {
  const undo = { kind: 'command', command: 'undo', label: 'Undo Apply code', accelerator: 'CmdOrCtrl+Z', enabled: true };
  const menu = (items: unknown[]) => ({ menus: [{ label: 'Edit', items }] });

  it('accepts commands, roles and separators as the page builds them', () => {
    const args = menu([undo, { kind: 'separator' }, { kind: 'role', role: 'copy' }, { kind: 'role', role: 'togglefullscreen' }]);
    expect(validateSetMenuArgs(args)).toEqual(args);
  });

  it.each([
    [menu([{ ...undo, command: 'eval' }]), 'command "eval" is not one of the app\'s'],
    [menu([{ kind: 'role', role: 'toggleDevTools' }]), 'role "toggleDevTools" is not one the app uses'],
    [menu([{ ...undo, accelerator: 'CmdOrCtrl+Alt+Shift+Super+Z' }]), 'is not one the app uses'],
    [menu([{ ...undo, label: 'Undo\u0000' }]), 'label must be a line of text'],
    [menu([{ ...undo, click: 'x' }]), 'unexpected argument(s): click'],
    [menu([{ kind: 'submenu' }]), 'kind must be "command", "role" or "separator"'],
    [menu(Array.from({ length: 41 }, () => ({ kind: 'separator' }))), 'items must be an array of at most 40'],
    [{ menus: 'File' }, 'menus must be an array of 1 to 8 menus'],
    [{ menus: [{ label: '', items: [] }] }, 'label must be a line of text'],
  ])('refuses %j', (args, message) => {
    expect(() => validateSetMenuArgs(args)).toThrow(message);
  });
});

describe('recording arguments', () => {
  const ref = { token: UUID, fileName: 'Kieran T2.mp3', size: 1_234_567, sha256: 'a'.repeat(64) };

  it('accepts a title, a reference and a token', () => {
    expect(validateLinkRecordingArgs({ title: 'Link the recording of Kieran, Time 2' })).toEqual({
      title: 'Link the recording of Kieran, Time 2',
    });
    expect(validateRecordingRefArgs('recording:status', ref)).toEqual(ref);
    expect(validateRecordingRefArgs('recording:relink', { ...ref, size: 0, fileName: 'a..b.wav' })).toMatchObject({ size: 0 });
    expect(validateUnlinkRecordingArgs({ token: UUID })).toEqual({ token: UUID });
  });

  it.each([
    [{ ...ref, token: '3F2B8C1E-9A4D-4E6F-8B2A-1C3D5E7F9A0B' }, /token must be a recording token/],
    [{ ...ref, token: '../../etc/passwd' }, /token must be a recording token/],
    [{ ...ref, token: `${UUID}/x` }, /token is longer than 36/],
    [{ ...ref, token: 7 }, /token must be a string/],
    [{ ...ref, fileName: '../Kieran.mp3' }, /fileName must be a plain file name/],
    [{ ...ref, fileName: '/Users/me/Kieran.mp3' }, /fileName must be a plain file name/],
    [{ ...ref, fileName: 'C:\\Kieran.mp3' }, /fileName must be a plain file name/],
    [{ ...ref, fileName: '..' }, /fileName must be a plain file name/],
    [{ ...ref, fileName: '' }, /fileName must be a plain file name/],
    [{ ...ref, fileName: 'a\u0000.mp3' }, /fileName must be a plain file name/],
    [{ ...ref, fileName: `${'x'.repeat(252)}.mp3` }, /fileName is longer than 255/],
    [{ ...ref, size: -1 }, /size must be a whole number of bytes/],
    [{ ...ref, size: 1.5 }, /size must be a whole number of bytes/],
    [{ ...ref, size: 2 ** 53 }, /size must be a whole number of bytes/],
    [{ ...ref, size: '12' }, /size must be a whole number of bytes/],
    [{ ...ref, sha256: 'A'.repeat(64) }, /sha256 must be 64 lower-case hex digits/],
    [{ ...ref, sha256: 'a'.repeat(63) }, /sha256 must be 64 lower-case hex digits/],
    [{ ...ref, sha256: 'g'.repeat(64) }, /sha256 must be 64 lower-case hex digits/],
    [{ ...ref, path: '/etc/passwd' }, /unexpected argument\(s\): path/],
    [{ token: UUID }, /fileName must be a string/],
    [undefined, /arguments must be an object/],
  ])('refuses the reference %j', (value, message) => {
    expect(() => validateRecordingRefArgs('recording:status', value)).toThrow(message);
    expect(() => validateRecordingRefArgs('recording:relink', value)).toThrow(/^recording:relink: /);
  });

  it.each([
    [{ title: 5 }, /title must be a string/],
    [{ title: 'x'.repeat(201) }, /title is longer than 200/],
    [{ title: 'a\nb' }, /title must be a line of text/],
    [{ title: 'Link', defaultPath: '/etc' }, /unexpected argument\(s\): defaultPath/],
    [null, /arguments must be an object/],
  ])('refuses link arguments %j', (value, message) => {
    expect(() => validateLinkRecordingArgs(value)).toThrow(message);
    expect(() => validateLinkRecordingArgs(value)).toThrow(/^recording:link: /);
  });

  it('refuses a bad token to unlink, or more than a token', () => {
    expect(() => validateUnlinkRecordingArgs({ token: 'x' })).toThrow(/^recording:unlink: token must be a recording token/);
    expect(() => validateUnlinkRecordingArgs({ token: UUID, path: '/x' })).toThrow(/unexpected argument\(s\): path/);
  });
});
