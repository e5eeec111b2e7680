import { describe, it, expect } from 'vitest';
import { strToU8, zipSync, unzipSync, strFromU8 } from 'fflate';
import { docxToLines, docxToText, documentXmlToLines, documentXmlToText, MAX_ZIP_ENTRIES, readDocx } from '../../../renderer/io/docx';
import { importTranscript } from '../../../renderer/io/transcripts';
import { documentXml, makeDocx, xmlEscape } from '../../fixtures/makeDocx';
import { errorOf } from '../../fixtures/errorOf';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const body = (inner: string) => `<?xml version="1.0"?><w:document ${W}><w:body>${inner}</w:body></w:document>`;

describe('makeDocx fixture', () => {
  it('builds the four parts with escaped text', () => {
    const files = unzipSync(makeDocx(['a & b <c> "d"']));
    expect(Object.keys(files).sort()).toEqual(['[Content_Types].xml', '_rels/.rels', 'word/_rels/document.xml.rels', 'word/document.xml']);
    expect(strFromU8(files['word/document.xml']!)).toContain('a &amp; b &lt;c&gt; &quot;d&quot;');
    expect(xmlEscape(`'`)).toBe('&apos;');
  });
});

describe('docxToLines: paragraph styles', () => {
  const STYLES = (styles: [string, string][]) =>
    `<?xml version="1.0"?><w:styles ${W}>${styles.map(([id, name]) => `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="Normal"/></w:style>`).join('')}</w:styles>`;

  it('gives each line the name of its paragraph style from styles.xml, or its id', async () => {
    // A German Word names the style ids in German; the names stay the built-in English ones.
    const bytes = makeDocx(
      [
        { text: 'Interview Kieran', style: 'Titel' },
        { text: 'Zeit 2\nMärz', style: 'berschrift1' },
        'Interviewer: Hallo.',
        { text: 'Kieran: Hi.', style: 'Custom' },
      ],
      {
        extra: {
          'word/styles.xml': STYLES([
            ['Titel', 'Title'],
            ['berschrift1', 'heading 1'],
          ]),
        },
      },
    );
    expect(await docxToLines(bytes, 'a.docx')).toEqual([
      { text: 'Interview Kieran', style: 'Title' },
      { text: 'Zeit 2', style: 'heading 1' },
      { text: 'März', style: 'heading 1' },
      { text: 'Interviewer: Hallo.', style: null },
      { text: 'Kieran: Hi.', style: 'Custom' },
    ]);
  });

  it('reads the style of a paragraph inside a text box as that paragraph’s own', () => {
    const xml = body(
      '<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>Outer</w:t><w:txbxContent><w:p><w:pPr><w:pStyle w:val="Caption"/></w:pPr><w:r><w:t>Inner</w:t></w:r></w:p></w:txbxContent></w:r></w:p><w:p><w:r><w:t>Next</w:t></w:r></w:p>',
    );
    expect(documentXmlToLines(xml, 'a.docx')).toEqual([
      { text: 'Inner', style: 'Caption' },
      { text: 'Outer', style: 'Title' },
      { text: 'Next', style: null },
    ]);
  });
});

