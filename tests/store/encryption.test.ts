// Encryption at rest: after encryptProject, the raw IndexedDB (read with the plain IndexedDB
// API, not Dexie) holds nothing of the sample's testimony; unlocking with the passphrase or the
// recovery key gives back the same project; wrong secrets and locked reads change nothing.
import { beforeEach, describe, expect, it } from 'vitest';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { sha256Hex } from '../../renderer/io/hash';
import { ArchiveLockedError, exportArchive, importArchive, OpenedArchive, previewArchive } from '../../renderer/store/archive';
import { parseRecoveryKey } from '../../renderer/store/cipher';
import {
  changePassphrase,
  encryptProject,
  isEncrypted,
  lockProject,
  unlockDelaySeconds,
  unlockProject,
} from '../../renderer/store/encryption';
import { closeProjectDb, projectDb } from '../../renderer/store/projectDb';
import { loadSnapshot, loadSetup, listSources, getSource } from '../../renderer/store/projectRepo';
import { getProject, listProjects } from '../../renderer/store/projects';
import { createSampleProject } from '../../renderer/store/sampleProject';
import { LockedError } from '../../renderer/store/sealedTables';
import { freshRegistry, rawDump } from './helpers';

const PASSPHRASE = 'seven blue herons at dusk';

beforeEach(() => freshRegistry());

/** Words of 6+ letters, sentences, pseudonyms and memos of the project as a researcher wrote them. */
/**
 * A pseudonym in clear: the name not inside a run of base64. A short name ("Dale") turns up by
 * chance in a megabyte of base64 ciphertext about once in twenty runs; in clear it stands alone
 * ("Dale", Dale_T1, "Dale said").
 */
function inClear(text: string, name: string): boolean {
  return new RegExp(`(?<![A-Za-z0-9+/])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9+/])`).test(text);
}

function testimony(snapshot: Awaited<ReturnType<typeof loadSnapshot>>): { words: Set<string>; phrases: string[] } {
  const texts = [
    ...snapshot.sources.flatMap((s) => [s.text, s.title, s.origin.fileName, ...s.turns.map((t) => t.speaker ?? '')]),
    ...snapshot.participants.flatMap((p) => [p.pseudonym, p.site ?? '', ...Object.values(p.attributes ?? {}).map(String)]),
    ...snapshot.codes.flatMap((c) => [c.name, c.description]),
    ...(snapshot.memos ?? []).map((m) => m.text),
    ...snapshot.codings.map((c) => c.memo ?? ''),
    // The survey's questions, as the researcher wrote them (schema 10).
    ...(snapshot.surveyItems ?? []).flatMap((i) => [i.label, i.wording ?? '']),
    ...(snapshot.surveyTimePoints ?? []).map((t) => t.label),
  ];
  const words = new Set(texts.flatMap((t) => t.match(/\p{L}{6,}/gu) ?? []));
  const phrases = snapshot.sources.flatMap((s) => s.text.split(/(?<=[.?!])\s+/).filter((p) => p.length > 30));
  return { words, phrases };
}

