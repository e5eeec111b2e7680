import { describe, expect, it } from 'vitest';
import {
  errorMessage,
  estimateListSize,
  estimateSnapshotSize,
  estimateStoredSize,
  formatSize,
  ImportError,
  isStorageFull,
  isValueTooLarge,
  StorageFullError,
  ValidationError,
} from '../../../renderer/core/shared';

const MB = 1024 * 1024;
const quota = () => Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });

describe('errorMessage', () => {
  it('gives an error’s message, and anything else thrown as text', () => {
    expect(errorMessage(new ValidationError('A coder needs a name.'))).toBe('A coder needs a name.');
    expect(errorMessage(new ImportError('a.docx', 'is empty.'))).toBe('a.docx: is empty.');
    expect(errorMessage('plain words')).toBe('plain words');
    expect(errorMessage(42)).toBe('42');
    expect(errorMessage(undefined)).toBe('undefined');
  });

  it('says a full disk in words, never the database’s own text', () => {
    const dexieAbort = Object.assign(new Error('AbortError: Transaction aborted'), { name: 'AbortError', inner: quota() });
    const bulk = Object.assign(new Error('bulkAdd(): 3 of 3 operations failed'), {
      name: 'BulkError',
      failuresByPos: {},
      failures: [quota()],
    });
    const electron = new Error("Error invoking remote method 'backup:write': Error: ENOSPC: no space left on device, write");
    for (const e of [quota(), dexieAbort, bulk, new Error('x', { cause: quota() })]) {
      expect(isStorageFull(e)).toBe(true);
      expect(errorMessage(e)).toBe(
        'There is not enough space to store this change. Nothing was saved. Make room (empty the project bin, delete projects or files you no longer need) and try again.',
      );
    }
    expect(isStorageFull(electron)).toBe(true);
    expect(errorMessage(electron)).toMatch(/^There is not enough space to store this file\./);
    expect(isStorageFull(new Error('Transaction aborted'))).toBe(false);
    expect(isStorageFull(null)).toBe(false);
  });

  it('says a value too large for the database in words', () => {
    const chromium = Object.assign(
      new Error(
        "Failed to execute 'put' on 'IDBObjectStore': The serialized keys and/or value are too large (size=140000000 bytes, max=133169152 bytes).",
      ),
      {
        name: 'DataError',
      },
    );
    expect(isValueTooLarge(chromium)).toBe(true);
    expect(errorMessage(chromium)).toMatch(/^One piece of this change is larger than the database can store/);
  });
});

describe('StorageFullError', () => {
  it('gives what was needed and what is free, as far as known', () => {
    expect(new StorageFullError('this import', 310 * MB, 120 * MB).message).toMatch(
      /^There is not enough space to store this import: 310 MB needed, 120 MB free\. Nothing was saved\./,
    );
    expect(new StorageFullError('a backup', null, 2.5 * MB).message).toMatch(
      /^There is not enough space to store a backup: 2\.5 MB free\./,
    );
    expect(new StorageFullError('this change', null, null).message).toMatch(/^There is not enough space to store this change\. Nothing/);
  });
});

describe('formatSize and estimateStoredSize', () => {
  it('writes sizes as a researcher reads them', () => {
    expect(formatSize(1)).toBe('1 KB');
    expect(formatSize(1.5 * MB)).toBe('1.5 MB');
    expect(formatSize(310.4 * MB)).toBe('310 MB');
    expect(formatSize(2.1 * 1024 * MB)).toBe('2.1 GB');
  });

  it('counts text and a little for every value, without overflowing on a huge list', () => {
    const text = 'x'.repeat(1_000_000);
    expect(estimateStoredSize({ text })).toBeGreaterThanOrEqual(1_000_000);
    expect(estimateStoredSize({ text })).toBeLessThan(1_000_100);
    const many = Array.from({ length: 300_000 }, (_, i) => ({ id: String(i), start: i, end: i + 1 }));
    expect(estimateStoredSize(many)).toBeGreaterThan(300_000 * 20);
    expect(estimateStoredSize(new Uint8Array(5000))).toBeGreaterThanOrEqual(5000);
  });

  it('samples a long list of like records, and a snapshot, to within a few percent of counting all', () => {
    const short = [{ id: 'a' }, { id: 'bb' }];
    expect(estimateListSize(short)).toBe(estimateStoredSize(short));
    const codings = Array.from({ length: 50_000 }, (_, i) => ({
      id: `c-${i}`,
      sourceId: `s-${i % 40}`,
      start: i,
      end: i + 9,
      memo: i % 7 ? '' : 'a note',
    }));
    const near = (a: number, b: number) => Math.abs(a - b) / b;
    expect(near(estimateListSize(codings), estimateStoredSize(codings))).toBeLessThan(0.03);
    const sources = Array.from({ length: 40 }, (_, i) => ({
      id: `s-${i}`,
      title: `Transcript ${i}`,
      text: 'word '.repeat(2000 + i * 50),
      turns: Array.from({ length: 300 }, (_, t) => ({
        start: t * 10,
        end: t * 10 + 9,
        speaker: t % 2 ? 'Dale' : 'Interviewer',
        speakerRole: 'participant',
      })),
    }));
    const snapshot = { name: 'p', sources, codings, codes: [{ id: 'k', name: 'Code' }] };
    expect(near(estimateSnapshotSize(snapshot), estimateStoredSize(snapshot))).toBeLessThan(0.03);
  });
});