describe('docxToText', () => {
  it('one line per paragraph, no blank lines, special characters and emoji', async () => {
    const paras = ['Interviewer: How was it?', '', 'Dale: It was <fine> & good — “really” 😊', '   ', 'Zoë: ok'];
    const text = await docxToText(makeDocx(paras), 'a.docx');
    expect(text).toBe('Interviewer: How was it?\nDale: It was <fine> & good — “really” 😊\nZoë: ok');
  });

  it('tabs and line breaks inside a paragraph', async () => {
    const text = await docxToText(makeDocx(['I:\tHello\nsecond line', 'R: Hi']), 'a.docx');
    expect(text).toBe('I:\tHello\nsecond line\nR: Hi');
  });

  it('works for stored (uncompressed) and deflated packages', async () => {
    for (const level of [0, 6] as const) {
      expect(await docxToText(makeDocx(['x', 'y'], { level }), 'a.docx')).toBe('x\ny');
    }
  });

  // How long this takes is measured by `npm run bench` (bench-results/bench.json, "node").
  it('reads 10,000 words in 500 paragraphs', async () => {
    const words = 'so I said to her that I would not do it again and she said'.split(' ');
    const paras: string[] = [];
    for (let i = 0; i < 500; i++) {
      paras.push(`${i % 2 ? 'Dale' : 'Interviewer'}: ${Array.from({ length: 20 }, (_, j) => words[(i + j) % words.length]).join(' ')}`);
    }
    const text = await docxToText(makeDocx(paras), 'a.docx');
    expect(text).toBe(paras.join('\n'));
    expect(text.split('\n')).toHaveLength(500);
    expect(text.split(/\s+/).length).toBeGreaterThanOrEqual(10_000);
  });

  it('rejects OLE/CFB files (old .doc or password-protected)', async () => {
    const bytes = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(600)]);
    const err = await errorOf(docxToText(bytes, 'old.docx'));
    expect(err.message).toBe('old.docx: is password-protected or an old Word .doc file; save it as .docx without a password');
  });

  it('rejects non-zip and corrupt zips', async () => {
    for (const bytes of [strToU8('just some text'), new Uint8Array(0), makeDocx(['x']).slice(0, 60)]) {
      const err = await errorOf(docxToText(bytes, 'bad.docx'));
      expect(err.message).toContain('is not a valid .docx (corrupt or not a Word file)');
    }
  });

  it('rejects a zip without word/document.xml', async () => {
    const zip = zipSync({ 'hello.txt': strToU8('hi') });
    const err = await errorOf(docxToText(zip, 'x.docx'));
    expect(err.message).toContain('is not a valid .docx');
    expect(err.message).toContain('word/document.xml');
  });

  it('finds a main part named elsewhere through _rels/.rels', async () => {
    const rels =
      '<Relationships><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/document2.xml"/></Relationships>';
    const zip = zipSync({ '_rels/.rels': strToU8(rels), 'word/document2.xml': strToU8(documentXml(['moved'])) });
    expect(await docxToText(zip, 'x.docx')).toBe('moved');
  });

  it('zip bomb: document.xml claiming a huge uncompressed size', async () => {
    const bytes = makeDocx(['x']);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // Patch the central-directory record of word/document.xml: uncompressed size 4 GB - 1.
    for (let i = bytes.length - 22; i >= 0; i--) {
      if (view.getUint32(i, true) !== 0x02014b50) continue;
      const nameLen = view.getUint16(i + 28, true);
      const name = strFromU8(bytes.subarray(i + 46, i + 46 + nameLen));
      if (name === 'word/document.xml') view.setUint32(i + 24, 0xffffffff, true);
    }
    const err = await errorOf(docxToText(bytes, 'bomb.docx'));
    expect(err.message).toBe(
      'bomb.docx: holds word/document.xml, which would unpack to 4 GB; the limit for one entry is 200 MB, so it was not opened',
    );
  });

  it('zip bomb: extreme compression ratio', async () => {
    const huge = new Uint8Array(3 * 1024 * 1024).fill(0x20); // 3 MB of spaces compress ~1000:1
    const bytes = makeDocx(['x'], { extra: { 'word/document.xml': huge }, level: 6 });
    const err = await errorOf(docxToText(bytes, 'bomb.docx'));
    expect(err.message).toContain('looks like a zip bomb');
    expect(err.message).toContain('compressed more than');
  });

  it('zip bomb: too many entries', async () => {
    const extra: Record<string, string> = {};
    for (let i = 0; i < MAX_ZIP_ENTRIES; i++) extra[`word/media/${i}.txt`] = '';
    const err = await errorOf(docxToText(makeDocx(['x'], { extra, level: 0 }), 'many.docx'));
    expect(err.message).toContain('looks like a zip bomb');
    expect(err.message).toContain('entries');
    const few = makeDocx(['ok'], { extra: { 'a.txt': '', 'b.txt': '' }, level: 0 });
    const limited = await errorOf(docxToText(few, 'few.docx', { maxEntries: 5 }));
    expect(limited.message).toContain('more than 5 entries');
  });

  it('enforces the .docx size limit with its value in the message', async () => {
    const err = await errorOf(docxToText(makeDocx(['x']), 'a.docx', { maxBytes: 10 }));
    expect(err.message).toContain('is too large');
    expect(err.message).toContain('the limit for a .docx file is');
  });
});

