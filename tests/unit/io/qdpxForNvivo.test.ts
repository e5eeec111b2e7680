// "Export for NVivo": positions in UTF-16 units, as NVivo's own files count them, so passages
// after an emoji do not drift there; the origin says so, and our own import reads it back
// exactly. The standard export's preview names the transcripts where the two differ.
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { sourcesBeyondBmp } from '../../../renderer/core/merge';
import { writeQdpx } from '../../../renderer/io/qdpx';
import { read } from '../../fixtures/qdpxFiles';
import { validate } from '../../fixtures/refi';
import { smallProject } from '../../fixtures/snapshots';

const qde = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)['project.qde']!);

describe('export for NVivo', () => {
  const project = smallProject();
  const emoji = project.sources.findIndex((s) => /\p{Extended_Pictographic}/u.test(s.text));

  it('counts UTF-16 units where the standard counts code points, and says so in its origin', async () => {
    expect(emoji).toBeGreaterThanOrEqual(0);
    const source = project.sources[emoji]!;
    const after = project.codings.find((c) => c.sourceId === source.id && [...source.text.slice(0, c.start)].length !== c.start)!;
    expect(after).toBeDefined();
    const nvivo = qde(await writeQdpx(project, { positions: 'utf16' }));
    const standard = qde(await writeQdpx(project));
    expect(nvivo).toContain(`startPosition="${after.start}" endPosition="${after.end}"`);
    expect(standard).toContain(`startPosition="${[...source.text.slice(0, after.start)].length}"`);
    expect(nvivo).toContain('origin="Mirabal Workbench (positions in UTF-16 units, for NVivo)"');
    expect(validate(nvivo, 'Project-mrt2019.xsd').valid).toBe(true);
  });

  it('reads back here exactly, without guessing or warnings', async () => {
    const back = await read(await writeQdpx(project, { positions: 'utf16' }));
    const spans = (p: typeof project) => p.codings.map((c) => [c.id, c.start, c.end]).sort();
    expect(spans(back.project)).toEqual(spans(project));
    expect(back.warnings).toEqual([]);
  });

  it('the standard export’s preview names the transcripts with characters outside the BMP', () => {
    const astral = project.sources.filter((s) => [...s.text].length !== s.text.length).map((s) => s.title);
    expect(astral.length).toBeGreaterThan(0);
    expect(sourcesBeyondBmp(project)).toEqual(astral);
    expect(sourcesBeyondBmp({ ...project, sources: project.sources.map((s) => ({ ...s, text: 'plain é ü ß' })) })).toEqual([]);
  });
});