describe('encryption at rest', () => {
  it('leaves no sentence, word of 6+ letters, pseudonym or memo of the sample in the raw database, and unlocks to the same project', async () => {
    const sample = await createSampleProject();
    const db = projectDb(sample.id);
    await db.memos.add({
      id: 'm-secret',
      target: 'project',
      targetId: sample.id,
      // Over 16 KB of JSON: sealed in the large form (`_g`, AES-256-GCM), which the scan must cover too.
      text: 'Zephyrine disclosed the strangulation incident. '.repeat(400),
      createdAt: 1,
      updatedAt: 1,
    } as never);
    const before = await loadSnapshot(db);
    const setupBefore = await loadSetup(db);
    const { words, phrases } = testimony(before);
    expect(words.size).toBeGreaterThan(500);
    const clear = await rawDump(sample.id);
    expect(clear.text).toContain('Zephyrine'); // the scan would see it if it were there

    const { recoveryKey } = await encryptProject(sample.id, PASSPHRASE);
    expect(parseRecoveryKey(recoveryKey)).not.toBeNull();
    expect(await isEncrypted(sample.id)).toBe(true);
    expect((await getProject(sample.id))?.encrypted).toBe(true);

    const { text, records } = await rawDump(sample.id);
    // Field names are the app's, not the researcher's: leave them out of the scan.
    const lower = text.replace(/"[A-Za-z_]+":/g, '').toLowerCase();
    // Indexed fields stay in clear: ids, numbers and enums (role and wave ids, history actions).
    const actions = records.map((r) => r.action).filter((a): a is string => typeof a === 'string');
    const enums = new Set(
      [...setupBefore.roles.map((r) => r.id), ...before.waves.map((w) => w.id), ...actions.flatMap((a) => a.split('.'))].map((w) =>
        w.toLowerCase(),
      ),
    );
    const found = [...words].filter((w) => !enums.has(w.toLowerCase()) && lower.includes(w.toLowerCase()));
    expect(found).toEqual([]);
    expect(phrases.filter((p) => text.includes(p))).toEqual([]);
    for (const p of before.participants) expect(inClear(text, p.pseudonym), p.pseudonym).toBe(false);
    // Each record: a sealed field, and in clear only what an index or the key needs.
    const allowed = new Set([
      '_g',
      'id',
      'key',
      'value',
      'order',
      'role',
      'deletedAt',
      'participantId',
      'wave',
      'parentId',
      'sourceId',
      'codeId',
      'target',
      'targetId',
      'seq',
      'at',
      'action',
    ]);
    for (const r of records) {
      for (const field of Object.keys(r)) expect(allowed, `field ${field}`).toContain(field);
      if (r.key !== 'keyring') expect(r._g).toBeInstanceOf(Uint8Array);
    }

    // Still unlocked in this window: everything reads as before.
    expect(await loadSnapshot(projectDb(sample.id))).toEqual(before);

    lockProject(sample.id);
    await expect(loadSnapshot(projectDb(sample.id))).rejects.toBeInstanceOf(LockedError);
    await expect(
      projectDb(sample.id).memos.put({ id: 'x', target: 'project', targetId: 'y', text: 'clear?' } as never),
    ).rejects.toBeInstanceOf(LockedError);
    await expect(projectDb(sample.id).memos.delete('m-secret')).rejects.toBeInstanceOf(LockedError);

    await unlockProject(sample.id, PASSPHRASE);
    expect(await loadSnapshot(projectDb(sample.id))).toEqual(before);
    expect(await loadSetup(projectDb(sample.id))).toEqual(setupBefore);

    lockProject(sample.id);
    await unlockProject(sample.id, recoveryKey.toLowerCase().replace(/-/g, ' '));
    expect(await loadSnapshot(projectDb(sample.id))).toEqual(before);
    const one = (await listSources(projectDb(sample.id)))[0]!;
    expect((await getSource(projectDb(sample.id), one.id))?.text).toBe(before.sources.find((s) => s.id === one.id)?.text);
  }, 60_000);

  it('refuses a wrong passphrase without changing anything, and slows down after five wrong tries', async () => {
    const sample = await createSampleProject();
    await encryptProject(sample.id, PASSPHRASE);
    lockProject(sample.id);
    const raw = (await rawDump(sample.id)).text;
    for (let i = 0; i < 5; i += 1)
      await expect(unlockProject(sample.id, 'not the passphrase')).rejects.toThrow(/does not open this project/);
    expect(unlockDelaySeconds(sample.id)).toBe(1);
    await expect(loadSnapshot(projectDb(sample.id))).rejects.toBeInstanceOf(LockedError);
    expect((await rawDump(sample.id)).text).toBe(raw);
    await unlockProject(sample.id, PASSPHRASE); // waits its second, then opens
    expect(unlockDelaySeconds(sample.id)).toBe(0);
  }, 60_000);

  it('changes the passphrase by wrapping the key again, without touching a record', async () => {
    const sample = await createSampleProject();
    const { recoveryKey } = await encryptProject(sample.id, PASSPHRASE);
    const sealedBefore = (await rawDump(sample.id)).records.filter((r) => r.key !== 'keyring');
    await expect(changePassphrase(sample.id, 'wrong passphrase', 'a new long passphrase')).rejects.toThrow(/not right/);
    await expect(changePassphrase(sample.id, PASSPHRASE, 'short')).rejects.toThrow(/at least/);
    await changePassphrase(sample.id, PASSPHRASE, 'a new long passphrase');
    expect((await rawDump(sample.id)).records.filter((r) => r.key !== 'keyring')).toEqual(sealedBefore);
    lockProject(sample.id);
    await expect(unlockProject(sample.id, PASSPHRASE)).rejects.toThrow(/does not open/);
    await unlockProject(sample.id, 'a new long passphrase');
    lockProject(sample.id);
    await unlockProject(sample.id, recoveryKey); // the recovery key still opens it
  }, 60_000);

  it('leaves the clear project whole when encrypting fails halfway (the one transaction rolls back)', async () => {
    const sample = await createSampleProject();
    const db = projectDb(sample.id);
    const before = await loadSnapshot(db);
    const raw = (await rawDump(sample.id)).text;
    // A write that fails inside the transaction, as a kill or a full disk would end it.
    const failing = db.history.hook('creating', () => {
      throw new Error('disk full');
    });
    db.history.hook('updating').subscribe(() => {
      throw new Error('disk full');
    });
    void failing;
    await expect(encryptProject(sample.id, PASSPHRASE)).rejects.toThrow();
    closeProjectDb(sample.id);
    expect(await isEncrypted(sample.id)).toBe(false);
    expect((await rawDump(sample.id)).text).toBe(raw);
    expect(await loadSnapshot(projectDb(sample.id))).toEqual(before);
  }, 60_000);

  it('archives an encrypted project sealed, and restores it only with its passphrase or recovery key', async () => {
    const sample = await createSampleProject();
    const before = await loadSnapshot(projectDb(sample.id));
    const { recoveryKey } = await encryptProject(sample.id, PASSPHRASE);
    // Written after encrypting: its auto-incremented key is only in the stored record, not the sealed one.
    await projectDb(sample.id).history.add({ at: 5, actor: '', action: 'test', summary: 'after encrypting', undoable: false });
    lockProject(sample.id); // a backup is taken of a locked project too: the records are sealed as stored
    const archive = await exportArchive(sample.id);
    const inside = Object.values(unzipSync(archive))
      .map((b) => strFromU8(b))
      .join('\n');
    for (const p of before.participants) expect(inClear(inside, p.pseudonym), p.pseudonym).toBe(false);
    expect(inClear('{"pseudonym":"Dale"} Dale_T1', 'Dale') && !inClear('xQ9Dale7+', 'Dale')).toBe(true); // the check itself
    expect(inside).not.toContain(before.sources[0]!.text.slice(0, 40));

    const preview = await previewArchive(archive, 'Study.mirabal');
    expect(preview).toMatchObject({ encrypted: true, transcripts: before.sources.length, codings: null });
    const count = (await listProjects()).active.length;
    await expect(importArchive(archive, 'Study.mirabal')).rejects.toBeInstanceOf(ArchiveLockedError);
    await expect(importArchive(archive, 'Study.mirabal', { secret: 'not the passphrase' })).rejects.toThrow(/does not open Study.mirabal/);
    expect((await listProjects()).active.length).toBe(count);

    // As the restore dialog does: read once, tried with a wrong passphrase, then restored from the same reading.
    const opened = await OpenedArchive.open(archive.slice(), 'Study.mirabal');
    expect(opened.preview).toEqual(preview);
    await expect(opened.restore({ secret: 'not the passphrase' })).rejects.toThrow(/does not open Study.mirabal/);
    const fromOpened = await opened.restore({ secret: PASSPHRASE });
    opened.close();
    expect(await loadSnapshot(projectDb(fromOpened.id))).toEqual(before);
    expect((await listProjects()).active.length).toBe(count + 1);

    const restored = await importArchive(archive, 'Study.mirabal', { secret: recoveryKey });
    expect(restored.encrypted).toBe(true);
    expect(await loadSnapshot(projectDb(restored.id))).toEqual(before);
    expect(await exportArchive(restored.id)).toEqual(archive); // sealed records travel as they are
    lockProject(restored.id);
    await unlockProject(restored.id, PASSPHRASE); // the copy keeps the passphrase
    expect(await loadSnapshot(projectDb(restored.id))).toEqual(before);
  }, 60_000);

  it('refuses an encrypted archive whose sealed record was altered, before anything is written', async () => {
    const sample = await createSampleProject();
    const { recoveryKey } = await encryptProject(sample.id, PASSPHRASE);
    const files = unzipSync(await exportArchive(sample.id));
    // One sealed participant changed by a byte, and the manifest's hash made to match, as a
    // careful forger would: only the seal can tell.
    const people = JSON.parse(strFromU8(files['tables/participants.json']!)) as { _g: string }[];
    const bytes = Uint8Array.from(atob(people[0]!._g), (c) => c.charCodeAt(0));
    bytes[bytes.length - 20]! ^= 1;
    people[0]!._g = btoa(String.fromCharCode(...bytes));
    files['tables/participants.json'] = strToU8(JSON.stringify(people));
    const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as { sha256: Record<string, string> };
    manifest.sha256['tables/participants.json'] = await sha256Hex(files['tables/participants.json']);
    files['manifest.json'] = strToU8(JSON.stringify(manifest));
    const count = (await listProjects()).active.length;
    await expect(importArchive(zipSync(files), 'Forged.mirabal', { secret: recoveryKey })).rejects.toThrow(
      /Forged.mirabal is damaged: a sealed record of participants does not open/,
    );
    expect((await listProjects()).active.length).toBe(count);
  }, 60_000);
});
