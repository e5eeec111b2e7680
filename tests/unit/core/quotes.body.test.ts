// The body of a quote: the interviewer marked or left out, speaker labels and line breaks
// dropped, the author's cuts as ellipses, long quotes trimmed in the middle.
import { describe, expect, it } from 'vitest';
import type { ProjectSnapshot, Turn } from '../../../renderer/core/shared/model';
import { formatQuote, quoteParts, type Quote, type QuoteFormat } from '../../../renderer/core/quotes';
import { IDS, smallProject } from '../../fixtures/snapshots';

// Dale T1: 'Interviewer: How do things stand at home?\nDale: I used to shout. 😀 Now I listen first.\n
// Interviewer: And her view?\nDale: She says I’m calmer — mostly.'
const project = smallProject();
const T1 = project.sources[0]!.text;

/** The quote of Dale T1 from the first occurrence of `from` to the end of the first `to` after it. */
function quote(from: string, to = from): Quote {
  const start = T1.indexOf(from);
  const end = T1.indexOf(to, start) + to.length;
  return { text: T1.slice(start, end), sourceId: IDS.t1, start, end, participantId: IDS.dale, wave: 'T1', codeIds: [] };
}
const cut = (part: string, from = 0) => ({ start: T1.indexOf(part, from), end: T1.indexOf(part, from) + part.length });
const body = (q: Quote, options: QuoteFormat = {}, p: ProjectSnapshot = project) => quoteParts(p, q, options).body;

const WHOLE = quote('How do', 'mostly.');
const ANSWER = quote('I used', 'first.'); // 9 words: I used to shout. 😀 Now I listen first.

describe('quote body: turns', () => {
  it("marks the interviewer's words and drops speaker labels and line breaks", () => {
    expect(body(WHOLE)).toBe(
      '[Interviewer: How do things stand at home?] I used to shout. 😀 Now I listen first. [Interviewer: And her view?] She says I’m calmer — mostly.',
    );
  });

  it('puts an ellipsis where the interviewer spoke with omit', () => {
    expect(body(WHOLE, { interviewer: 'omit' })).toBe('… I used to shout. 😀 Now I listen first. … She says I’m calmer — mostly.');
    expect(body(WHOLE, { interviewer: 'omit', ellipsis: '[...]' })).toBe(
      '[...] I used to shout. 😀 Now I listen first. [...] She says I’m calmer — mostly.',
    );
  });

  it('marks only the part of a question inside the passage', () => {
    expect(body(quote('at home?', 'shout.'))).toBe('[Interviewer: at home?] I used to shout.');
  });

  it('keeps a passage inside one answer as it is', () => {
    expect(body(ANSWER)).toBe('I used to shout. 😀 Now I listen first.');
  });

  it("keeps the words of 'other' speakers and unlabelled paragraphs; collapses whitespace", () => {
    const text = 'Para one\t has  tabs.\nTranslator: He says yes.\nInterviewer: Really?';
    const span = (part: string) => ({ start: text.indexOf(part), end: text.indexOf(part) + part.length });
    const turns: Turn[] = [
      { ...span('Para one\t has  tabs.'), speaker: null },
      { ...span('He says yes.'), speaker: 'Translator', speakerRole: 'other' },
      { ...span('Really?'), speaker: 'Interviewer', speakerRole: 'interviewer' },
    ];
    const p: ProjectSnapshot = { ...project, sources: [{ ...project.sources[0]!, text, turns }] };
    const q: Quote = { ...ANSWER, start: 0, end: text.length, text };
    expect(body(q, {}, p)).toBe('Para one has tabs. He says yes. [Interviewer: Really?]');
    expect(body(q, { interviewer: 'omit' }, p)).toBe('Para one has tabs. He says yes. …');
  });

  it('takes a transcript without turns as it is, whitespace collapsed and trimmed', () => {
    const text = '  One  two\n\nthree\t four ';
    const p: ProjectSnapshot = { ...project, sources: [{ ...project.sources[0]!, text, turns: [] }] };
    expect(body({ ...ANSWER, start: 0, end: text.length, text }, {}, p)).toBe('One two three four');
  });

  it('quotes the quote’s own text when its transcript is gone or changed', () => {
    const q: Quote = { ...ANSWER, sourceId: 'missing', text: 'Gone\n but  quoted' };
    expect(quoteParts(project, q, { cuts: [{ start: q.start + 5, end: q.start + 9 }] })).toEqual({
      body: 'Gone … quoted',
      attribution: '(Dale, Time 1)',
      trimmed: false,
    });
  });
});

