// The export writes what the project holds and nothing else: no built-in variable nobody set,
// no empty default wave sets, no colour the app merely assigned; where each transcript came
// from rides in one project note (not in every source's Description), and each note's text is
// also a file of the archive (plainTextPath), which is where QualCoder reads it.
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { updateCode } from '../../../renderer/core/codebook';
import type { Code, ProjectSnapshot } from '../../../renderer/core/shared/model';
import { writeQdpx } from '../../../renderer/io/qdpx';
import { qdpx, read } from '../../fixtures/qdpxFiles';
import { validate } from '../../fixtures/refi';
import { smallProject } from '../../fixtures/snapshots';

const qde = async (p: ProjectSnapshot) => strFromU8(unzipSync(await writeQdpx(p))['project.qde']!);

const G = (n: number) => `aaaaaaaa-0000-4000-8000-${String(n).padStart(12, '0')}`;
const PLAIN = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="plain" origin="NVivo 12">
<CodeBook><Codes><Code guid="${G(1)}" name="Anger" isCodable="true"><Code guid="${G(2)}" name="Blame" isCodable="true"/></Code></Codes></CodeBook>
<Cases><Case guid="${G(3)}" name="Edit"><SourceRef targetGUID="${G(4)}"/></Case></Cases>
<Sources><TextSource guid="${G(4)}" name="Edit 1" plainTextPath="internal://${G(4)}.txt"><Description>Interview at home</Description></TextSource></Sources>
<Notes><Note guid="${G(5)}" name="Journal" plainTextPath="internal://${G(5)}.txt"/></Notes>
</Project>`;

describe('an export adds nothing the project lacks', () => {
  it('a file with no variables, waves or colours goes back without them, and keeps its descriptions', async () => {
    const { project } = await read(
      qdpx(PLAIN, { [`sources/${G(4)}.txt`]: 'I was angry.', [`sources/${G(5)}.txt`]: 'Day one:\r\nwe met.' }),
    );
    expect(project.memos?.find((m) => m.title === 'Journal')?.text).toBe('Day one:\nwe met.'); // read from the note's file
    expect(project.codes.every((c) => c.autoColour)).toBe(true);
    const xml = await qde(project);
    expect(validate(xml, 'Project-mrt2019.xsd').valid).toBe(true);
    expect(xml).not.toMatch(/<Variables>|<Sets>|color=|Imported from|Original transcript files/);
    expect(xml).toContain('<Description>Interview at home</Description>');
  });

  it('a colour chosen in the app goes out; the one it assigned does not', async () => {
    const { project } = await read(qdpx(PLAIN, { [`sources/${G(4)}.txt`]: 'I was angry.', [`sources/${G(5)}.txt`]: 'x' }));
    const action = updateCode(project.codes, G(2), { colour: '#123456' });
    const changed = action.changes.map((c) => c.after as Code);
    expect(changed[0]).not.toHaveProperty('autoColour');
    const codes = project.codes.map((c) => changed.find((d) => d.id === c.id) ?? c);
    const xml = await qde({ ...project, codes });
    expect(xml.match(/color="[^"]*"/g)).toEqual(['color="#123456"']);
  });

  it('the project’s own roles, sites, groups, waves and speakers go out as variables and sets', async () => {
    const xml = await qde(smallProject());
    for (const name of ['Role', 'Wave', 'Speaker roles']) expect(xml).toContain(`name="${name}" typeOfVariable="Text"`);
    expect(xml).toMatch(/<Set guid="[^"]+" name="Time 1"><Description>Wave id: /);
  });

  it('provenance goes in one project note, read back onto each transcript', async () => {
    const project = smallProject();
    const xml = await qde(project);
    expect(xml).not.toMatch(/<TextSource[^>]*>(<Description>)?Imported from/);
    expect(xml).toMatch(/<Note guid="[^"]+" name="Original transcript files" plainTextPath="internal:\/\/[^"]+" modifiedDateTime="[^"]+">/);
    const { project: back, warnings } = await read(await writeQdpx(project));
    expect(back.sources.map((s) => s.origin)).toEqual(project.sources.map((s) => s.origin));
    expect(back.memos?.map((m) => m.title)).not.toContain('Original transcript files');
    expect(warnings).toEqual([]);
  });

  it('a file from an older export (provenance in each Description) still reads its provenance', async () => {
    const old = PLAIN.replace(
      '<Description>Interview at home</Description>',
      '<Description>Imported from "edit.docx" (docx, SHA-256 ' + 'a'.repeat(64) + ')</Description>',
    );
    const { project } = await read(qdpx(old, { [`sources/${G(4)}.txt`]: 'I was angry.', [`sources/${G(5)}.txt`]: 'x' }));
    expect(project.sources[0]!.origin).toMatchObject({ fileName: 'edit.docx', format: 'docx', sha256: 'a'.repeat(64) });
  });
});
