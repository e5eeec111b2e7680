// .qdpx import of real files from other tools and NVivo-style positions. Counts below were
// read off each sample's project.qde by hand. Export: qdpxExport.test.ts; bad input and size
// limits: qdpxBadInput.test.ts.
import { describe, expect, it } from 'vitest';
import { codePath } from '../../../renderer/core/codebook/codebookOps';
import { onWordBoundaries, qdpx, read, textAt } from '../../fixtures/qdpxFiles';
import { refiSample } from '../../fixtures/refi';

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
    // Recordings are named, not carried (their transcripts' texts are not in this archive either).
    expect(all).toMatch(
      /The audio recording "Jeanine's Breakfast.m4a" is named \(relative:\/\/\/DF370983-F009-4D47-8615-711633FA9DE6.m4a\) but not carried/,
    );
    expect(all).toMatch(/The video recording "1960s Coca Cola commercial.mp4" is named/);
    expect(all).toMatch(/The video recording "1994 Diet Coke-Diet Coke Break.mp4" is named/);
    expect(all).toMatch(/4 PDF area selections not imported/);
    // Its 16 document and code groups are kept as sets (the documents' text is not in the file).
    expect(project.sets!.map((set) => [set.name, set.codeIds.length])).toEqual([
      ['Mabel', 0],
      ['gender: male', 0],
      ['Simon', 0],
      ['Text files', 0],
      ['gender: female', 0],
      ['Coke', 0],
      ['age: 67', 0],
      ['Images', 0],
      ['PDFs', 0],
      ['age: 25', 0],
      ['Video and Audio', 0],
      ['Feelings', 6],
      ['negative feelings', 4],
      ['Breakfast food', 6],
      ['<3', 0],
      ['positive feelings', 3],
    ]);
    expect(all).not.toMatch(/sets? not kept/);
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

// Sources as NVivo writes them: positions in UTF-16 code units of the text as stored (NVivo for
// Windows stores CR LF, each counted as 2; NVivo for Mac stores LF, each counted as 1).
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

/** UTF-16 offsets in `text` (canonical) with each "\n" counted as `breakWidth`: NVivo's positions. */
function nvivoPositions(text: string, quote: string, breakWidth = 2): [number, number] {
  const start = text.indexOf(quote);
  const count = (to: number) => to + (breakWidth - 1) * (text.slice(0, to).match(/\n/g)?.length ?? 0);
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

  it('NVivo for Mac: LF-only text counted as written, a source with only 2 selections read exactly', async () => {
    const two = ['I take responsibility', 'every day'];
    const { project, warnings } = await read(
      nvivoFixture(
        canonical,
        two.map((q) => nvivoPositions(canonical, q, 1)),
        'NVivo 12.7.0 (Mac)',
      ),
    );
    expect(project.codings.map((_, i) => textAt(project, i))).toEqual(two);
    expect(warnings).toEqual([]);
  });

  it('LF-only text whose positions count each break as 2: switched with enough selections, saying so', async () => {
    const { project, warnings } = await read(
      nvivoFixture(
        canonical,
        quotes.map((q) => nvivoPositions(canonical, q)),
      ),
    );
    expect(project.codings.map((_, i) => textAt(project, i))).toEqual(quotes);
    expect(warnings.join('\n')).toMatch(/Dale T2: read as UTF-16 units with line breaks counted as 2/);
  });

  it('with too few selections to decide, the import warns that a source may be shifted', async () => {
    const { warnings } = await read(
      nvivoFixture(
        canonical,
        ['I take responsibility', 'no excuses'].map((q) => nvivoPositions(canonical, q)),
      ),
    );
    expect(warnings.join('\n')).toMatch(
      /Check the codings of these sources: their positions may be shifted\. Dale T2: read as UTF-16 code units of the text as written \(NVivo\), only 75% of its 4 selection ends fall on word boundaries \(100% as .+\), too few to decide/,
    );
  });

  it('a selection past the end of the text under the expected counting proves it wrong, even alone', async () => {
    const { project, warnings } = await read(nvivoFixture(canonical, [nvivoPositions(canonical, 'every day')]));
    expect(textAt(project, 0)).toBe('every day');
    expect(warnings.join('\n')).toMatch(/Dale T2: read as UTF-16 units with line breaks counted as 2/);
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