describe('quote body: cuts', () => {
  it('turns a cut into an ellipsis', () => {
    expect(body(ANSWER, { cuts: [cut('to shout. 😀 ')] })).toBe('I used … Now I listen first.');
    expect(body(ANSWER, { cuts: [cut('to shout. 😀 ')], ellipsis: '[...]' })).toBe('I used [...] Now I listen first.');
  });

  it('merges overlapping and adjacent cuts into one ellipsis', () => {
    expect(body(ANSWER, { cuts: [cut('to shout.'), cut('shout. 😀')] })).toBe('I used … Now I listen first.');
    expect(body(ANSWER, { cuts: [cut('shout.'), cut('to ')] })).toBe('I used … 😀 Now I listen first.');
  });

  it('gives separate cuts one ellipsis each, but never two in a row', () => {
    expect(body(ANSWER, { cuts: [cut('used'), cut('listen')] })).toBe('I … to shout. 😀 Now I … first.');
    // Only a space lies between these two cuts: nothing is shown between them.
    expect(body(ANSWER, { cuts: [cut('used'), cut('to shout.')] })).toBe('I … 😀 Now I listen first.');
  });

  it('allows an ellipsis at either edge, and clips cuts to the passage', () => {
    expect(body(ANSWER, { cuts: [cut('I used to shout.')] })).toBe('… 😀 Now I listen first.');
    expect(body(ANSWER, { cuts: [cut('listen first.')] })).toBe('I used to shout. 😀 Now I …');
    expect(body(ANSWER, { cuts: [cut('Dale: I used')] })).toBe('… to shout. 😀 Now I listen first.');
    expect(body(ANSWER, { cuts: [cut('How do'), cut('She says')] })).toBe('I used to shout. 😀 Now I listen first.');
    expect(body(ANSWER, { cuts: [{ start: 0, end: T1.length }] })).toBe('…');
  });

  it('places a cut inside a question inside its bracket, and one across turns outside', () => {
    expect(body(WHOLE, { cuts: [cut('things stand ')] })).toMatch(/^\[Interviewer: How do … at home\?\] I used/);
    expect(body(WHOLE, { cuts: [{ start: cut('home?').start, end: cut('to shout').start }] })).toMatch(
      /^\[Interviewer: How do things stand at\] … to shout\./,
    );
    expect(body(WHOLE, { cuts: [{ start: cut('first.').start, end: cut('her view').start }] })).toMatch(
      /Now I listen … \[Interviewer: her view\?\] She says/,
    );
  });

  it('merges a cut with an omitted question into one ellipsis', () => {
    const omitted = body(WHOLE, { interviewer: 'omit', cuts: [{ start: cut('listen first.').start, end: cut('She').start }] });
    expect(omitted).toBe('… I used to shout. 😀 Now I … She says I’m calmer — mostly.');
  });
});

