// .qdpx export: validity against the schema, positions as code points, exact round trips,
// and what the property tests found (qdpxRoundtrip.test.ts), up to 200,000 codings.
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { ProjectSnapshot } from '../../../renderer/core/shared/model';
import { readQdpx, writeQdpx } from '../../../renderer/io/qdpx';
import { newId, read } from '../../fixtures/qdpxFiles';
import { validate } from '../../fixtures/refi';
import { smallProject } from '../../fixtures/snapshots';

describe('export', () => {
  it('validates against Project-mrt2019.xsd and holds one text file per source and per note', async () => {
    const project = smallProject();
    const bytes = await writeQdpx(project);
    const files = unzipSync(bytes);
    const xml = strFromU8(files['project.qde']!);
    const paths = [...xml.matchAll(/plainTextPath="internal:\/\/([^"]+)"/g)].map((m) => `sources/${m[1]}`);
    expect(Object.keys(files).sort()).toEqual(['project.qde', ...paths].sort());
    expect(paths.filter((p) => p.startsWith('sources/1b6f2b0e'))).toEqual([
      'sources/1b6f2b0e-1c3a-4d5e-8f70-0a1b2c3d4e01.txt',
      'sources/1b6f2b0e-1c3a-4d5e-8f70-0a1b2c3d4e02.txt',
    ]);
    // Every memo's text is in its Note's file (QualCoder reads notes only from there).
    for (const memo of project.memos ?? []) {
      const note = new RegExp(`<Note guid="${memo.id}"[^>]* plainTextPath="internal://([^"]+)"`).exec(xml);
      if (memo.title === 'Description') continue;
      expect(note, memo.title).not.toBeNull();
      expect(strFromU8(files[`sources/${note![1]}`]!)).toBe(memo.text);
    }
    const { valid, output } = validate(strFromU8(files['project.qde']!), 'Project-mrt2019.xsd');
    expect(output).toMatch(/validates/);
    expect(valid).toBe(true);
  });

  it('writes positions as code points: an emoji before a coding counts once', async () => {
    const p = smallProject();
    const xml = strFromU8(unzipSync(await writeQdpx(p))['project.qde']!);
    const coding = p.codings[3]!; // "We talk. 🇬🇧 Family first." in a text with no emoji before it
    const text = p.sources[1]!.text;
    expect(xml).toContain(`startPosition="${coding.start}" endPosition="${[...text.slice(0, coding.end)].length}"`);
    expect(coding.end - [...text.slice(0, coding.end)].length).toBe(2); // the flag is 2 code points, 4 units
  });

  it('round-trips the small project exactly, and re-export gives the same bytes', async () => {
    const p = smallProject();
    const bytes = await writeQdpx(p);
    const { project, warnings } = await read(bytes);
    expect(warnings).toEqual([]);
    expect(project.codings).toEqual(p.codings);
    expect(project.codes).toEqual(p.codes);
    expect(project.memos).toEqual(p.memos);
    expect(project.participants).toEqual(p.participants);
    expect(project.sources).toEqual(p.sources);
    expect(project.waves).toEqual(p.waves);
    expect(project.coders.map((c) => [c.id, c.name])).toEqual(p.coders.map((c) => [c.id, c.name]));
    expect(await writeQdpx(project)).toEqual(bytes);
  });
});

describe('found by the property tests', () => {
  const base = smallProject();
  const roundTrip = async (p: ProjectSnapshot) => (await read(await writeQdpx(p))).project;

  it('keeps attribute columns nobody has a value in yet', async () => {
    const back = await roundTrip({ ...base, attributeDefs: [...base.attributeDefs!, { name: 'Empty column', type: 'date' }] });
    expect(back.attributeDefs!.map((d) => [d.name, d.type])).toEqual(
      [...base.attributeDefs!, { name: 'Empty column', type: 'date' }].map((d) => [d.name, d.type]),
    );
  });

  it('keeps role ids, renamed built-in roles and roles nobody has', async () => {
    const roles = [
      { id: 'man', label: 'woman' },
      { id: 'woman', label: 'Grand-mère' },
      { id: 'staff', label: 'Unused' },
    ];
    const back = await roundTrip({ ...base, roles });
    expect(back.roles).toEqual(roles);
    expect(back.participants.map((p) => p.role)).toEqual(['man', 'woman']);
  });

  it('never second-guesses the positions of its own files, even when codings end mid-word', async () => {
    const text = 'a\nbc 😀 de fg';
    const src = { ...base.sources[0]!, text, turns: [] };
    const codings = [1, 2, 3].map((i) => ({
      ...base.codings[0]!,
      id: `4b6f2b0e-1c3a-4d5e-8f70-0a1b2c3d4e1${i}`,
      sourceId: src.id,
      start: 2 + i,
      end: 3 + i + 4,
    }));
    const back = await read(await writeQdpx({ ...base, sources: [src], codings, memos: [] }));
    expect(back.project.codings.map((c) => [c.start, c.end])).toEqual(codings.map((c) => [c.start, c.end]));
    expect(back.warnings).toEqual([]);
  });

  it('writes very small and very large numbers exactly, and impossible dates as text', async () => {
    const dale = base.participants[0]!;
    // The 17th digit is the point: the writer must keep every digit a double holds.
    // eslint-disable-next-line no-loss-of-precision
    const values = [1e-21, 1.2345678901234567e-7, 1e24, -3.5e30];
    for (const Age of values) {
      const p = {
        ...base,
        participants: [{ ...dale, attributes: { ...dale.attributes, Age, Interviewed: '2025-02-30' } }, base.participants[1]!],
      };
      const bytes = await writeQdpx(p);
      expect(validate(strFromU8(unzipSync(bytes)['project.qde']!), 'Project-mrt2019.xsd').valid).toBe(true);
      const back = await roundTrip(p);
      expect(back.participants[0]!.attributes).toMatchObject({ Age, Interviewed: '2025-02-30' });
      expect(back.attributeDefs!.find((d) => d.name === 'Age')!.type).toBe('number');
    }
  });

  it('keeps an original file name with unusual line separators', async () => {
    const src = { ...base.sources[0]!, origin: { ...base.sources[0]!.origin, fileName: 'Dale\u2028T1.docx' } };
    const back = await roundTrip({ ...base, sources: [src, base.sources[1]!] });
    expect(back.sources[0]!.origin.fileName).toBe('Dale\u2028T1.docx');
    expect(back.memos).toHaveLength(base.memos!.length);
  });
});

describe('large projects', () => {
  it('reads a source with 200,000 codings (a push(...codings) spread overflowed the stack at ~150,000)', async () => {
    const project = smallProject();
    const source = project.sources[0]!;
    const base = project.codings.find((c) => c.sourceId === source.id)!;
    const words = [...source.text.matchAll(/\S+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
    project.codings = Array.from({ length: 200_000 }, (_, i) => ({
      ...base,
      id: `10000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      codeId: project.codes[i % project.codes.length]!.id,
      ...words[i % words.length]!,
    }));
    const { project: read } = await readQdpx(await writeQdpx(project), 'big.qdpx', { newId, now: 0 });
    expect(read.codings).toHaveLength(200_000);
    expect(read.codings.filter((c) => c.sourceId === read.sources[0]!.id)).toHaveLength(200_000);
  }, 120_000);
});
