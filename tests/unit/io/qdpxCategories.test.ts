// Categories (REFI-QDA isCodable="false"): QualCoder's categories, which often share a name
// with a code under them, come in as categories and go back out as categories, in .qdpx and .qdc.
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readQdc, writeQdc } from '../../../renderer/io/qdc';
import { writeQdpx } from '../../../renderer/io/qdpx';
import { newId, qdpx, read } from '../../fixtures/qdpxFiles';
import { validate } from '../../fixtures/refi';

const G = (n: number) => `AAAAAAAA-0000-4000-8000-${String(n).padStart(12, '0')}`;
// As QualCoder writes them: each category a Code with isCodable="false", holding its codes.
const QDE = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="qc" origin="QualCoder 3.6">
<Users><User guid="${G(1)}" name="default"/></Users>
<CodeBook><Codes>
  <Code guid="${G(2)}" name="Anger" isCodable="false" color="#AA0000">
    <Code guid="${G(3)}" name="Anger" isCodable="true" color="#CC0000"/>
    <Code guid="${G(4)}" name="Blame" isCodable="true"/>
  </Code>
  <Code guid="${G(5)}" name="Hope" isCodable="true"/>
</Codes></CodeBook>
<Sources><TextSource guid="${G(6)}" name="A" plainTextPath="internal://a.txt">
  <PlainTextSelection guid="${G(7)}" startPosition="0" endPosition="5"><Coding guid="${G(8)}" creatingUser="${G(1)}"><CodeRef targetGUID="${G(3)}"/></Coding></PlainTextSelection>
</TextSource></Sources>
</Project>`;

describe('categories', () => {
  it('come in as categories, their same-named codes as codes, with the codings on the codes', async () => {
    const { project, warnings } = await read(qdpx(QDE, { 'Sources/a.txt': 'Angry at him, and hopeful.' }));
    const byGuid = (n: number) => project.codes.find((c) => c.id === G(n).toLowerCase())!;
    expect(byGuid(2)).toMatchObject({ name: 'Anger', notCodable: true, parentId: null });
    expect(byGuid(3)).toMatchObject({ name: 'Anger', parentId: G(2).toLowerCase() });
    expect(byGuid(3).notCodable).toBeUndefined();
    expect(byGuid(5).notCodable).toBeUndefined();
    expect(project.codings.map((c) => c.codeId)).toEqual([G(3).toLowerCase()]);
    expect(warnings).toEqual([]);
  });

  it('go back out as isCodable="false", valid against the schema, and the codes as "true"', async () => {
    const { project } = await read(qdpx(QDE, { 'Sources/a.txt': 'Angry at him, and hopeful.' }));
    const bytes = await writeQdpx(project);
    const qde = strFromU8(unzipSync(bytes)['project.qde']!);
    expect(qde.match(/isCodable="false"/g)).toHaveLength(1);
    expect(qde).toMatch(new RegExp(`<Code guid="${G(2)}" name="Anger" isCodable="false"`, 'i'));
    expect(qde.match(/isCodable="true"/g)).toHaveLength(3);
    const check = validate(qde, 'Project-mrt2019.xsd');
    expect(check.output).not.toMatch(/fails to validate|error/i);
    expect(check.valid).toBe(true);
  });

  it('travel in a .qdc codebook too', async () => {
    const { project } = await read(qdpx(QDE, { 'Sources/a.txt': 'Angry at him, and hopeful.' }));
    const qdc = await writeQdc(project.codes);
    expect(strFromU8(qdc)).toContain('isCodable="false"');
    expect(validate(strFromU8(qdc), 'Codebook-mrt2019.xsd').valid).toBe(true);
    const back = await readQdc(qdc, 'book.qdc', newId);
    expect(back.codes.filter((c) => c.notCodable).map((c) => c.name)).toEqual(['Anger']);
  });
});
