// project.qde read as a stream (refi/xmlTree.ts, refi/qdeRead.ts): each source is read as its
// element closes and left out of the tree; a file with its codebook after its sources is read
// again whole, with the same result; errors keep their own messages.
import { describe, expect, it } from 'vitest';
import { readQdpx, writeQdpx } from '../../../renderer/io/qdpx';
import { parseXml, children, child } from '../../../renderer/io/refi/xml';
import { errorOf } from '../../fixtures/errorOf';
import { qdpx, read, textAt } from '../../fixtures/qdpxFiles';
import { smallProject } from '../../fixtures/snapshots';

const USER = '<Users><User guid="c0000000-0000-4000-8000-000000000001" name="U"/></Users>';
const CODES = '<CodeBook><Codes><Code guid="d0000000-0000-4000-8000-000000000001" name="C" isCodable="true"/></Codes></CodeBook>';
const SOURCES = `<Sources><TextSource guid="e0000000-0000-4000-8000-000000000001" name="S" plainTextPath="internal://s.txt"><PlainTextSelection guid="f0000000-0000-4000-8000-000000000001" startPosition="6" endPosition="11"><Coding guid="f0000000-0000-4000-8000-000000000002" creatingUser="c0000000-0000-4000-8000-000000000001"><CodeRef targetGUID="d0000000-0000-4000-8000-000000000001"/></Coding></PlainTextSelection></TextSource></Sources>`;
const project = (inner: string) => `<?xml version="1.0"?><Project xmlns="urn:QDA-XML:project:1.0" name="p">${inner}</Project>`;
const files = { 'sources/s.txt': 'Hello world' };

describe('the tree builder', () => {
  it('gives the shapes the readers walk: text-only elements as strings, repeated names as arrays, prefixes dropped', () => {
    const root = parseXml(
      '<q:Project xmlns:q="urn:x" q:name="p"><Description>About &amp; more&nbsp;here</Description><Sources><TextSource guid="a"/></Sources><Notes><Note guid="n"><PlainTextContent><![CDATA[<b>bold</b>]]></PlainTextContent></Note></Notes></q:Project>',
      'x.qdpx',
      'project.qde',
    );
    const p = child(root, 'Project')!;
    expect(p['name']).toBe('p');
    expect(p['xmlns:q']).toBeUndefined();
    expect(p['Description']).toBe('About & more\u00a0here');
    expect(children(child(p, 'Sources'), 'TextSource')).toEqual([{ guid: 'a' }]);
    expect(children(child(p, 'Notes'), 'Note')[0]!['PlainTextContent']).toBe('<b>bold</b>');
  });

  it('leaves out what onElement declines, and reports progress up to the whole text', () => {
    const xml = `<Project>${'<Sources><TextSource guid="a"><PlainTextSelection/></TextSource></Sources>'.repeat(30_000)}</Project>`;
    const seen: string[] = [];
    const shares: number[] = [];
    const root = parseXml(xml, 'x.qdpx', 'project.qde', {
      onElement: (path) => {
        if (path.join('/') !== 'Project/Sources/TextSource') return true;
        seen.push(path.join('/'));
        return false;
      },
      onProgress: (share) => shares.push(share),
    });
    expect(seen).toHaveLength(30_000);
    expect(children(child(root, 'Project'), 'Sources')).toHaveLength(30_000);
    expect(children(child(root, 'Project'), 'Sources').every((s) => children(s, 'TextSource').length === 0)).toBe(true);
    expect(shares.length).toBeGreaterThan(1);
    expect(shares.at(-1)).toBe(1);
    expect(shares).toEqual([...shares].sort((a, b) => a - b));
  });

  it('an error thrown while reading an element is that error, not a complaint about the XML', () => {
    const err = (() => {
      try {
        parseXml('<a><b/></a>', 'x.qdpx', 'project.qde', {
          onElement: () => {
            throw new RangeError('mine');
          },
        });
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(RangeError);
    expect(() => parseXml('<a><b></a>', 'x.qdpx', 'project.qde')).toThrow(/^x\.qdpx: project\.qde is not well-formed XML \(/);
  });
});

describe('reading project.qde source by source', () => {
  it('a file with its users and codebook after its sources reads the same as one in schema order', async () => {
    const inOrder = await read(qdpx(project(`${USER}${CODES}${SOURCES}`), files));
    const reordered = await read(qdpx(project(`${SOURCES}${CODES}${USER}`), files));
    expect(textAt(reordered.project, 0)).toBe('world');
    expect(reordered.project.codings).toEqual(inOrder.project.codings);
    expect(reordered.project.codes).toEqual(inOrder.project.codes);
    expect(reordered.project.coders).toEqual(inOrder.project.coders);
    expect(reordered.warnings).toEqual(inOrder.warnings);
  });

  it('a selection outside its text is refused with its own message, whichever way the file is read', async () => {
    const outside = SOURCES.replace('endPosition="11"', 'endPosition="99"');
    for (const inner of [`${USER}${CODES}${outside}`, `${outside}${USER}${CODES}`]) {
      expect((await errorOf(read(qdpx(project(inner), files), 'o.qdpx'))).message).toMatch(
        /^o\.qdpx: Source "S", selection .*outside the text/,
      );
    }
  });

  it('a source element with nothing but text is reported like any source without its text, not dropped', async () => {
    const bare = SOURCES.replace('</Sources>', '<TextSource>oops</TextSource></Sources>');
    const { project: back, warnings } = await read(qdpx(project(`${USER}${CODES}${bare}`), files));
    expect(back.sources.map((x) => x.title)).toEqual(['S']);
    expect(warnings.join(' ')).toMatch(
      /1 text source not imported because the archive does not hold its text: Untitled source \(no path\)/,
    );
  });

  it('our own export round-trips with every source streamed, its progress rising to the whole', async () => {
    const original = smallProject();
    const shares: number[] = [];
    const { project: back } = await readQdpx(await writeQdpx(original), 'small.qdpx', { onProgress: (share) => shares.push(share) });
    expect(shares).toEqual([...shares].sort((a, b) => a - b));
    expect(shares).toContain(0.9);
    expect(shares.at(-1)).toBe(1);
    expect(back.sources.map((s) => s.text)).toEqual(original.sources.map((s) => s.text));
    expect(back.codings.map((c) => [c.start, c.end, c.memo])).toEqual(original.codings.map((c) => [c.start, c.end, c.memo]));
  });
});
