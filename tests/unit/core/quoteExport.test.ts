// Quotes leaving the app: settings checked, every outgoing text checked for listed identifiers,
// and the Markdown, table and document blocks an export is made of.
import { describe, expect, it } from 'vitest';
import {
  describeQuery,
  leakMessage,
  prepareQuotes,
  quotesDocBlocks,
  quotesMarkdown,
  quotesPlainText,
  quotesTable,
} from '../../../renderer/core/quotes/quoteExport';
import { findQuotes } from '../../../renderer/core/quotes';
import {
  DEFAULT_QUOTE_SETTINGS,
  formatOptions,
  normaliseQuoteSettings,
  validateQuoteSettings,
  validateRedactions,
} from '../../../renderer/core/quotes/quoteSettings';
import { ValidationError } from '../../../renderer/core/shared/errors';
import { IDS, smallProject } from '../../fixtures/snapshots';

const project = smallProject();

describe('quote settings', () => {
  it('reads stored settings leniently and checks typed ones', () => {
    expect(normaliseQuoteSettings(undefined)).toEqual(DEFAULT_QUOTE_SETTINGS);
    expect(normaliseQuoteSettings({ template: ' ', ellipsis: '[...]', interviewer: 'omit', maxWords: 1.5 })).toEqual({
      ...DEFAULT_QUOTE_SETTINGS,
      ellipsis: '[...]',
      interviewer: 'omit',
    });
    expect(normaliseQuoteSettings({ template: '{pseudonym}', maxWords: 40 })).toMatchObject({ template: '{pseudonym}', maxWords: 40 });
    expect(validateQuoteSettings(project, { ...DEFAULT_QUOTE_SETTINGS, template: '  ({pseudonym}, {role}, {Age})  ' }).template).toBe(
      '({pseudonym}, {role}, {Age})',
    );
    expect(() => validateQuoteSettings(project, { ...DEFAULT_QUOTE_SETTINGS, template: '({pseudonym}, {agee})' })).toThrow(
      /Unknown field \{agee\}/,
    );
    expect(() => validateQuoteSettings(project, { ...DEFAULT_QUOTE_SETTINGS, template: '' })).toThrow(/empty/);
    expect(() => validateQuoteSettings(project, { ...DEFAULT_QUOTE_SETTINGS, maxWords: 1 })).toThrow(ValidationError);
  });

  it('cleans the redaction list, refusing rows without a replacement and names listed twice', () => {
    expect(
      validateRedactions([
        { find: '  Gemma  Smith ', replace: " [friend's name] " },
        { find: '', replace: '' },
      ]),
    ).toEqual([{ find: 'Gemma Smith', replace: "[friend's name]" }]);
    expect(() => validateRedactions([{ find: 'Gemma', replace: '' }])).toThrow(/Row 1 .*what replaces "Gemma"/);
    expect(() => validateRedactions([{ find: '', replace: '[x]' }])).toThrow(/Row 1 .*nothing to find/);
    expect(() =>
      validateRedactions([
        { find: 'Gemma', replace: '[a]' },
        { find: 'gemma', replace: '[b]' },
      ]),
    ).toThrow(/listed twice .*rows 1 and 2/);
  });

  it('turns the settings into formatting options, cuts included', () => {
    const options = formatOptions(
      { ...DEFAULT_QUOTE_SETTINGS, maxWords: 12 },
      [{ find: 'Dale', replace: '[name]' }],
      [{ start: 1, end: 2 }],
    );
    expect(options).toEqual({
      template: '({pseudonym}, {wave})',
      redactions: [{ find: 'Dale', replace: '[name]' }],
      ellipsis: '…',
      interviewer: 'mark',
      maxWords: 12,
      cuts: [{ start: 1, end: 2 }],
    });
    expect(formatOptions(DEFAULT_QUOTE_SETTINGS, [])).not.toHaveProperty('maxWords');
  });
});

