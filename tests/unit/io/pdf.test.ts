// PDFs LibreOffice printed (tests/fixtures/office, make.sh): one with a page header and "Page N
// of M" on every page, one in two columns, the interview with bold names and a speaker table,
// one in Cyrillic, Greek and Polish, a scan with no text, and one locked with a password.
import { describe, expect, it } from 'vitest';
import { readPdf } from '../../../renderer/io/pdf';
import { importTranscript } from '../../../renderer/io/transcripts';
import { officeFile } from '../../fixtures/officeFiles';
import { errorOf } from '../../fixtures/errorOf';
import { makePdf } from '../../fixtures/makePdf';
import { generateTranscript } from '../../bench/corpus';

const fixture = officeFile;

// What pdf-sources.py wrote into long-interview.fodt.
const SAID = [
  'I did not think I had a problem, to be honest, I thought she was the one who needed to change and that the court had got it wrong',
  'The group made me listen to other men saying the same things I said, and hearing it from them it sounded different, it sounded like excuses',
  'We talked about the time-out plan every week until I could say it without thinking, and the first time I used it at home I was shaking',
  'My daughter noticed before anyone else did, she started coming into the kitchen when I was there instead of waiting until I had gone out',
];
const turn = (n: number) => [
  `Interviewer: Question ${n}, can you tell me more about what happened then?`,
  `Kieran: Answer ${n}. ${[0, 1].map((k) => SAID[(n + k) % 4]).join('. ')}.`,
];

describe('readPdf on PDFs LibreOffice wrote', () => {
  it('three pages: the header and page numbers left out and listed, paragraphs whole across lines and pages', async () => {
    const imported = await importTranscript(fixture('long-interview.pdf'));
    expect(imported.format).toBe('pdf');
    expect(imported.title).toBe('Interview with Kieran, Time 2');
    const lines = Array.from({ length: 28 }, (_, i) => turn(i + 1)).flat();
    expect(imported.text).toBe(lines.join('\n'));
    expect(imported.sections).toEqual([
      { start: 0, title: 'Part 1 — before the programme', level: 1 },
      { start: imported.text.indexOf('Interviewer: Question 15,'), title: 'Part 2 — the programme', level: 1 },
    ]);
    expect(imported.turns).toHaveLength(56);
    expect(imported.turns.slice(0, 2).map((t) => [t.speaker, t.speakerRole])).toEqual([
      ['Interviewer', 'interviewer'],
      ['Kieran', 'participant'],
    ]);
    expect(imported.warnings).toEqual([
      'Left out as page headers, footers and numbers: “Project Mirabal — confidential” (on 3 of 3 pages); page numbers (3).',
    ]);
  });

  it('two columns: the title across the page, then the left column, then the right', async () => {
    const imported = await importTranscript(fixture('two-columns.pdf'));
    expect(imported.title).toBe('Focus group with staff, site B');
    const numbers = imported.text.split('\n').map((line) => /Turn (\d+)\./.exec(line)?.[1]);
    expect(numbers).toEqual(Array.from({ length: 24 }, (_, i) => String(i + 1)));
    expect(imported.turns.map((t) => t.speaker)).toEqual(Array.from({ length: 24 }, (_, i) => (i % 2 ? 'Priya' : 'Interviewer')));
    expect(imported.text).toContain('Priya: Turn 2. We talked about the time-out plan every week until I could say it without thinking');
  });

  it('bold names (a font of their own) and a speaker table are turns; headings are sections', async () => {
    const imported = await importTranscript(fixture('interview.pdf'));
    expect(imported.title).toBe('Interview with Dale, Time 1');
    expect(imported.sections?.map((s) => s.title)).toEqual(['Part 1 — before the programme', 'Part 2 — the programme']);
    expect(imported.text.split('\n').slice(0, 4)).toEqual([
      'Interviewer: Can you tell me how things were at home before you started?',
      'Dale: It was bad. I’d come home and just shout.',
      'Zoë was scared of me, “properly scared”.',
      'Interviewer: And what changed?',
    ]);
    expect(imported.text).toContain('\nDale: Other lads like me.\nInterviewer: Thank you, Dale.');
    expect(imported.turns.map((t) => t.speaker)).toEqual([
      'Interviewer',
      'Dale',
      'Interviewer',
      'Dale',
      'Interviewer',
      'Dale',
      'Interviewer',
    ]);
  });

  it('letters of other scripts', async () => {
    expect((await importTranscript(fixture('code-page.pdf'))).text).toBe(
      ['Interviewer: Как дела дома?', 'Olga: Лучше. Намного лучше.', 'Interviewer: Και στο σπίτι;', 'Olga: Źle, ale już nie tak źle.'].join(
        '\n',
      ),
    );
  });
});

describe('readPdf on generated PDFs (tests/fixtures/makePdf.ts, as the bench prints them)', () => {
  it('a 10,000-word transcript of 24 pages comes back word for word, its last page of one line too', async () => {
    // Transcript 291 ends with one line on its last page: that page's header must still go.
    const transcript = generateTranscript(291, 10_000);
    const imported = await importTranscript({ name: 'P146_T2.pdf', bytes: makePdf(transcript.paragraphs) });
    expect(imported.text).toBe(transcript.paragraphs.join('\n'));
    expect(imported.warnings).toEqual([
      'Left out as page headers, footers and numbers: “Project Mirabal - transcript” (on 24 of 24 pages); page numbers (24).',
    ]);
  });
});

describe('readPdf: what it cannot read, it says', () => {
  it('a scan (no text layer), a password, a file that is not a PDF or is cut short', async () => {
    expect((await errorOf(importTranscript(fixture('scanned.pdf')))).message).toBe(
      'scanned.pdf: has no text, only images of pages (a scan); make it searchable with OCR first (e.g. ocrmypdf, or a PDF reader’s “Recognise text”), then import that',
    );
    expect((await errorOf(readPdf(fixture('password.pdf').bytes, 'locked.pdf'))).message).toBe(
      'locked.pdf: is password-protected; save it again without a password',
    );
    expect((await errorOf(readPdf(new TextEncoder().encode('Interviewer: hello'), 'notes.pdf'))).message).toBe(
      'notes.pdf: is not a PDF (it does not start with %PDF-)',
    );
    const cut = fixture('long-interview.pdf').bytes.slice(0, 2000);
    expect((await errorOf(readPdf(cut, 'cut.pdf'))).message).toMatch(/^cut\.pdf: is not a valid PDF \(corrupt or cut short/);
  });

  it('leaves the caller’s bytes whole (PDF.js takes over the buffer it is given)', async () => {
    const { bytes } = fixture('code-page.pdf');
    const copy = bytes.slice();
    await readPdf(bytes, 'code-page.pdf');
    expect(bytes).toEqual(copy);
  });
});
