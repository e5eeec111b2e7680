// REFI-QDA codebooks (.qdc): real files from ATLAS.ti and Taguette, schema-valid export, and
// the round trip of our four-part definitions through one Description.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CODEBOOK } from '../../../codebook';
import { codesFromTree } from '../../../renderer/core/codebook/codebook';
import { codePath } from '../../../renderer/core/codebook/codebookOps';
import { definitionText, parseDefinition } from '../../../renderer/io/refi/codesXml';
import { readQdc, writeQdc } from '../../../renderer/io/qdc';
import { errorOf } from '../../fixtures/errorOf';
import { refiSample, validate } from '../../fixtures/refi';
import { smallProject } from '../../fixtures/snapshots';

const enc = new TextEncoder();
const dec = new TextDecoder();
let n = 0;
const newId = () => `id-${++n}`;

describe('.qdc import', () => {
  it('ATLAS.ti 23: one code with colour and description; its code group is reported', async () => {
    const { codes, warnings } = await readQdc(refiSample('atlasti-win-23.4.0__codebook_from-requal-test.qdc'), 'atlas.qdc', newId);
    expect(codes).toEqual([
      expect.objectContaining({
        id: '1ff58b12-6f6f-4b0c-8be5-bbdc91f55294',
        name: 'code1',
        description: 'description',
        colour: '#46aa00',
        parentId: null,
      }),
    ]);
    expect(warnings).toEqual(['1 code set ("code group 1") not kept: this workbench groups codes by their hierarchy only.']);
  });

  it('Taguette 1.4.1: three flat codes without colours, empty <Sets/>', async () => {
    const { codes, warnings } = await readQdc(refiSample('taguette-1.4.1__codebook.qdc'), 'taguette.qdc', newId);
    expect(codes.map((c) => c.name)).toEqual(['xsd:element name', 'CodeBook', 'Variables']);
    expect(codes.every((c) => /^#[0-9a-f]{6}$/.test(c.colour))).toBe(true);
    expect(warnings).toEqual([]);
  });

  it('refuses a DTD, a zip, an empty file, a file with no codes, and a non-codebook', async () => {
    const cases: [string, RegExp][] = [
      ['<!DOCTYPE x [<!ENTITY a "b">]><CodeBook><Codes/></CodeBook>', /x\.qdc: the codebook declares a DTD/],
      ['', /x\.qdc: is empty/],
      ['<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes></Codes></CodeBook>', /x\.qdc: holds no codes/],
      ['<Project name="p"/>', /x\.qdc: is not a REFI-QDA codebook/],
      ['<CodeBook><Codes>', /x\.qdc: the codebook is not well-formed XML/],
    ];
    for (const [xml, message] of cases) expect((await errorOf(readQdc(enc.encode(xml), 'x.qdc'))).message).toMatch(message);
    expect((await errorOf(readQdc(new Uint8Array([0x50, 0x4b, 3, 4, ...new Array(30).fill(0)]), 'x.qdc'))).message).toMatch(
      /is a zip archive, not a \.qdc/,
    );
  });
});

describe('.qdc export', () => {
  it('the study codebook validates against Codebook-mrt2019.xsd and comes back whole', async () => {
    const codes = codesFromTree(DEFAULT_CODEBOOK, () => crypto.randomUUID());
    const bytes = await writeQdc(codes);
    const { valid, output } = validate(dec.decode(bytes), 'Codebook-mrt2019.xsd');
    expect(output).toMatch(/validates/);
    expect(valid).toBe(true);
    const { codes: back, warnings } = await readQdc(bytes, 'study.qdc');
    expect(warnings).toEqual([]);
    expect(back).toEqual(codes);
    expect(back.map((c) => codePath(back, c.id).join(' / '))).toEqual(codes.map((c) => codePath(codes, c.id).join(' / ')));
  });

  it('is byte-identical for the same codebook, and refuses an empty one', async () => {
    const { codes } = smallProject();
    expect(await writeQdc(codes)).toEqual(await writeQdc([...codes].reverse()));
    await expect(writeQdc([])).rejects.toThrow(/empty/);
  });

  it('definitions: four parts into one Description and back', () => {
    const parts = { description: 'What it is.', inclusion: 'When.', exclusion: 'Not when.', examples: '"x"\n\n"y"' };
    expect(definitionText(parts)).toBe('What it is.\n\nInclusion: When.\n\nExclusion: Not when.\n\nExamples: "x"\n\n"y"');
    expect(parseDefinition(definitionText(parts))).toEqual(parts);
    expect(parseDefinition('Inclusion: only this')).toEqual({ description: '', inclusion: 'only this', exclusion: '', examples: '' });
    expect(parseDefinition('A foreign description\nInclusion: mid-line stays')).toEqual({
      description: 'A foreign description\nInclusion: mid-line stays',
      inclusion: '',
      exclusion: '',
      examples: '',
    });
  });
});
