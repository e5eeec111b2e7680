// .qdpx import of real files from other tools, NVivo-style positions, export validity and
// every kind of bad input. Counts below were read off each sample's project.qde by hand.
import { strFromU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { codePath } from '../../../renderer/core/codebook/codebookOps';
import type { ProjectSnapshot } from '../../../renderer/core/shared/model';
import { QDPX_LIMITS, readQdpx, writeQdpx } from '../../../renderer/io/qdpx';
import { errorOf } from '../../fixtures/errorOf';
import { refiSample, validate } from '../../fixtures/refi';
import { smallProject } from '../../fixtures/snapshots';

const enc = new TextEncoder();
let n = 0;
const newId = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
const read = (bytes: Uint8Array, name = 'test.qdpx') => readQdpx(bytes, name, { newId, now: 0 });

function qdpx(qde: string, files: Record<string, string | Uint8Array> = {}): Uint8Array {
  const entries: Record<string, Uint8Array> = { 'project.qde': enc.encode(qde) };
  for (const [name, body] of Object.entries(files)) entries[name] = typeof body === 'string' ? enc.encode(body) : body;
  return zipSync(entries);
}

const textAt = (p: ProjectSnapshot, i: number) => {
  const c = p.codings[i]!;
  return p.sources.find((s) => s.id === c.sourceId)!.text.slice(c.start, c.end);
};

const WORD = /[\p{L}\p{N}'’]/u;
function onWordBoundaries(p: ProjectSnapshot): boolean {
  return p.codings.every((c) => {
    const t = p.sources.find((s) => s.id === c.sourceId)!.text;
    const startOk = c.start === 0 || !WORD.test(t[c.start - 1]!) || !WORD.test(t[c.start]!);
    const endOk = c.end === t.length || !WORD.test(t[c.end - 1]!) || !WORD.test(t[c.end]!);
    return startOk && endOk;
  });
}

describe('real files from other tools', () => {
  it('ATLAS.ti 8 (Mac): codes, users and notes; sources whose text is not in the archive are listed', async () => {
    const { project, warnings } = await read(refiSample('atlasti-mac-8.4.0__TestProject.qdpx'), 'atlas.qdpx');
    expect(project.name).toBe('ATLAS.ti standard project');
    expect(project.codes).toHaveLength(14);
    expect(project.codes.find((c) => c.name === 'Coke')).toMatchObject({ description: 'the breakfast of champions', colour: '#966450' });
    expect(project.codes.find((c) => c.name === '"rushed"')).toBeDefined();
    expect(project.coders.map((c) => c.name)).toEqual(['ATLAS.ti', 'Friedrich Markgraf', 'Sebastian Petrausch']);
    // The archive has only Project.qde: none of the 8 text files (6 texts, 2 PDF text layers).
    expect(project.sources).toHaveLength(0);
    expect(project.codings).toHaveLength(0);
    expect(project.memos!.map((m) => [m.title, m.target])).toEqual([
      ['Research Plan', 'project'],
      ['My favorite Coke ad', 'project'],
    ]);
    const all = warnings.join('\n');
    expect(all).toMatch(/8 text sources not imported because the archive does not hold its text/);
    expect(all).toMatch(/Mabel\.txt \(internal:\/\/B2F54555-0D2D-43B2-B40C-2A1C048F5F1C\.txt, 3 codings\)/);
    expect(all).toMatch(/1 picture not imported/);
    expect(all).toMatch(/1 audio source not imported/);
    expect(all).toMatch(/2 video sources not imported/);
    expect(all).toMatch(/4 PDF area selections not imported/);
    expect(all).toMatch(/16 sets not kept/);
    expect(all).toMatch(/1 graph \(network view\) not kept/);
    expect(all).toMatch(/1 link between other elements not kept/);
  });

  it('ATLAS.ti 23 (Windows): a nested codebook and two users, no sources', async () => {
    const { project, warnings } = await read(refiSample('atlasti-win-23.2.3__target-atlas-project.qdpx'));
    expect(project.codes.map((c) => codePath(project.codes, c.id).join(' / '))).toEqual([
      'Commits',
      'Commits / 2022-05-10T02:05:59Z 19e4dce',
      'Commits / 2022-02-11T10:39:25Z cdbfd92',
    ]);
    expect(project.codes[0]!.id).toBe('a182cd3a-d83c-4d8c-bc80-26d9103ec6d6'); // upper-case GUID, normalised
    expect(project.coders).toHaveLength(2);
    expect(project.sources).toHaveLength(0);
    expect(warnings).toEqual([]);
  });

  it('NVivo 15 (Mac): 262 codes in a deep tree, two sources with empty text', async () => {
    const { project, warnings } = await read(refiSample('nvivo-mac-15.0.0__nvivo_project.qdpx'));
    expect(project.codes).toHaveLength(262);
    const programming = project.codes.find((c) => c.name === 'programming')!;
    expect(codePath(project.codes, programming.id)).toEqual(['rq1_definition', 'competencies', 'programming']);
    expect(project.sources).toHaveLength(2);
    expect(project.sources.map((s) => s.text)).toEqual(['\n', '\n']);
    expect(project.codings).toHaveLength(0);
    expect(project.coders.map((c) => c.name)).toEqual(['chrisp', 'cp']);
    expect(warnings).toEqual([]);
  });

  it('qc 1.3.2: 205 codings on 158 selections, paths without internal://', async () => {
    const { project, warnings } = await read(refiSample('qc-1.3.2__demo.qdpx'));
    expect(project.codes).toHaveLength(262);
    expect(project.sources.map((s) => s.title).sort()).toEqual(['admin-1.txt', 'board_2017.txt']);
    expect(project.codings).toHaveLength(205);
    expect(new Set(project.codings.map((c) => `${c.sourceId}:${c.start}:${c.end}`)).size).toBe(158);
    expect(project.coders).toEqual([expect.objectContaining({ name: 'cp' })]);
    expect(project.codings.every((c) => c.coderId === project.coders[0]!.id)).toBe(true);
    // qc codes whole lines ("line:6" is positions 320-400 of board_2017.txt).
    expect(textAt(project, 0)).toBe('This district goal is engage every student in joyful, purposeful learning that \n');
    expect(onWordBoundaries(project)).toBe(true);
    expect(project.sources.every((s) => /^[0-9a-f]{64}$/.test(s.origin.sha256))).toBe(true);
    expect(warnings).toEqual([]);
  });
});

// Sources as NVivo writes them: positions in UTF-16 code units with every line break counted
// as 2, whether the text file holds CRLF or LF.
function nvivoFixture(fileText: string, selections: [number, number][], origin = 'NVivo 14.23.0 (Windows)'): Uint8Array {
  const sels = selections
    .map(
      ([s, e], i) =>
        `<PlainTextSelection guid="{AAAAAAAA-0000-4000-8000-00000000000${i}}" startPosition="${s}" endPosition="${e}"><Coding guid="BBBBBBBB-0000-4000-8000-00000000000${i}" creatingUser="CCCCCCCC-0000-4000-8000-000000000001"><CodeRef targetGUID="DDDDDDDD-0000-4000-8000-000000000001"/></Coding></PlainTextSelection>`,
    )
    .join('');
  const qde = `\uFEFF<?xml version="1.0" encoding="utf-8"?>\r\n<Project xmlns="urn:QDA-XML:project:1.0" name="n" origin="${origin}"><Users><User guid="CCCCCCCC-0000-4000-8000-000000000001" name="NV"/></Users><CodeBook><Codes><Code guid="DDDDDDDD-0000-4000-8000-000000000001" name="Change" isCodable="true"/></Codes></CodeBook><Sources><TextSource guid="EEEEEEEE-0000-4000-8000-000000000001" name="Dale T2" plainTextPath="internal://dale.txt">${sels}</TextSource></Sources><Sets/></Project>`;
  return qdpx(qde, { 'Sources/dale.txt': `\uFEFF${fileText}` });
}

/** UTF-16 offsets in `text` with each "\n" counted as 2: NVivo's positions. */
function nvivoPositions(text: string, quote: string): [number, number] {
  const start = text.indexOf(quote);
  const count = (to: number) => to + (text.slice(0, to).match(/\n/g)?.length ?? 0);
  return [count(start), count(start + quote.length)];
}

describe('NVivo-style positions', () => {
  const lines = [
    'Interviewer: And now? 😀',
    'Dale: I take responsibility — no excuses.',
    'Interviewer: 🇬🇧 Anything else?',
    'Dale: We talk, properly, every day.',
  ];
  const canonical = lines.join('\n');
  const quotes = ['I take responsibility', 'no excuses', 'We talk, properly', 'every day'];

  it('reads UTF-16 units with CRLF counted as 2 from a CRLF file; coded text starts and ends on word boundaries', async () => {
    const file = lines.join('\r\n');
    const { project, warnings } = await read(
      nvivoFixture(
        file,
        quotes.map((q) => nvivoPositions(canonical, q)),
      ),
    );
    expect(project.sources[0]!.text).toBe(canonical); // BOM dropped, CRLF -> LF
    expect(project.codings.map((_, i) => textAt(project, i))).toEqual(quotes);
    expect(onWordBoundaries(project)).toBe(true);
    expect(project.codings[0]!.id).toBe('bbbbbbbb-0000-4000-8000-000000000000'); // braces and case normalised
    expect(warnings).toEqual([]);
  });

  it('reads the same positions when NVivo wrote the text with LF only', async () => {
    const { project, warnings } = await read(
      nvivoFixture(
        canonical,
        quotes.map((q) => nvivoPositions(canonical, q)),
      ),
    );
    expect(project.codings.map((_, i) => textAt(project, i))).toEqual(quotes);
    expect(warnings).toEqual([]);
  });

  it('notices an NVivo file whose positions are code points after all, and says so', async () => {
    const points = quotes.map((q): [number, number] => {
      const s = canonical.indexOf(q);
      return [[...canonical.slice(0, s)].length, [...canonical.slice(0, s + q.length)].length];
    });
    const { project, warnings } = await read(nvivoFixture(canonical, points));
    expect(project.codings.map((_, i) => textAt(project, i))).toEqual(quotes);
    expect(warnings.join('\n')).toMatch(/Dale T2: read as .*code points/);
  });

  it('reads code points (the standard) for other tools, with emoji before the selection', async () => {
    const s = canonical.indexOf('We talk');
    const start = [...canonical.slice(0, s)].length;
    const file = nvivoFixture(canonical, [[start, start + 'We talk'.length]], 'MAXQDA 2022');
    const { project } = await read(file);
    expect(textAt(project, 0)).toBe('We talk');
  });
});

describe('export', () => {
  it('validates against Project-mrt2019.xsd and holds one text file per source', async () => {
    const bytes = await writeQdpx(smallProject());
    const files = unzipSync(bytes);
    expect(Object.keys(files).sort()).toEqual([
      'project.qde',
      'sources/1b6f2b0e-1c3a-4d5e-8f70-0a1b2c3d4e01.txt',
      'sources/1b6f2b0e-1c3a-4d5e-8f70-0a1b2c3d4e02.txt',
    ]);
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

  it('the limits: 256 MB in all, 128 MB of project.qde, 64 MB for one text, 20,000 entries', () => {
    expect(QDPX_LIMITS).toEqual({
      maxEntries: 20_000,
      maxEntryBytes: 64 * MB,
      maxXmlBytes: 128 * MB,
      maxTotalBytes: 256 * MB,
      maxRatio: 200,
    });
  });

  it('a small .qdpx whose 2,200 entries claim 1 MB each is refused by what it would unpack to', async () => {
    const files: Record<string, Uint8Array> = { 'project.qde': enc.encode(project('')) };
    for (let i = 0; i < 2200; i++) files[`sources/${i}.txt`] = enc.encode('x');
    const zip = claim(zipSync(files), (name) => name.startsWith('sources/'), MB);
    expect(zip.length).toBeLessThan(MB);
    expect((await errorOf(read(zip, 'x.qdpx'))).message).toBe('x.qdpx: would unpack to 2.1 GB; the limit is 256 MB, so it was not opened');
  });

  it('one entry claiming more than its limit is refused, naming it: project.qde, a source text, 4 GB', async () => {
    const bytes = () => zipSync({ 'project.qde': enc.encode(project('')), 'sources/a.txt': enc.encode('Dale: hello') });
    expect(
      (
        await errorOf(
          read(
            claim(bytes(), (n) => n === 'project.qde', 129 * MB),
            'x.qdpx',
          ),
        )
      ).message,
    ).toBe('x.qdpx: holds project.qde, which would unpack to 129 MB; the limit for one entry is 128 MB, so it was not opened');
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
