// The quoting settings and redaction list as stored, the basket through real actions and undo,
// and the export files themselves (the DOCX read back with mammoth), refused while a listed
// identifier remains.
import mammoth from 'mammoth';
import { beforeEach, describe, expect, it } from 'vitest';
import { addToBasket, basketOrder, cutFromBasketItem, editBasketItem } from '../../renderer/core/quotes/basket';
import { prepareQuotes } from '../../renderer/core/quotes/quoteExport';
import { findQuotes } from '../../renderer/core/quotes';
import { DEFAULT_QUOTE_SETTINGS } from '../../renderer/core/quotes/quoteSettings';
import { quotesClipboardText, quotesFile } from '../../renderer/io/quotesOut';
import { applyAction, undo } from '../../renderer/store/actions';
import { projectDb, type ProjectDb } from '../../renderer/store/projectDb';
import { createProject } from '../../renderer/store/projects';
import { loadQuoteConfig, saveQuoteSettings, saveRedactions } from '../../renderer/store/quoteStore';
import { IDS, smallProject } from '../fixtures/snapshots';
import { freshRegistry } from './helpers';

let db: ProjectDb;
beforeEach(async () => {
  freshRegistry();
  db = projectDb((await createProject(`P ${crypto.randomUUID()}`)).id);
});

const project = smallProject();

describe('quoting settings and redaction list', () => {
  it('start from the defaults, save checked, and refuse bad input without changing anything', async () => {
    expect(await loadQuoteConfig(db)).toEqual({ settings: DEFAULT_QUOTE_SETTINGS, redactions: [] });
    await saveQuoteSettings(db, project, {
      template: '({pseudonym}, {wave}, {role})',
      ellipsis: '[...]',
      interviewer: 'omit',
      maxWords: 60,
    });
    await saveRedactions(db, [{ find: ' Gemma ', replace: "[friend's name]" }]);
    const saved = await loadQuoteConfig(db);
    expect(saved).toEqual({
      settings: { template: '({pseudonym}, {wave}, {role})', ellipsis: '[...]', interviewer: 'omit', maxWords: 60 },
      redactions: [{ find: 'Gemma', replace: "[friend's name]" }],
    });

    await expect(saveQuoteSettings(db, project, { ...saved.settings, template: '{nope}' })).rejects.toThrow(/Unknown field \{nope\}/);
    await expect(saveRedactions(db, [{ find: 'Gemma', replace: '' }])).rejects.toThrow(/what replaces "Gemma"/);
    expect(await loadQuoteConfig(db)).toEqual(saved);
    // The audit trail records the change to the list, never the names on it.
    const history = await db.history.where('action').equals('quotes.redactions').toArray();
    expect(history.map((h) => h.summary)).toEqual(['Redaction list: 1 identifier(s)']);
    expect(JSON.stringify(history)).not.toMatch(/Gemma/);
  });
});

describe('the quote basket in the project database', () => {
  it('adds, labels and cuts as undoable actions that survive a reopen', async () => {
    const quotes = findQuotes(project, { codeIds: [IDS.respect], includeChildren: true });
    await applyAction(
      db,
      addToBasket([], quotes, () => crypto.randomUUID(), 1),
    );
    let items = basketOrder(await db.basketItems.toArray());
    expect(items.map((i) => [i.sourceId, i.start, i.end])).toEqual(quotes.map((q) => [q.sourceId, q.start, q.end]));
    await applyAction(db, editBasketItem(items[0]!, { label: 'listening', usedIn: 'Paper 1' }, 2));
    items = basketOrder(await db.basketItems.toArray());
    await applyAction(db, cutFromBasketItem(items[0]!, items[0]!.start, items[0]!.start + 4, 3));
    db.close();
    await db.open();
    items = basketOrder(await db.basketItems.toArray());
    expect(items[0]).toMatchObject({ label: 'listening', usedIn: 'Paper 1', cuts: [{ start: items[0]!.start, end: items[0]!.start + 4 }] });
    expect(await undo(db)).toBe('Cut from a quote');
    expect((await db.basketItems.get(items[0]!.id))!.cuts).toEqual([]);
    await undo(db);
    await undo(db);
    expect(await db.basketItems.count()).toBe(0);
  });
});

describe('export files', () => {
  const quotes = findQuotes(project, { codeIds: [IDS.respect], includeChildren: true });
  const redactions = [{ find: 'Family', replace: '[family]' }];

  it('writes a DOCX whose text, attributions and codes read back, and the other formats', async () => {
    const prepared = prepareQuotes(
      project,
      'Quotes for Paper 1',
      quotes.map((quote, i) => ({ quote, label: i ? '' : 'listening', usedIn: 'Paper 1' })),
      DEFAULT_QUOTE_SETTINGS,
      redactions,
    );
    const docx = await quotesFile(prepared, 'docx');
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(docx) });
    const paragraphs = value.split('\n').filter(Boolean);
    expect(paragraphs).toEqual([
      'Quotes for Paper 1',
      '1. listening · used in Paper 1',
      'I used to shout. 😀 Now I listen first. (Dale, Time 1)',
      'Codes: Respectful communication / Listening',
      '2. used in Paper 1',
      'We talk. 🇬🇧 [family] first. (Dale, Time 2)',
      'Codes: Respectful communication',
    ]);
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await quotesFile(prepared, 'csv'));
    expect(csv.startsWith('\uFEFF#,Quote,Attribution,Codes,Label,Used in,Transcript,Start,End,Time,Trimmed')).toBe(true);
    expect(csv).toContain('We talk. 🇬🇧 [family] first.,"(Dale, Time 2)"');
    const xlsx = await quotesFile(prepared, 'xlsx');
    expect([...xlsx.slice(0, 2)]).toEqual([0x50, 0x4b]); // a zip, as every .xlsx
    expect(new TextDecoder().decode(await quotesFile(prepared, 'md'))).toMatch(/^# Quotes for Paper 1\n/);
    expect(quotesClipboardText(prepared, 'table').split('\n')[2]).toBe(
      `2\tWe talk. 🇬🇧 [family] first.\t(Dale, Time 2)\tRespectful communication\t\tPaper 1\tDale T2\t${quotes[1]!.start}\t${quotes[1]!.end}\t\tno`,
    );
  }, 30_000); // builds and reads back a .docx: seconds on a loaded 2-core machine

  it('refuses every format while a listed identifier is still there', async () => {
    const prepared = prepareQuotes(project, 'Family quotes', [{ quote: quotes[1]! }], DEFAULT_QUOTE_SETTINGS, redactions);
    for (const format of ['docx', 'md', 'csv', 'xlsx'] as const)
      await expect(quotesFile(prepared, format)).rejects.toThrow(/Not exported: the title still holds “Family”/);
    for (const format of ['text', 'md', 'table'] as const) expect(() => quotesClipboardText(prepared, format)).toThrow(/Not exported/);
  });
});
