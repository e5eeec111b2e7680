// The same interview written by LibreOffice as .odt, .rtf and .docx (tests/fixtures/office:
// make.sh converts its flat-ODT source), and RTF as WordPad writes it, with code-page bytes.
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readOdt } from '../../../renderer/io/odt';
import { importTranscript } from '../../../renderer/io/transcripts';
import { officeFile } from '../../fixtures/officeFiles';
import { errorOf, syncErrorOf } from '../../fixtures/errorOf';

const fixture = officeFile;

const INTERVIEW = [
  'Interviewer: Can you tell me how things were at home before you started?',
  'Dale: It was bad. I’d come home and just   shout.',
  'Zoë was scared of me, “properly scared”.',
  'Interviewer: And what changed?',
  'Dale: I went every week. Every Tuesday.\tThat was the start.',
  'Interviewer: Who else was there?',
  'Dale: Other lads like me.',
  'Interviewer: Thank you, Dale.',
].join('\n');

const CODE_PAGES = [
  'Interviewer: Как дела дома?',
  'Olga: Лучше. Намного лучше.',
  'Interviewer: Και στο σπίτι;',
  'Olga: Źle, ale już nie tak źle.',
];

describe('an interview LibreOffice wrote as .odt, .rtf and .docx reads the same from each', () => {
  for (const name of ['interview.odt', 'interview.rtf', 'interview.docx']) {
    it(name, async () => {
      const imported = await importTranscript(fixture(name));
      expect(imported.title).toBe('Interview with Dale, Time 1');
      expect(imported.text).toBe(INTERVIEW);
      // The headings are sections, out of the text: the second one no longer in a turn above it.
      expect(imported.sections).toEqual([
        { start: 0, title: 'Part 1 — before the programme', level: 1 },
        { start: INTERVIEW.indexOf('Dale: I went'), title: 'Part 2 — the programme', level: 1 },
      ]);
      expect(imported.warnings).toEqual(['2 tracked changes were read as accepted and 1 comment was left out.']);
      // Bold names and the table's rows are speaker turns; the footnote, the comment and the
      // deleted word are nowhere.
      expect(imported.turns.map((t) => [t.speaker, t.speakerRole])).toEqual([
        ['Interviewer', 'interviewer'],
        ['Dale', 'participant'],
        ['Interviewer', 'interviewer'],
        ['Dale', 'participant'],
        ['Interviewer', 'interviewer'],
        ['Dale', 'participant'],
        ['Interviewer', 'interviewer'],
      ]);
      expect(imported.text.slice(imported.turns[1]!.start, imported.turns[1]!.end)).toBe(
        'It was bad. I’d come home and just   shout.\nZoë was scared of me, “properly scared”.',
      );
      expect(imported.text).not.toMatch(/probation|pseudonymised|sometimes/);
    });
  }
});

describe('letters of other scripts', () => {
  for (const name of ['code-page.odt', 'code-page.rtf', 'code-page.docx']) {
    it(`${name} (LibreOffice)`, async () => {
      expect((await importTranscript(fixture(name))).text).toBe(CODE_PAGES.join('\n'));
    });
  }

  it('wordpad-code-pages.rtf: code-page bytes in fonts of Cyrillic, Greek and Central European charsets', async () => {
    const imported = await importTranscript(fixture('wordpad-code-pages.rtf'));
    expect(imported.text).toBe([...CODE_PAGES, 'Interviewer: Merci, c’était très utile.'].join('\n'));
    expect(imported.warnings).toEqual([]);
  });
});

describe('readOdt: bad input changes nothing and says what is wrong', () => {
  const odt = (files: Record<string, string>) => zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])));
  const CONTENT = (body: string) =>
    `<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>${body}</office:text></office:body></office:document-content>`;

  it('not a zip, another kind of OpenDocument, password-protected, no content', async () => {
    expect(syncErrorOf(() => readOdt(strToU8('plain words'), 'a.odt')).message).toBe(
      'a.odt: is not a valid .odt (corrupt or not an OpenDocument text file)',
    );
    const sheet = odt({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': CONTENT('') });
    expect((await errorOf(importTranscript({ name: 'survey.odt', bytes: sheet }))).message).toBe(
      'survey.odt: is an OpenDocument file of another kind (a spreadsheet), not a text document',
    );
    const locked = odt({
      mimetype: 'application/vnd.oasis.opendocument.text',
      'content.xml': 'garbage',
      'META-INF/manifest.xml':
        '<manifest:manifest><manifest:file-entry><manifest:encryption-data/></manifest:file-entry></manifest:manifest>',
    });
    expect(syncErrorOf(() => readOdt(locked, 'locked.odt')).message).toBe(
      'locked.odt: is password-protected; save it again without a password',
    );
    expect(syncErrorOf(() => readOdt(odt({ 'styles.xml': '<x/>' }), 'empty.odt')).message).toBe(
      'empty.odt: is not a valid .odt (corrupt or not an OpenDocument text file); it has no content.xml',
    );
  });

  it('refuses a DTD and an unclosed comment', () => {
    const dtd = odt({ 'content.xml': `<!DOCTYPE x [<!ENTITY a "aaaa">]>${CONTENT('<text:p>&a;</text:p>')}` });
    expect(syncErrorOf(() => readOdt(dtd, 'evil.odt')).message).toMatch(/^evil\.odt: is not a valid \.odt \(its document declares a DTD/);
    const open = odt({ 'content.xml': `${CONTENT('<text:p>a</text:p>')}<!-- never closed` });
    expect(syncErrorOf(() => readOdt(open, 'open.odt')).message).toMatch(/never closed/);
  });

  it('white space as ODF defines it, text:s counts, unknown entities left literal', () => {
    const xml = CONTENT(
      '<text:p>\n   two  words<text:s text:c="2"/>then\ttab<text:tab/>&amp; &unknown; &#233;</text:p>' +
        '<text:p><text:span>Dale</text:span> Fine.</text:p>',
    );
    expect(readOdt(odt({ 'content.xml': xml }), 'a.odt').lines.map((l) => l.text)).toEqual([
      'two words  then tab\t& &unknown; é',
      'Dale Fine.',
    ]);
  });
});

describe('readOdt: linear on long input', () => {
  it('2 MB of spans, spaces and breaks in one paragraph', () => {
    // Quadratic handling would take minutes at this size and time the test out.
    const unit = '<text:span text:style-name="T1">a</text:span><text:s text:c="2"/><text:line-break/>';
    const body = `<text:p>${unit.repeat(Math.floor((2 * 1024 * 1024) / unit.length))}</text:p>`;
    const xml = `<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>${body}</office:text></office:body></office:document-content>`;
    // Stored, not deflated: so repetitive a part compresses past the zip-bomb limit.
    const lines = readOdt(zipSync({ 'content.xml': strToU8(xml) }, { level: 0 }), 'long.odt').lines;
    expect(lines.length).toBeGreaterThan(20_000);
    expect(lines[0]!.text).toBe('a');
  });
});
