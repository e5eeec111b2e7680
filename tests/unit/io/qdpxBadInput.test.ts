// .qdpx quirks other tools write that are tolerated, and every kind of bad input: refused
// with a message that says what is wrong, before anything is inflated where sizes decide.
import { strFromU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { QDPX_LIMITS, readQdpx, writeQdpx } from '../../../renderer/io/qdpx';
import { errorOf } from '../../fixtures/errorOf';
import { enc, qdpx, read, textAt } from '../../fixtures/qdpxFiles';
import { smallProject } from '../../fixtures/snapshots';

const USER = '<Users><User guid="c0000000-0000-4000-8000-000000000001" name="U"/></Users>';
const CODES = '<CodeBook><Codes><Code guid="d0000000-0000-4000-8000-000000000001" name="C" isCodable="true"/></Codes></CodeBook>';
const project = (inner: string) => `<?xml version="1.0"?><Project xmlns="urn:QDA-XML:project:1.0" name="p">${inner}</Project>`;
const source = (sel: string, extra = '') =>
  `<Sources><TextSource guid="e0000000-0000-4000-8000-000000000001" name="S" plainTextPath="internal://s.txt">${sel}</TextSource>${extra}</Sources>`;
const selection = (start: number, end: number, code = 'd0000000-0000-4000-8000-000000000001') =>
  `<PlainTextSelection guid="f0000000-0000-4000-8000-000000000001" startPosition="${start}" endPosition="${end}"><Coding guid="f0000000-0000-4000-8000-000000000002" creatingUser="c0000000-0000-4000-8000-000000000001"><CodeRef targetGUID="${code}"/></Coding></PlainTextSelection>`;

describe('tolerated quirks', () => {
  it('any single .qde name, Sources/ folder, bare paths, stale namespace, empty sets, empty text file', async () => {
    const qde = `<Project xmlns="urn:QDA-XML:project:0.9" name="p" origin="x">${USER}${CODES}<Sources><TextSource guid="{E0000000-0000-4000-8000-000000000001}" name="A" plainTextPath="a.txt">${selection(0, 5)}</TextSource><TextSource guid="e0000000-0000-4000-8000-000000000002" name="B" plainTextPath="internal://b.txt"/></Sources><Sets/></Project>`;
    const bytes = zipSync({
      'My Project.QDE': enc.encode(qde),
      'Sources/a.txt': enc.encode('Hello world'),
      'Sources/b.txt': new Uint8Array(),
    });
    const { project, warnings } = await read(bytes);
    expect(project.sources.map((s) => [s.title, s.text])).toEqual([
      ['A', 'Hello world'],
      ['B', ''],
    ]);
    expect(textAt(project, 0)).toBe('Hello');
    expect(warnings).toEqual(['The file names the namespace "urn:QDA-XML:project:0.9"; it was read as urn:QDA-XML:project:1.0.']);
  });

  it('repeated GUIDs keep both records and say so', async () => {
    const twice = `<Code guid="d0000000-0000-4000-8000-000000000001" name="C" isCodable="true"/><Code guid="D0000000-0000-4000-8000-000000000001" name="C2" isCodable="true"/>`;
    const { project, warnings } = await read(
      qdpx(project_(`${USER}<CodeBook><Codes>${twice}</Codes></CodeBook>${source(selection(0, 5))}`), { 'sources/s.txt': 'Hello world' }),
    );
    expect(project.codes.map((c) => c.name)).toEqual(['C', 'C2']);
    expect(project.codings[0]!.codeId).toBe(project.codes[0]!.id);
    expect(warnings.join(' ')).toMatch(/1 code repeated another code's GUID/);
  });

  it('codings by a user the file does not list go to a new coder, named in a warning', async () => {
    const sel = selection(0, 5).replace('c0000000-0000-4000-8000-000000000001', 'c0000000-0000-4000-8000-000000000009');
    const { project, warnings } = await read(qdpx(project_(`${USER}${CODES}${source(sel)}`), { 'sources/s.txt': 'Hello world' }));
    expect(project.coders.map((c) => c.name)).toEqual(['U', 'Unknown user c0000000']);
    expect(warnings.join(' ')).toMatch(/do(es)? not list/);
  });
});

function project_(inner: string) {
  return project(inner);
}

describe('bad input changes nothing and says what is wrong', () => {
  const ok = (inner: string, files: Record<string, string> = { 'sources/s.txt': 'Hello world' }) => qdpx(project(inner), files);

  it('not a zip', async () => {
    expect((await errorOf(read(enc.encode('hello'), 'notes.qdpx'))).message).toBe(
      'notes.qdpx: is not a .qdpx project: it is not a zip archive',
    );
  });

  it('a damaged zip', async () => {
    const bytes = await writeQdpx(smallProject());
    const cut = bytes.slice(0, bytes.length - 40);
    expect((await errorOf(read(cut, 'cut.qdpx'))).message).toMatch(/^cut\.qdpx: is not a valid \.qdpx/);
  });

  it('zip bombs: too many entries, a huge claimed size, an extreme compression ratio', async () => {
    const many: Record<string, Uint8Array> = { 'project.qde': enc.encode(project('')) };
    for (let i = 0; i < 6; i++) many[`sources/${i}.txt`] = enc.encode('x');
    expect((await errorOf(readQdpx(zipSync(many), 'many.qdpx', { limits: { maxEntries: 5 } }))).message).toMatch(
      /many\.qdpx: looks like a zip bomb \(more than 5 entries\)/,
    );
    expect((await errorOf(readQdpx(ok(''), 'big.qdpx', { limits: { maxXmlBytes: 10 } }))).message).toMatch(
      /^big\.qdpx: holds project\.qde, which would unpack to \d+ KB; the limit for one entry is 1 KB, so it was not opened$/,
    );
    const zeros = zipSync({ 'project.qde': enc.encode(project('')), 'sources/z.txt': new Uint8Array(4 * 1024 * 1024) });
    expect((await errorOf(read(zeros, 'ratio.qdpx'))).message).toMatch(
      /ratio\.qdpx: looks like a zip bomb \(sources\/z\.txt is compressed more than 200 to 1\)/,
    );
  });

  it('entries with .. or absolute paths', async () => {
    for (const name of ['../evil.txt', 'sources/../../evil.txt', '/etc/evil.txt', 'C:/evil.txt', '\\evil.txt']) {
      const bytes = zipSync({ 'project.qde': enc.encode(project('')), [name]: enc.encode('x') });
      expect((await errorOf(read(bytes, 'paths.qdpx'))).message).toBe(
        `paths.qdpx: holds an entry with an unsafe path ("${name}"); it was not opened`,
      );
    }
  });

  it('XML with a DOCTYPE, external entities or entity expansion', async () => {
    const lol = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><Project name="&lol2;"/>`;
    const xxe = `<?xml version="1.0"?><!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]><Project name="&x;"/>`;
    for (const xml of [lol, xxe]) {
      expect((await errorOf(read(qdpx(xml), 'dtd.qdpx'))).message).toBe(
        'dtd.qdpx: project.qde declares a DTD or entities, which REFI-QDA files never need; it was not read',
      );
    }
  });

  it('no .qde, two .qde, not XML, not a Project', async () => {
    expect((await errorOf(read(zipSync({ 'a.txt': enc.encode('x') }), 'a.qdpx'))).message).toBe(
      'a.qdpx: is not a REFI-QDA project: the archive holds no project.qde',
    );
    const two = zipSync({ 'a/x.qde': enc.encode(project('')), 'b/y.qde': enc.encode(project('')) });
    expect((await errorOf(read(two, 'two.qdpx'))).message).toMatch(/two\.qdpx: holds 2 \.qde project files/);
    expect((await errorOf(read(qdpx('<Project name="p"><Users></Project>'), 'bad.qdpx'))).message).toMatch(
      /^bad\.qdpx: project\.qde is not well-formed XML/,
    );
    expect((await errorOf(read(qdpx('<CodeBook/>'), 'cb.qdpx'))).message).toBe(
      'cb.qdpx: is not a REFI-QDA project (its .qde has no <Project> element)',
    );
  });

  it('dangling references: a code, a source, a variable, a note', async () => {
    const badCode = selection(0, 5, 'd0000000-0000-4000-8000-0000000000ff');
    expect((await errorOf(read(ok(`${USER}${CODES}${source(badCode)}`), 'd.qdpx'))).message).toMatch(
      /d\.qdpx: Source "S", selection .* refers to code d0000000-0000-4000-8000-0000000000ff, which the file does not define/,
    );
    const badCase = `<Cases><Case guid="a0000000-0000-4000-8000-000000000001" name="Dale"><SourceRef targetGUID="e0000000-0000-4000-8000-0000000000ff"/></Case></Cases>`;
    expect((await errorOf(read(ok(`${badCase}${source('')}`), 'd.qdpx'))).message).toMatch(
      /Case "Dale" refers to source e0000000-0000-4000-8000-0000000000ff/,
    );
    const badVar = `<Cases><Case guid="a0000000-0000-4000-8000-000000000001" name="Dale"><VariableValue><VariableRef targetGUID="b0000000-0000-4000-8000-0000000000ff"/><TextValue>x</TextValue></VariableValue></Case></Cases>`;
    expect((await errorOf(read(ok(badVar), 'd.qdpx'))).message).toMatch(/Case "Dale" refers to variable b0000000/);
    expect((await errorOf(read(ok('<NoteRef targetGUID="90000000-0000-4000-8000-0000000000ff"/>'), 'd.qdpx'))).message).toMatch(
      /a note reference \(90000000-0000-4000-8000-0000000000ff\) points at nothing/,
    );
  });

  it('selections outside the text, or without positions', async () => {
    expect((await errorOf(read(ok(`${USER}${CODES}${source(selection(6, 40))}`), 'o.qdpx'))).message).toBe(
      'o.qdpx: Source "S", selection f0000000-0000-4000-8000-000000000001: positions 6–40 lie outside the text (11 characters)',
    );
    expect((await errorOf(read(ok(`${USER}${CODES}${source(selection(-1, 3))}`), 'o.qdpx'))).message).toMatch(
      /positions -1–3 lie outside the text/,
    );
    const noPos = selection(0, 5).replace('startPosition="0"', 'startPosition="zero"');
    expect((await errorOf(read(ok(`${USER}${CODES}${source(noPos)}`), 'o.qdpx'))).message).toMatch(/has no valid start and end positions/);
  });
});

/** Sets the uncompressed size the central directory claims for every entry `pick` accepts. */
function claim(zip: Uint8Array, pick: (name: string) => boolean, size: number): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let i = zip.length - 22; i >= 0; i--) {
    if (view.getUint32(i, true) !== 0x02014b50) continue;
    const name = strFromU8(zip.subarray(i + 46, i + 46 + view.getUint16(i + 28, true)));
    if (pick(name)) view.setUint32(i + 24, size, true);
  }
  return zip;
}

describe('size limits that match memory, checked before anything is inflated', () => {
  const MB = 1024 * 1024;

  it('the limits: 1 GB in all, 512 MB of project.qde, 64 MB for one text, 20,000 entries', () => {
    expect(QDPX_LIMITS).toEqual({
      maxEntries: 20_000,
      maxEntryBytes: 64 * MB,
      maxXmlBytes: 512 * MB,
      maxTotalBytes: 1024 * MB,
      maxRatio: 200,
    });
  });

  it('a small .qdpx whose 2,200 entries claim 1 MB each is refused by what it would unpack to', async () => {
    const files: Record<string, Uint8Array> = { 'project.qde': enc.encode(project('')) };
    for (let i = 0; i < 2200; i++) files[`sources/${i}.txt`] = enc.encode('x');
    const zip = claim(zipSync(files), (name) => name.startsWith('sources/'), MB);
    expect(zip.length).toBeLessThan(MB);
    expect((await errorOf(read(zip, 'x.qdpx'))).message).toBe('x.qdpx: would unpack to 2.1 GB; the limit is 1 GB, so it was not opened');
  });

  it('one entry claiming more than its limit is refused, naming it: project.qde, a source text, 4 GB', async () => {
    const bytes = () => zipSync({ 'project.qde': enc.encode(project('')), 'sources/a.txt': enc.encode('Dale: hello') });
    expect(
      (
        await errorOf(
          read(
            claim(bytes(), (n) => n === 'project.qde', 513 * MB),
            'x.qdpx',
          ),
        )
      ).message,
    ).toBe('x.qdpx: holds project.qde, which would unpack to 513 MB; the limit for one entry is 512 MB, so it was not opened');
    expect(
      (
        await errorOf(
          read(
            claim(bytes(), (n) => n === 'sources/a.txt', 65 * MB),
            'x.qdpx',
          ),
        )
      ).message,
    ).toBe('x.qdpx: holds sources/a.txt, which would unpack to 65 MB; the limit for one entry is 64 MB, so it was not opened');
    expect(
      (
        await errorOf(
          read(
            claim(bytes(), (n) => n === 'sources/a.txt', 0xffffffff),
            'x.qdpx',
          ),
        )
      ).message,
    ).toBe('x.qdpx: holds sources/a.txt, which would unpack to 4 GB; the limit for one entry is 64 MB, so it was not opened');
  });

  it('a central directory claiming more entries than the limit is refused without walking them all', async () => {
    const zip = zipSync({ 'project.qde': enc.encode(project('')), 'sources/a.txt': enc.encode('x'), 'sources/b.txt': enc.encode('y') });
    expect((await errorOf(readQdpx(zip, 'many.qdpx', { limits: { maxEntries: 2 } }))).message).toBe(
      'many.qdpx: looks like a zip bomb (more than 2 entries); it was not opened',
    );
  });
});