describe('preparing quotes for export', () => {
  const quotes = findQuotes(project, { codeIds: [IDS.respect], includeChildren: true });

  it('formats each quote with its attribution, codes and the author’s notes', () => {
    const prepared = prepareQuotes(
      project,
      'Paper 1',
      quotes.map((quote, i) => ({ quote, label: i === 0 ? ' listening ' : '', usedIn: 'Paper 1' })),
      DEFAULT_QUOTE_SETTINGS,
      [],
    );
    expect(prepared.leaks).toEqual([]);
    expect(prepared.quotes.map((q) => [q.body, q.attribution, q.codes, q.label, q.transcript])).toEqual([
      ['I used to shout. 😀 Now I listen first.', '(Dale, Time 1)', ['Respectful communication / Listening'], 'listening', 'Dale T1'],
      ['We talk. 🇬🇧 Family first.', '(Dale, Time 2)', ['Respectful communication'], '', 'Dale T2'],
    ]);
    expect(leakMessage(prepared)).toBe('');
    expect(quotesPlainText(prepared)).toBe(
      'I used to shout. 😀 Now I listen first. (Dale, Time 1)\n\nWe talk. 🇬🇧 Family first. (Dale, Time 2)',
    );
  });

  it('gives each quote its time in the recording, for the Time column, where the transcript is timed', () => {
    const timed = smallProject();
    const t2 = timed.sources.find((s) => s.id === IDS.t2)!;
    t2.turns = t2.turns.map((t, i) => ({ ...t, startTime: 750 + i * 4 }));
    const found = findQuotes(timed, { codeIds: [IDS.respect], includeChildren: true });
    const prepared = prepareQuotes(
      timed,
      'Paper 1',
      found.map((quote) => ({ quote })),
      DEFAULT_QUOTE_SETTINGS,
      [],
    );
    const turn = t2.turns.findIndex((t) => t.start <= found[1]!.start && found[1]!.start < t.end);
    // Dale's T1 has no times; his T2 quote is said at its turn's time (or later within it).
    expect(prepared.quotes[0]!.time).toBe('');
    expect(prepared.quotes[1]!.time).toMatch(/^12:\d\d$/);
    expect(Number(prepared.quotes[1]!.time.slice(3))).toBeGreaterThanOrEqual(30 + turn * 4);
    expect(quotesTable(prepared)[2]![9]).toBe(prepared.quotes[1]!.time);
  });

  it('redacts quotes and attributions, and refuses what the author typed or a form it cannot replace', () => {
    const redactions = [
      { find: 'Dale', replace: '[man]' },
      { find: 'Family', replace: '[family]' },
    ];
    const items = [
      { quote: quotes[0]!, label: "Dale's turn", usedIn: '' },
      { quote: { ...quotes[1]!, codeIds: [] }, cuts: [] },
    ];
    const prepared = prepareQuotes(project, 'Quotes on Dale', items, DEFAULT_QUOTE_SETTINGS, redactions);
    // The pseudonym in the attribution is replaced like any other identifier leaving the app.
    expect(prepared.quotes.map((q) => q.attribution)).toEqual(['([man], Time 1)', '([man], Time 2)']);
    expect(prepared.quotes[1]!.body).toBe('We talk. 🇬🇧 [family] first.');
    // The transcripts' titles ("Dale T1") go out in the table forms: they are checked too.
    expect(prepared.leaks).toEqual([
      { item: 0, place: 'title', find: 'Dale', found: 'Dale' },
      { item: 1, place: 'label', find: 'Dale', found: "Dale's" },
      { item: 1, place: 'transcript', find: 'Dale', found: 'Dale' },
      { item: 2, place: 'transcript', find: 'Dale', found: 'Dale' },
    ]);
    expect(leakMessage(prepared)).toBe(
      "Not exported: the title still holds “Dale” (listed: Dale); quote 1 ([man], Time 1) (its label) still holds “Dale's” (listed: Dale); quote 1 ([man], Time 1) (its transcript) still holds “Dale” (listed: Dale); quote 2 ([man], Time 2) (its transcript) still holds “Dale” (listed: Dale). Add the form to the redaction list, cut it from the quote, or change the text you typed.",
    );
    // A title in disguise is refused too.
    const disguised = prepareQuotes(project, 'Quotes on D-\nale', [], DEFAULT_QUOTE_SETTINGS, redactions);
    expect(disguised.leaks).toEqual([{ item: 0, place: 'title', find: 'Dale', found: 'D-\nale' }]);
    // A compound the whole-word replacement leaves alone is caught too.
    const compound = prepareQuotes(project, 'Quotes', [{ quote: quotes[0]! }], DEFAULT_QUOTE_SETTINGS, [{ find: 'shou', replace: '[x]' }]);
    expect(compound.leaks).toEqual([{ item: 1, place: 'quote', find: 'shou', found: 'shout' }]);
    // A code name can leak too.
    expect(
      prepareQuotes(project, 'Q', [{ quote: quotes[0]! }], DEFAULT_QUOTE_SETTINGS, [{ find: 'Listening', replace: '[x]' }]).leaks.map(
        (l) => l.place,
      ),
    ).toEqual(['code']);
  });

  it('marks a quote trimmed when it has cuts, and cuts it', () => {
    const q = quotes[0]!;
    const prepared = prepareQuotes(
      project,
      'Q',
      [{ quote: q, cuts: [{ start: q.start, end: q.start + 'I used to shout. 😀 '.length }] }],
      { ...DEFAULT_QUOTE_SETTINGS, ellipsis: '[...]' },
      [],
    );
    expect(prepared.quotes[0]).toMatchObject({ body: '[...] Now I listen first.', trimmed: true });
  });

  it('writes Markdown with escaped text, a table for CSV/XLSX, and document blocks, every quote numbered', () => {
    const prepared = prepareQuotes(
      project,
      'Quotes *1*',
      [{ quote: quotes[0]!, label: 'a [note]', usedIn: 'Chapter 2' }, { quote: quotes[1]! }],
      DEFAULT_QUOTE_SETTINGS,
      [],
    );
    expect(quotesMarkdown(prepared)).toBe(
      [
        '# Quotes \\*1\\*',
        '',
        '**1. a \\[note\\] · used in Chapter 2**',
        '',
        '> I used to shout. 😀 Now I listen first. (Dale, Time 1)',
        '',
        '*Codes: Respectful communication / Listening*',
        '',
        '**2.**',
        '',
        '> We talk. 🇬🇧 Family first. (Dale, Time 2)',
        '',
        '*Codes: Respectful communication*',
        '',
      ].join('\n'),
    );
    const table = quotesTable(prepared);
    expect(table[0]).toEqual(['#', 'Quote', 'Attribution', 'Codes', 'Label', 'Used in', 'Transcript', 'Start', 'End', 'Time', 'Trimmed']);
    // Numbers as numbers: a workbook sums and sorts them.
    expect(table[1]).toEqual([
      1,
      'I used to shout. 😀 Now I listen first.',
      '(Dale, Time 1)',
      'Respectful communication / Listening',
      'a [note]',
      'Chapter 2',
      'Dale T1',
      quotes[0]!.start,
      quotes[0]!.end,
      '', // no times in this transcript
      'no',
    ]);
    expect(quotesDocBlocks(prepared)).toEqual([
      { kind: 'heading', text: '1. a [note] · used in Chapter 2' },
      { kind: 'quote', text: 'I used to shout. 😀 Now I listen first.', attribution: '(Dale, Time 1)' },
      { kind: 'note', text: 'Codes: Respectful communication / Listening' },
      { kind: 'heading', text: '2.' },
      { kind: 'quote', text: 'We talk. 🇬🇧 Family first.', attribution: '(Dale, Time 2)' },
      { kind: 'note', text: 'Codes: Respectful communication' },
    ]);
  });

  it('describes a query in words', () => {
    expect(describeQuery(project, {})).toBe('any code');
    expect(
      describeQuery(project, {
        codeIds: [IDS.respect, IDS.minimising],
        match: 'all',
        includeChildren: true,
        excludeCodeIds: [IDS.listening],
        waves: ['T2'],
        roles: ['man'],
        sites: ['North'],
        groups: ['programme'],
        participantIds: [IDS.dale],
        text: ' talk ',
      }),
    ).toBe(
      'Respectful communication and Minimising & denial (with sub-codes) · not Listening · Time 2 · Man on programme · North · Programme · Dale · containing “talk”',
    );
  });
});
