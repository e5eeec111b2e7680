import { describe, expect, it } from 'vitest';
import {
  validateBackupListArgs,
  validateBackupWriteArgs,
  validateNoArgs,
  validateOpenFilesArgs,
  validateSaveFileArgs,
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

describe('validateBackupWriteArgs', () => {
  const good = { projectId: UUID, fileName: 'backup-2024-05-01T10-00-00.qdpx', bytes };
  it('accepts a UUID and a plain file name', () => {
    expect(validateBackupWriteArgs(good)).toEqual(good);
  });
  it.each(['../evil', '..', 'a/b.qdpx', 'a\\b.qdpx', 'x..y', '/etc/passwd'])('refuses fileName %j', (fileName) => {
    expect(() => validateBackupWriteArgs({ ...good, fileName })).toThrow(
      'backup:write: fileName must be a plain file name (no path separators or "..")',
    );
  });
  it.each(['.hidden', 'a:b', 'a\u0000b', ''])('refuses odd fileName %j', (fileName) => {
    expect(() => validateBackupWriteArgs({ ...good, fileName })).toThrow(/fileName may use only/);
  });
  it.each(['../x', 'a/b', '', 'not a uuid', '-leading', 'x'.repeat(65), 42])('refuses projectId %j', (projectId) => {
    expect(() => validateBackupWriteArgs({ ...good, projectId })).toThrow(/backup:write: projectId (must be|is longer)/);
  });
});

describe('validateBackupListArgs and validateNoArgs', () => {
  it('accepts a project id only', () => {
    expect(validateBackupListArgs({ projectId: UUID })).toEqual({ projectId: UUID });
    expect(() => validateBackupListArgs({ projectId: '..' })).toThrow(/projectId must be/);
    expect(() => validateBackupListArgs({ projectId: UUID, all: true })).toThrow(/unexpected argument/);
  });
  it('refuses arguments where none are expected', () => {
    expect(() => validateNoArgs('app:info', undefined)).not.toThrow();
    expect(() => validateNoArgs('app:info', {})).toThrow('app:info: takes no arguments');
  });
});
