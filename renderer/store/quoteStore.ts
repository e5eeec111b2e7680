// The project's quoting settings and redaction list, kept in the meta table (like roles) and
// saved with an audit entry. Checks happen in core; a refused save changes nothing.
import type { ProjectSnapshot } from '../core/shared';
import { type Redaction, normaliseQuoteSettings, validateQuoteSettings, validateRedactions, type QuoteSettings } from '../core/quotes';
import type { ProjectDb } from './projectDb';

export interface QuoteConfig {
  settings: QuoteSettings;
  redactions: Redaction[];
}

export async function loadQuoteConfig(db: ProjectDb): Promise<QuoteConfig> {
  const [settings, redactions] = await Promise.all([db.meta.get('quoteSettings'), db.meta.get('redactions')]);
  const rows = Array.isArray(redactions?.value) ? (redactions.value as unknown[]) : [];
  return {
    settings: normaliseQuoteSettings(settings?.value),
    redactions: rows.filter(
      (r): r is Redaction => Boolean(r) && typeof (r as Redaction).find === 'string' && typeof (r as Redaction).replace === 'string',
    ),
  };
}

export async function saveQuoteSettings(
  db: ProjectDb,
  project: ProjectSnapshot,
  settings: QuoteSettings,
  actor = '',
): Promise<QuoteSettings> {
  const clean = validateQuoteSettings(project, settings);
  await db.transaction('rw', [db.meta, db.history], async () => {
    await db.meta.put({ key: 'quoteSettings', value: clean });
    await db.history.add({
      at: Date.now(),
      actor,
      action: 'quotes.settings',
      summary: `Quote style: ${clean.template}`,
      undoable: false,
      data: clean,
    });
  });
  return clean;
}

export async function saveRedactions(db: ProjectDb, rows: readonly Redaction[], actor = ''): Promise<Redaction[]> {
  const clean = validateRedactions(rows);
  await db.transaction('rw', [db.meta, db.history], async () => {
    await db.meta.put({ key: 'redactions', value: clean });
    // The audit trail says how many, not which: the list itself holds identifying names.
    await db.history.add({
      at: Date.now(),
      actor,
      action: 'quotes.redactions',
      summary: `Redaction list: ${clean.length} identifier(s)`,
      undoable: false,
    });
  });
  return clean;
}