describe('documentXmlToText', () => {
  it('joins runs, decodes entities and numeric references, keeps CDATA', () => {
    const xml = body(
      '<w:p><w:r><w:t>Hel</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">lo &amp; &#x2019;bye&#8217; </w:t></w:r>' +
        '<w:r><w:t><![CDATA[<raw>]]></w:t></w:r></w:p>',
    );
    expect(documentXmlToText(xml, 'a.docx')).toBe('Hello & ’bye’ <raw>');
  });

  it('ignores tab stops in paragraph properties, deleted text, field codes and mc:Fallback', () => {
    const xml = body(
      '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>' +
        '<w:r><w:t>A</w:t></w:r><w:del><w:r><w:delText>gone</w:delText></w:r></w:del>' +
        '<w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:tab/><w:t>B</w:t><w:noBreakHyphen/><w:t>C</w:t></w:r>' +
        '<mc:AlternateContent><mc:Choice><w:r><w:t>!</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t>dup</w:t></w:r></mc:Fallback></mc:AlternateContent>' +
        '</w:p>',
    );
    expect(documentXmlToText(xml, 'a.docx')).toBe('A\tB-C!');
  });

  it('tables: read row by row, a row of [speaker, words] as a labelled turn', () => {
    const cell = (...ps: string[]) => `<w:tc>${ps.map((t) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`).join('')}</w:tc>`;
    const xml = body(
      `<w:tbl><w:tr>${cell('I:')}${cell('Hello')}</w:tr><w:tr>${cell('Total')}${cell('one', 'two')}${cell()}</w:tr></w:tbl>` +
        '<w:p><w:r><w:t>after</w:t></w:r></w:p>',
    );
    expect(documentXmlToText(xml, 'a.docx')).toBe('I: Hello\nTotal\tone\ntwo\nafter');
  });

  it('a paragraph opening with a bold name that recurs is a speaker turn (w:b, or the Strong style)', async () => {
    const run = (t: string, props = '') => `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${t}</w:t></w:r>`;
    const para = (...runs: string[]) => `<w:p><w:pPr><w:rPr><w:b/></w:rPr></w:pPr>${runs.join('')}</w:p>`;
    const xml = body(
      para(run('Interviewer', '<w:b/>'), run(' How were things?')) +
        para(run('Dale', '<w:b w:val="1"/>'), run(' Bad.')) +
        para(run('Interviewer', '<w:rStyle w:val="Strong"/>'), run(' And now?')) +
        para(run('Dale', '<w:b/>'), run(' Better.', '<w:b w:val="false"/>')) +
        para(run('Not bold', '<w:b w:val="0"/>'), run(' at all')),
    );
    expect(documentXmlToText(xml, 'a.docx')).toBe(
      'Interviewer: How were things?\nDale: Bad.\nInterviewer: And now?\nDale: Better.\nNot bold at all',
    );
  });

  it('comments and tracked changes: read as accepted, counted in a warning', () => {
    const warnings: string[] = [];
    const xml = body(
      '<w:p><w:r><w:t xml:space="preserve">I went </w:t></w:r><w:del w:id="1"><w:r><w:delText>sometimes </w:delText></w:r></w:del>' +
        '<w:ins w:id="2"><w:r><w:t xml:space="preserve">every </w:t></w:r></w:ins><w:r><w:t>week.</w:t></w:r>' +
        '<w:commentRangeStart w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>' +
        '<w:moveFrom w:id="3"><w:r><w:t> Tuesdays.</w:t></w:r></w:moveFrom></w:p>' +
        '<w:p><w:moveTo w:id="4"><w:r><w:t>Tuesdays.</w:t></w:r></w:moveTo></w:p>',
    );
    expect(documentXmlToLines(xml, 'a.docx', new Map(), warnings).map((l) => l.text)).toEqual(['I went every week.', 'Tuesdays.']);
    expect(warnings).toEqual(['3 tracked changes were read as accepted and 1 comment was left out.']);
  });

  it('a different namespace prefix', () => {
    const xml =
      '<x:document xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><x:body><x:p><x:r><x:t>ok</x:t></x:r></x:p></x:body></x:document>';
    expect(documentXmlToText(xml, 'a.docx')).toBe('ok');
  });

  it('refuses a DOCTYPE (no entity expansion, no XXE)', () => {
    const xml = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]>' + body('<w:p><w:r><w:t>&lol;</w:t></w:r></w:p>');
    expect(() => documentXmlToText(xml, 'evil.docx')).toThrow(/DTD/);
  });

  it('unknown entities stay literal (never expanded)', () => {
    expect(documentXmlToText(body('<w:p><w:r><w:t>a &foo; b</w:t></w:r></w:p>'), 'a.docx')).toBe('a &foo; b');
  });

  it('attribute values containing ">" do not break the scan', () => {
    const xml = body('<w:p><w:r><w:rPr><w:x w:v="a>b"/></w:rPr><w:t>ok</w:t></w:r></w:p>');
    expect(documentXmlToText(xml, 'a.docx')).toBe('ok');
  });
});

describe('readDocx: characters that are not text', () => {
  it('NUL, other controls and unpaired surrogates, raw or as references, are removed with the .txt warnings', async () => {
    const xml = body(
      '<w:p><w:r><w:t>Dale: one\u0001 two&#x7; three&#0;</w:t></w:r></w:p>' +
        '<w:p><w:r><w:t>Zoë: \u0000a&#xD800;b &#xDE0A;c 😊&#12;page two\u007f</w:t></w:r></w:p>' +
        '<w:p><w:r><w:t xml:space="preserve">I:\tfine</w:t></w:r></w:p>',
    );
    const bytes = makeDocx([], { extra: { 'word/document.xml': xml } });
    const { lines, warnings } = await readDocx(bytes, 'a.docx');
    expect(lines.map((l) => l.text)).toEqual(['Dale: one two three', 'Zoë: ab c 😊', 'page two', 'I:\tfine']);
    expect(warnings).toEqual([
      'control characters inside the text were removed (form feeds and vertical tabs became line breaks)',
      'NUL characters inside the text were removed',
      'broken characters inside the text (halves of a UTF-16 surrogate pair) were removed',
    ]);
    const imported = await importTranscript({ name: 'a.docx', bytes });
    expect(imported.text).toBe('Dale: one two three\nZoë: ab c 😊\npage two\nI:\tfine');
    expect(imported.warnings).toEqual(warnings);
  });

  it('a clean document has no warnings', async () => {
    expect((await readDocx(makeDocx(['Interviewer: Hi.', 'Dale:\tHello 😊']), 'a.docx')).warnings).toEqual([]);
  });
});