describe('quote body: maxWords', () => {
  it('keeps the first ceil(n/2) and last floor(n/2) words with one ellipsis between', () => {
    expect(quoteParts(project, ANSWER, { maxWords: 4 })).toMatchObject({ body: 'I used … listen first.', trimmed: true });
    expect(quoteParts(project, ANSWER, { maxWords: 5 })).toMatchObject({ body: 'I used to … listen first.', trimmed: true });
    expect(quoteParts(project, ANSWER, { maxWords: 8 })).toMatchObject({ body: 'I used to shout. … Now I listen first.', trimmed: true });
    expect(quoteParts(project, ANSWER, { maxWords: 1 })).toMatchObject({ body: 'I …', trimmed: true });
  });

  it('trims with either ellipsis style', () => {
    expect(body(ANSWER, { maxWords: 4, ellipsis: '[...]' })).toBe('I used [...] listen first.');
    expect(body(ANSWER, { maxWords: 4, ellipsis: '…' })).toBe('I used … listen first.');
  });

  it('leaves a body of at most maxWords words alone; no limit below 1', () => {
    expect(quoteParts(project, ANSWER, { maxWords: 9 })).toMatchObject({ body: 'I used to shout. 😀 Now I listen first.', trimmed: false });
    expect(quoteParts(project, ANSWER, { maxWords: 0 }).trimmed).toBe(false);
    expect(quoteParts(project, ANSWER, { maxWords: Number.NaN }).trimmed).toBe(false);
  });

  it('counts words after cuts, never an ellipsis', () => {
    const cuts = [cut('to shout. 😀 ')]; // 'I used … Now I listen first.': six words
    expect(quoteParts(project, ANSWER, { cuts, maxWords: 6 })).toMatchObject({ body: 'I used … Now I listen first.', trimmed: false });
    expect(quoteParts(project, ANSWER, { cuts, maxWords: 5 })).toMatchObject({ body: 'I used … Now … listen first.', trimmed: true });
  });

  it('counts words after the interviewer is left out', () => {
    expect(body(WHOLE, { interviewer: 'omit', maxWords: 15 })).toBe(
      '… I used to shout. 😀 Now I listen first. … She says I’m calmer — mostly.',
    );
    expect(body(WHOLE, { interviewer: 'omit', maxWords: 4 })).toBe('… I used … — mostly.');
  });

  it('never counts the "[Interviewer:" label and never leaves a bracket open', () => {
    expect(body(WHOLE, { maxWords: 4 })).toBe('[Interviewer: How do] … — mostly.');
    expect(body(WHOLE, { maxWords: 10 })).toBe('[Interviewer: How do things stand at] … says I’m calmer — mostly.');
    expect(body(quote('How do', 'home?'), { maxWords: 4 })).toBe('[Interviewer: How do … at home?]');
  });
});

describe('quote body: redaction', () => {
  const text = 'Then Sarah Jones came round with Sarah’s kids.';
  const p: ProjectSnapshot = { ...project, sources: [{ ...project.sources[0]!, text, turns: [] }] };
  const q: Quote = { ...ANSWER, start: 0, end: text.length, text };
  const redactions = [
    { find: 'Sarah Jones', replace: '[ex-partner]' },
    { find: 'Sarah', replace: '[ex-partner]' },
  ];

  it('redacts the body', () => {
    expect(body(q, { redactions }, p)).toBe('Then [ex-partner] came round with [ex-partner]’s kids.');
  });

  it('redacts before trimming: a replacement counts as one word and is never cut, nor half a name left', () => {
    expect(body(q, { redactions: redactions.slice(0, 1), maxWords: 3 }, p)).toBe('Then [ex-partner] … kids.');
    for (let maxWords = 1; maxWords <= 8; maxWords += 1) {
      const b = body(q, { redactions: [{ find: 'Sarah Jones', replace: '[her name]' }], maxWords }, p);
      expect(b).not.toContain('Jones');
      expect(b.match(/\[her/g)?.length ?? 0).toBe(b.match(/name\]/g)?.length ?? 0);
    }
  });

  it('redacts the attribution too', () => {
    expect(
      quoteParts(project, ANSWER, {
        redactions: [
          { find: 'Dale', replace: '[P1]' },
          { find: 'listen', replace: '[verb]' },
        ],
      }),
    ).toEqual({
      body: 'I used to shout. 😀 Now I [verb] first.',
      attribution: '([P1], Time 1)',
      trimmed: false,
    });
  });
});

describe('formatQuote', () => {
  it('is the body, a space and the attribution', () => {
    expect(formatQuote(project, ANSWER)).toBe('I used to shout. 😀 Now I listen first. (Dale, Time 1)');
    expect(formatQuote(project, ANSWER, { template: '— {pseudonym} ({title})', maxWords: 2, ellipsis: '[...]' })).toBe(
      'I [...] first. — Dale (Dale T1)',
    );
  });

  it('is the body alone when the template gives nothing', () => {
    expect(formatQuote(project, ANSWER, { template: '' })).toBe('I used to shout. 😀 Now I listen first.');
    expect(formatQuote(project, { ...ANSWER, participantId: '' }, { template: '({site})' })).toBe(
      'I used to shout. 😀 Now I listen first.',
    );
  });
});
