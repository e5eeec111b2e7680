// Rich-text originals: a TextSource's richTextPath .docx is the researcher's source. The plain
// text is read as before; the .docx is kept whole with its transcript, named in the preview,
// and written back byte for byte. One named but missing is said, and the text still comes in.
import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from '../../../renderer/io/base64';
import { writeQdpx } from '../../../renderer/io/qdpx';
import { qdpx, read } from '../../fixtures/qdpxFiles';
import { refiSample, validate } from '../../fixtures/refi';

const G = (n: number) => `bbbbbbbb-0000-4000-8000-${String(n).padStart(12, '0')}`;
const QDE = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="rich" origin="NVivo 12">
<Sources><TextSource guid="${G(1)}" name="Ana" richTextPath="internal://${G(1)}.docx" plainTextPath="internal://${G(1)}.txt"/></Sources>
</Project>`;
const DOCX = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 255, 1, 2, 3, 200, 17]);

describe('rich-text originals', () => {
  it('base64 goes there and back for any bytes, and refuses what is not base64', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(fromBase64(toBase64(bytes))).toEqual(bytes);
      }),
    );
    expect(toBase64(new TextEncoder().encode('Man'))).toBe('TWFu');
    expect(toBase64(new TextEncoder().encode('Ma'))).toBe('TWE=');
    expect(() => fromBase64('TW*u')).toThrow(/not base64/);
  });

  it('are kept with their transcript and written back byte for byte, in a schema-valid file', async () => {
    const { project, warnings } = await read(qdpx(QDE, { [`sources/${G(1)}.txt`]: 'Plain text.', [`sources/${G(1)}.docx`]: DOCX }));
    expect(warnings).toEqual([]);
    expect(project.sources[0]!.text).toBe('Plain text.');
    expect(fromBase64(project.sources[0]!.originalDocx!)).toEqual(DOCX);
    const files = unzipSync(await writeQdpx(project));
    const xml = strFromU8(files['project.qde']!);
    expect(xml).toContain(`richTextPath="internal://${G(1)}.docx"`);
    expect(files[`sources/${G(1)}.docx`]).toEqual(DOCX);
    expect(validate(xml, 'Project-mrt2019.xsd').valid).toBe(true);
  });

  it('one named but not in the archive is said, and the plain text still comes in', async () => {
    const { project, warnings } = await read(qdpx(QDE, { [`sources/${G(1)}.txt`]: 'Plain text.' }));
    expect(project.sources[0]!.originalDocx).toBeUndefined();
    expect(warnings).toEqual([
      `1 rich-text original named but not in the archive (the plain text was imported): Ana (internal://${G(1)}.docx).`,
    ]);
  });

  it('NVivo for Mac’s two .docx originals come in and go back out unchanged', async () => {
    const sample = refiSample('nvivo-mac-15.0.0__nvivo_project.qdpx');
    const original = unzipSync(sample);
    const { project } = await read(sample);
    const rich = project.sources.filter((s) => s.originalDocx);
    expect(rich).toHaveLength(2);
    const out = unzipSync(await writeQdpx(project));
    const docx = (files: Record<string, Uint8Array>) =>
      Object.entries(files)
        .filter(([name]) => /\.docx$/i.test(name))
        .map(([name, bytes]) => [name.replace(/^.*\//, '').toLowerCase(), bytes.length] as const)
        .sort();
    expect(docx(out)).toEqual(docx(original));
  });
});
