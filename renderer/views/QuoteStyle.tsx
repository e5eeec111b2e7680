// How quotes are written out for the whole project: the attribution template (with a live
// example), the ellipsis, interviewer turns, the longest quote, and the redaction list.
import { useMemo, useState } from 'react';
import type { ProjectSnapshot } from '../core/shared';
import { exampleQuote, formatQuote, templateProblems, type Redaction, formatOptions, type QuoteSettings } from '../core/quotes';
import { saveQuoteSettings, saveRedactions, type QuoteConfig } from '../store/quoteStore';
import { useProject } from './projectContext';

export function QuoteStyle(props: { snapshot: ProjectSnapshot; config: QuoteConfig }) {
  const { db, coderId } = useProject();
  const [settings, setSettings] = useState<QuoteSettings>(props.config.settings);
  const [rows, setRows] = useState<Redaction[]>(props.config.redactions.length ? props.config.redactions : [{ find: '', replace: '' }]);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const set = (patch: Partial<QuoteSettings>) => setSettings({ ...settings, ...patch });
  const problems = templateProblems(props.snapshot, settings.template);
  const sample = useMemo(() => exampleQuote(props.snapshot), [props.snapshot]);
  let example = '';
  if (sample && problems.length === 0)
    example = formatQuote(
      props.snapshot,
      sample,
      formatOptions(
        settings,
        rows.filter((r) => r.find.trim() && r.replace.trim()),
      ),
    );
  const run = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      setMessage({ error: false, text: done });
    } catch (e) {
      setMessage({ error: true, text: (e as Error).message });
    }
  };
  const attributes = [
    ...new Set([
      ...(props.snapshot.attributeDefs ?? []).map((d) => d.name),
      ...props.snapshot.participants.flatMap((p) => Object.keys(p.attributes)),
    ]),
  ];
  return (
    <div className="quote-style">
      <section className="card">
        <h2>Quote style</h2>
        <label className="field">
          Attribution{' '}
          <input
            aria-label="Attribution template"
            value={settings.template}
            onChange={(e) => set({ template: e.target.value })}
            size={40}
          />
        </label>
        <p className="muted small">
          Fields: {['pseudonym', 'wave', 'role', 'site', 'group', 'title', ...attributes].map((f) => `{${f}}`).join(' ')}
        </p>
        {problems.length > 0 && (
          <p className="error small" role="alert">
            {problems.join(' ')}
          </p>
        )}
        <div className="row wrap">
          <label>
            Ellipsis{' '}
            <select
              aria-label="Ellipsis"
              value={settings.ellipsis}
              onChange={(e) => set({ ellipsis: e.target.value as QuoteSettings['ellipsis'] })}
            >
              <option value="…">…</option>
              <option value="[...]">[...]</option>
            </select>
          </label>
          <label>
            Interviewer turns inside a quote{' '}
            <select
              aria-label="Interviewer turns"
              value={settings.interviewer}
              onChange={(e) => set({ interviewer: e.target.value as QuoteSettings['interviewer'] })}
            >
              <option value="mark">marked [Interviewer: …]</option>
              <option value="omit">left out (ellipsis)</option>
            </select>
          </label>
          <label>
            Longest quote{' '}
            <input
              aria-label="Longest quote in words"
              type="number"
              min={2}
              placeholder="whole"
              value={settings.maxWords ?? ''}
              onChange={(e) => set({ maxWords: e.target.value ? Number(e.target.value) : null })}
              style={{ width: '6em' }}
            />{' '}
            words
          </label>
        </div>
        {example && (
          <blockquote className="excerpt" aria-label="Example quote">
            {example}
          </blockquote>
        )}
        <button
          type="button"
          className="primary"
          disabled={problems.length > 0}
          onClick={() => run(() => saveQuoteSettings(db, props.snapshot, settings, coderId ?? ''), 'Quote style saved.')}
        >
          Save style
        </button>
      </section>
      <section className="card">
        <h2>Redaction</h2>
        <p className="muted small">
          Names, places and other identifiers, with what replaces them in every quote that leaves the app (whole words, any case, with
          plural and possessive forms). An export that still holds a listed name in another form (e.g. inside a longer word, or in a label
          you typed) is refused and says where.
        </p>
        <table className="redactions">
          <thead>
            <tr>
              <th>Identifier</th>
              <th>Replace with</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={i}>
                <td>
                  <input
                    aria-label={`Identifier ${i + 1}`}
                    value={row.find}
                    onChange={(e) => setRows(rows.map((r, j) => (j === i ? { ...r, find: e.target.value } : r)))}
                  />
                </td>
                <td>
                  <input
                    aria-label={`Replacement ${i + 1}`}
                    placeholder="[partner's name]"
                    value={row.replace}
                    onChange={(e) => setRows(rows.map((r, j) => (j === i ? { ...r, replace: e.target.value } : r)))}
                  />
                </td>
                <td>
                  <button
                    type="button"
                    className="link"
                    aria-label={`Remove identifier ${i + 1}`}
                    onClick={() => setRows(rows.length > 1 ? rows.filter((_, j) => j !== i) : [{ find: '', replace: '' }])}
                  >
                    ×
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="row">
          <button type="button" onClick={() => setRows([...rows, { find: '', replace: '' }])}>
            Add identifier
          </button>
          <button
            type="button"
            className="primary"
            onClick={() => run(async () => setRows(orBlank(await saveRedactions(db, rows, coderId ?? ''))), 'Redaction list saved.')}
          >
            Save redaction list
          </button>
        </div>
      </section>
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : 'muted'}>
          {message.text}
        </p>
      )}
    </div>
  );
}

const orBlank = (rows: Redaction[]) => (rows.length ? rows : [{ find: '', replace: '' }]);
