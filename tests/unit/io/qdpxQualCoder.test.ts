// What QualCoder (ccbogel/QualCoder, src/qualcoder/refi.py, RefiImport) makes of a .qdpx,
// through tests/fixtures/qualcoderReader.ts: first each of its rules on a hand-written
// project.qde, then our own export read the way QualCoder reads it.
import { strToU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { live, type ProjectSnapshot } from '../../../renderer/core/shared/model';
import { writeQdpx } from '../../../renderer/io/qdpx';
import { guidFor } from '../../../renderer/io/refi/guid';
import { readAsQualCoder, type QualCoderView } from '../../fixtures/qualcoderReader';
import { IDS, smallProject } from '../../fixtures/snapshots';

const G = (n: number) => `aaaaaaaa-0000-4000-8000-${String(n).padStart(12, '0')}`;
const DATE = 'creationDateTime="2026-01-01T00:00:00Z"';
const USERS = `<Users><User guid="${G(90)}" name="ana"/></Users>`;

/** A .qdpx's entries: `body` inside <Project>, and `texts` beside it. */
function archive(body: string, texts: Record<string, string> = {}, project = 'origin="Test"'): Record<string, Uint8Array> {
  const qde = `<?xml version="1.0" encoding="utf-8"?>\n<Project xmlns="urn:QDA-XML:project:1.0" name="t" ${project}>${body}</Project>`;
  const files: Record<string, Uint8Array> = { 'project.qde': strToU8(qde) };
  for (const [name, text] of Object.entries(texts)) files[name] = strToU8(text);
  return files;
}
const read = (body: string, texts: Record<string, string> = {}, project?: string) => readAsQualCoder(archive(body, texts, project));
const source = (n: number, inner = '', name = `S${n}`) =>
  `<TextSource guid="${G(n)}" name="${name}" plainTextPath="internal://s${n}.txt">${inner}</TextSource>`;
const coded = (code: number, start: number, end: number, memo = '') =>
  `<PlainTextSelection guid="${G(500 + start)}" startPosition="${start}" endPosition="${end}" creatingUser="${G(90)}">` +
  (memo ? `<Description>${memo}</Description>` : '') +
  `<Coding guid="${G(600 + start)}" creatingUser="${G(90)}"><CodeRef targetGUID="${G(code)}"/></Coding></PlainTextSelection>`;
const aborted = (dropped: string[]) => dropped.filter((d) => d.startsWith('IMPORT ABORTS'));

describe('QualCoder rules (RefiImport), one at a time', () => {
  const CODEBOOK = `<CodeBook><Codes>
    <Code guid="${G(1)}" name="Feelings" isCodable="false">
      <Code guid="${G(2)}" name="Anger" isCodable="true" color="#F6CECF"/>
      <Code guid="${G(3)}" name="Sub" isCodable="false"><Code guid="${G(4)}" name="Shame"/></Code>
    </Code>
    <Code guid="${G(5)}" name="Hope" isCodable="true" color="#abc"><Code guid="${G(6)}" name="Faith" isCodable="true"/></Code>
    <Code guid="${G(7)}" name="Anger" isCodable="true"/>
  </Codes></CodeBook>`;

  it('sub_codes: isCodable="false" is a category holding its codes; a codable parent holds sub-codes; colours snap to the palette', () => {
    const view = read(CODEBOOK);
    expect(view.categories).toEqual([
      { name: 'Feelings', guid: G(1), parentGuid: null },
      { name: 'Sub', guid: G(3), parentGuid: G(1) },
    ]);
    expect(view.codes).toEqual([
      { name: 'Anger', guid: G(2), categoryGuid: G(1), colour: '#F6CECE', parentCodeGuid: null },
      { name: 'Shame', guid: G(4), categoryGuid: G(3), colour: null, parentCodeGuid: null },
      { name: 'Hope', guid: G(5), categoryGuid: null, colour: '#D8D8D8', parentCodeGuid: null },
      { name: 'Faith', guid: G(6), categoryGuid: null, colour: null, parentCodeGuid: G(5) },
    ]);
    expect(view.dropped).toEqual([expect.stringMatching(/code "Anger" \(aaaaaaaa-0000-4000-8000-000000000007\) repeats a name/)]);
  });

  it('load_codings_for_text: a CodeRef to a category, or to a repeated code name, finds no code', () => {
    const text = 'one two three';
    const view = read(USERS + CODEBOOK + `<Sources>${source(10, coded(2, 0, 3) + coded(1, 4, 7) + coded(7, 8, 13))}</Sources>`, {
      'sources/s10.txt': text,
    });
    expect(view.codings.map((c) => [c.codeGuid, c.start, c.end])).toEqual([
      [G(2), 0, 3],
      [null, 4, 7],
      [null, 8, 13],
    ]);
    expect(view.dropped.filter((d) => d.includes('not a code'))).toHaveLength(2);
  });

  it('load_text_source: text from plainTextPath under sources/ (else Sources/), inline PlainTextContent never read', () => {
    const body = `<Sources>${source(10, '<PlainTextContent>inline</PlainTextContent><Description>about S10</Description>')}</Sources>`;
    expect(read(body, { 'sources/s10.txt': 'from file' }).sources).toEqual([
      { name: 'S10', guid: G(10), text: 'from file', attributes: {}, memo: 'about S10' },
    ]);
    expect(read(body, { 'Sources/s10.txt': 'capital S' }).sources[0]!.text).toBe('capital S');
    expect(aborted(read(body, {}).dropped)).toEqual([expect.stringMatching(/Sources\/s10\.txt is not in the archive/)]);
  });

  it('load_text_source: universal newlines, and "\\n " for every line break when a CRLF comes first; BOM kept', () => {
    const crlf = read(`<Sources>${source(10)}</Sources>`, { 'sources/s10.txt': 'a\r\nb\nc' }).sources[0]!.text;
    expect(crlf).toBe('a\n b\n c');
    const lf = read(`<Sources>${source(10)}</Sources>`, { 'sources/s10.txt': '\uFEFFa\nb\r\nc\rd' }).sources[0]!.text;
    expect(lf).toBe('\uFEFFa\nb\nc\nd');
    const atlas = read(`<Sources>${source(10)}</Sources>`, { 'sources/s10.txt': 'a\r\nb' }, 'origin="ATLAS.ti"').sources[0]!.text;
    expect(atlas).toBe('a\nb');
  });

  it('load_text_source: a repeated source name gets a prefix; relative:// plainTextPath aborts; relative:// path is outside', () => {
    const twice = read(`<Sources>${source(10, '', 'A')}${source(11, '', 'A')}</Sources>`, {
      'sources/s10.txt': 'x',
      'sources/s11.txt': 'y',
    });
    expect(twice.sources.map((s) => s.name)).toEqual(['A', '1_A']);
    const relative = read(`<Sources><TextSource guid="${G(10)}" name="R" plainTextPath="relative://r.txt"/></Sources>`);
    expect(aborted(relative.dropped)).toEqual([expect.stringMatching(/not internal:\/\//)]);
    const outside = read(`<Sources><TextSource guid="${G(10)}" name="R" path="relative://r.txt"/></Sources>`, {}, 'basePath="/x"');
    expect(outside.sources).toEqual([]);
    expect(outside.dropped).toEqual([expect.stringMatching(/outside the archive/)]);
  });

  it('positions are Python indices: code points, not UTF-16 units', () => {
    const text = '😀 calm 🇬🇧 done';
    const view = read(USERS + CODEBOOK + `<Sources>${source(10, coded(2, 2, 6, 'note'))}</Sources>`, { 'sources/s10.txt': text });
    const c = view.codings[0]!;
    expect([...view.sources[0]!.text].slice(c.start, c.end).join('')).toBe('calm');
    expect(c.memo).toBe('note');
  });

  it('load_codings_for_text: a PlainTextSelection without Coding is an annotation (its Description); a repeat aborts', () => {
    const sel = `<PlainTextSelection guid="${G(20)}" startPosition="0" endPosition="3" creatingUser="${G(90)}"><Description>look</Description></PlainTextSelection>`;
    const view = read(USERS + `<Sources>${source(10, sel)}</Sources>`, { 'sources/s10.txt': 'abc' });
    expect(view.annotations).toEqual([{ sourceGuid: G(10), text: 'look', start: 0, end: 3 }]);
    expect(aborted(read(USERS + `<Sources>${source(10, sel + sel)}</Sources>`, { 'sources/s10.txt': 'abc' }).dropped)).toHaveLength(1);
  });

  it('parse_notes: a Note with plainTextPath is a journal read from its file; one with only PlainTextContent is lost', () => {
    const notes = `<Notes>
      <Note guid="${G(30)}" name="J" plainTextPath="internal://n30.txt" ${DATE}><PlainTextContent>inline</PlainTextContent></Note>
      <Note guid="${G(31)}" name="Inline only" ${DATE}><PlainTextContent>never read</PlainTextContent></Note>
      <Note guid="${G(32)}" name="" plainTextPath="internal://n32.txt" ${DATE}/>
    </Notes>`;
    const view = read(notes, { 'sources/n30.txt': 'from\r\nfile', 'sources/n32.txt': 'x' });
    expect(view.journals).toEqual([{ name: 'J', text: 'from\nfile' }]);
    expect(view.dropped).toEqual([
      expect.stringMatching(/"Inline only" is no journal/),
      expect.stringMatching(/is no journal \(empty name\)/),
    ]);
  });

  it('parse_notes: a Note with no date, or two journals of one name, abort the import there', () => {
    const noDate = read(`<Notes><Note guid="${G(30)}" name="J" plainTextPath="internal://n30.txt"/></Notes>`, { 'sources/n30.txt': 'x' });
    expect(aborted(noDate.dropped)).toEqual([expect.stringMatching(/neither creationDateTime nor modifiedDateTime/)]);
    const note = (n: number) => `<Note guid="${G(n)}" name="Same" plainTextPath="internal://n${n}.txt" ${DATE}/>`;
    const twice = read(`<Notes>${note(30)}${note(31)}</Notes>`, { 'sources/n30.txt': 'a', 'sources/n31.txt': 'b' });
    expect(twice.journals).toEqual([{ name: 'Same', text: 'a' }]);
    expect(aborted(twice.dropped)).toEqual([expect.stringMatching(/two journals named "Same"/)]);
  });

  it('insert_annotation: a NoteRef in the TextSource makes its Note an annotation, given PlainTextContent and a PlainTextSelection', () => {
    const refs = `<NoteRef targetGUID="${G(30)}"/><NoteRef targetGUID="${G(31)}"/>`;
    const notes = `<Notes>
      <Note guid="${G(30)}" name="A" plainTextPath="internal://n30.txt" ${DATE}><PlainTextContent>ann</PlainTextContent>
        <PlainTextSelection guid="${G(40)}" startPosition="1" endPosition="2"/></Note>
      <Note guid="${G(31)}" name="B" plainTextPath="internal://n31.txt" ${DATE}><PlainTextContent>whole source</PlainTextContent></Note>
    </Notes>`;
    const view = read(`<Sources>${source(10, refs)}</Sources>${notes}`, {
      'sources/s10.txt': 'abc',
      'sources/n30.txt': 'a',
      'sources/n31.txt': 'b',
    });
    expect(view.annotations).toEqual([{ sourceGuid: G(10), text: 'ann', start: 1, end: 2 }]);
    expect(view.journals).toEqual([]);
    expect(view.dropped).toEqual([expect.stringMatching(/Note "B" is an annotation without/)]);
  });

  it('NoteRefs inside a Code or a Coding are not read: the Note is only a journal', () => {
    const body =
      `<CodeBook><Codes><Code guid="${G(2)}" name="C"><NoteRef targetGUID="${G(30)}"/></Code></Codes></CodeBook>` +
      `<Sources>${source(10, `<PlainTextSelection guid="${G(20)}" startPosition="0" endPosition="1"><Coding guid="${G(21)}"><CodeRef targetGUID="${G(2)}"/><NoteRef targetGUID="${G(31)}"/></Coding></PlainTextSelection>`)}</Sources>` +
      `<Notes><Note guid="${G(30)}" name="On code" plainTextPath="internal://n30.txt" ${DATE}/><Note guid="${G(31)}" plainTextPath="internal://n31.txt" ${DATE}/></Notes>`;
    const view = read(body, { 'sources/s10.txt': 'abc', 'sources/n30.txt': 'c', 'sources/n31.txt': 'd' });
    expect(view.journals).toEqual([
      { name: 'On code', text: 'c' },
      { name: '', text: 'd' },
    ]);
    expect(view.annotations).toEqual([]);
  });

  it("parse_cases: SourceRef is ignored; a Code with the Case's guid links the case to the sources it codes", () => {
    const body =
      USERS +
      `<CodeBook><Codes><Code guid="${G(50)}" name="Dale"/><Code guid="${G(2)}" name="C"/></Codes></CodeBook>` +
      `<Variables><Variable guid="${G(60)}" name="Age" typeOfVariable="Float"/></Variables>` +
      `<Cases><Case guid="${G(50)}" name="Dale"><Description>memo</Description><VariableValue><VariableRef targetGUID="${G(60)}"/><FloatValue>41</FloatValue></VariableValue>` +
      `<SourceRef targetGUID="${G(11)}"/></Case><Case guid="${G(51)}" name="Leanne"><SourceRef targetGUID="${G(10)}"/></Case></Cases>` +
      `<Sources>${source(10, coded(50, 0, 3) + coded(2, 0, 1))}${source(11)}</Sources>`;
    const view = read(body, { 'sources/s10.txt': 'abc', 'sources/s11.txt': 'def' });
    expect(view.cases).toEqual([
      { name: 'Dale', guid: G(50), sourceGuids: [G(10)], attributes: { Age: '41' }, memo: 'memo' },
      { name: 'Leanne', guid: G(51), sourceGuids: [], attributes: {}, memo: '' },
    ]);
    expect(view.codes.map((c) => c.name)).toEqual(['C']);
    expect(view.codings.map((c) => c.codeGuid)).toEqual([G(2)]);
    expect(view.dropped.filter((d) => d.includes('SourceRefs are ignored'))).toHaveLength(2);
  });

  it('source attributes: VariableValue on the source (stripped), an unnamed Case with one SourceRef, and Sets', () => {
    const body =
      `<Variables><Variable guid="${G(60)}" name="Wave" typeOfVariable="Text"/><Variable guid="${G(61)}" name="Age" typeOfVariable="Float"/></Variables>` +
      `<Cases><Case guid="${G(52)}"><VariableValue><VariableRef targetGUID="${G(61)}"/><FloatValue>41</FloatValue></VariableValue><SourceRef targetGUID="${G(10)}"/></Case></Cases>` +
      `<Sources>${source(10, `<VariableValue><VariableRef targetGUID="${G(60)}"/><TextValue> Time 1 </TextValue></VariableValue>`)}</Sources>` +
      `<Sets><Set guid="${G(70)}" name="Wave"><MemberSource targetGUID="${G(10)}"/></Set><Set guid="${G(71)}" name="Group A"><MemberSource targetGUID="${G(10)}"/></Set></Sets>`;
    const view = read(body, { 'sources/s10.txt': 'abc' });
    expect(view.sources[0]!.attributes).toEqual({ Wave: 'Time 1', Age: '41', 'Group A': 'Group A' });
    expect(view.cases).toEqual([]);
    expect(view.dropped).toEqual([expect.stringMatching(/set "Wave" has the name of a variable/)]);
  });

  it('elements outside the urn:QDA-XML:project namespace are all skipped', () => {
    const files = {
      'project.qde': strToU8(`<Project name="t" origin="x"><CodeBook><Codes><Code guid="${G(1)}" name="A"/></Codes></CodeBook></Project>`),
    };
    const view = readAsQualCoder(files);
    expect(view.codes).toEqual([]);
    expect(view.dropped).toEqual([expect.stringMatching(/namespace/)]);
  });
});

/** The small project, with a category over "Minimising & denial". */
function project(): ProjectSnapshot {
  const p = smallProject();
  const themes = '3b6f2b0e-1c3a-4d5e-8f70-0a1b2c3d4e09';
  const category = {
    ...p.codes[0]!,
    id: themes,
    name: 'Themes',
    description: '',
    inclusion: '',
    exclusion: '',
    examples: '',
    order: 2,
    notCodable: true,
  };
  p.codes = [...p.codes.map((c) => (c.id === IDS.minimising ? { ...c, parentId: themes } : c)), category];
  return p;
}

describe('our export, read as QualCoder reads it', () => {
  const p = project();
  let view: QualCoderView;
  beforeAll(async () => {
    view = readAsQualCoder(unzipSync(await writeQdpx(p)));
  });

  it('gets through the whole import', () => {
    expect(aborted(view.dropped)).toEqual([]);
  });

  it('finds every live memo: as a journal, an annotation, a coding memo or a source, case or project memo', () => {
    const found = [
      ...view.journals.map((j) => j.text),
      ...view.annotations.map((a) => a.text),
      ...view.codings.map((c) => c.memo),
      ...view.sources.map((s) => s.memo),
      ...view.cases.map((c) => c.memo),
      view.projectMemo,
    ];
    const missing = live(p.memos ?? []).filter((m) => !found.includes(m.text));
    expect(missing.map((m) => `${m.target} memo "${m.title}": ${m.text}`)).toEqual([]);
    const codingMemos = live(p.codings).filter((c) => c.memo);
    expect(codingMemos.filter((c) => !view.codings.some((v) => v.memo === c.memo)).map((c) => c.memo)).toEqual([]);
  });

  it("brings every case with its values, and shows each transcript with its participant's values as its own", () => {
    // QualCoder reads no <SourceRef>, so its cases come without transcripts, whatever a file
    // says (README: what each tool keeps). What the standard allows: the case's values are
    // also written on each of its transcripts, where QualCoder shows them as file attributes.
    for (const person of live(p.participants)) {
      const node = view.cases.find((c) => c.guid === guidFor('participant', person.id));
      expect(node, person.pseudonym).toBeDefined();
      expect(node!.sourceGuids).toEqual([]);
      for (const source of live(p.sources).filter((s) => s.participantId === person.id)) {
        const seen = view.sources.find((s) => s.guid === guidFor('source', source.id));
        expect(seen?.attributes, source.title).toMatchObject(node!.attributes);
      }
      expect(Object.keys(node!.attributes).length).toBeGreaterThan(0);
    }
  });

  it('gives every coding a code', () => {
    expect(view.codings).toHaveLength(live(p.codings).length);
    expect(view.codings.filter((c) => c.codeGuid === null)).toEqual([]);
  });

  it('keeps every category a category', () => {
    const categories = live(p.codes).filter((c) => c.notCodable);
    expect(categories.length).toBeGreaterThan(0);
    expect(categories.filter((c) => !view.categories.some((v) => v.guid === guidFor('code', c.id))).map((c) => c.name)).toEqual([]);
    expect(view.codes.filter((c) => categories.some((k) => guidFor('code', k.id) === c.guid))).toEqual([]);
  });
});
