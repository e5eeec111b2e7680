// Ids that are not GUIDs ("c001", as some tools and scripts write them): each is read as the
// UUID v5 of itself, so every reference still resolves, importing the file twice gives the same
// project, and the preview names the ids it derived.
import { describe, expect, it } from 'vitest';
import { readGuid, uuidV5 } from '../../../renderer/io/refi/guid';
import { qdpx, read } from '../../fixtures/qdpxFiles';

const QDE = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="script" origin="a script">
<Users><User guid="u1" name="Ana"/></Users>
<CodeBook><Codes>
  <Code guid="c001" name="Anger" isCodable="true"><Code guid="c002" name="Blame" isCodable="true"/></Code>
</Codes></CodeBook>
<Cases><Case guid="case-1" name="Sam"><SourceRef targetGUID="s1"/></Case></Cases>
<Sources><TextSource guid="s1" name="Sam T1" plainTextPath="internal://s1.txt">
  <PlainTextSelection guid="sel1" startPosition="0" endPosition="5"><Coding guid="k1" creatingUser="u1"><CodeRef targetGUID="c002"/></Coding></PlainTextSelection>
</TextSource></Sources>
</Project>`;

describe('ids that are not GUIDs', () => {
  it('uuidV5 gives RFC 9562’s own example (www.example.com in the DNS namespace)', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('a GUID stays itself (lower case, no braces); another id becomes its UUID v5, case kept', () => {
    expect(readGuid('{AAAAAAAA-0000-4000-8000-000000000001}')).toBe('aaaaaaaa-0000-4000-8000-000000000001');
    expect(readGuid(' c001 ')).toBe(uuidV5('c001'));
    expect(readGuid('C001')).not.toBe(readGuid('c001'));
    expect(readGuid(uuidV5('c001'))).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(readGuid('  ')).toBeNull();
  });

  it('are read as their UUID v5, references resolve, and the preview lists them', async () => {
    const file = qdpx(QDE, { 'sources/s1.txt': 'Angry at him.' });
    const { project, warnings } = await read(file);
    expect(project.codes.map((c) => [c.id, c.parentId])).toEqual([
      [uuidV5('c001'), null],
      [uuidV5('c002'), uuidV5('c001')],
    ]);
    expect(project.coders.map((c) => c.id)).toEqual([uuidV5('u1')]);
    expect(project.sources[0]!.id).toBe(uuidV5('s1'));
    expect(project.participants[0]!.id).toBe(uuidV5('case-1'));
    expect(project.sources[0]!.participantId).toBe(uuidV5('case-1'));
    expect(project.codings).toMatchObject([{ id: uuidV5('k1'), codeId: uuidV5('c002'), coderId: uuidV5('u1'), start: 0, end: 5 }]);
    expect(warnings).toEqual([
      `7 ids in the file are not a GUID; each was read as a UUID derived from it (UUID v5), the same every time this file is imported: "u1" → ${uuidV5('u1')}, "c001" → ${uuidV5('c001')}, "c002" → ${uuidV5('c002')}, "case-1" → ${uuidV5('case-1')}, "s1" → ${uuidV5('s1')}, and 2 more.`,
    ]);
    // The same file twice: the same ids.
    const again = await read(file);
    expect(again.project.codings.map((c) => c.id)).toEqual(project.codings.map((c) => c.id));
  });

  it('a reference to an id the file does not define still refuses the file, naming it', async () => {
    await expect(
      read(qdpx(QDE.replace('<CodeRef targetGUID="c002"/>', '<CodeRef targetGUID="c009"/>'), { 'sources/s1.txt': 'Angry.' })),
    ).rejects.toThrow(/refers to code c009, which the file does not define/);
  });
});
