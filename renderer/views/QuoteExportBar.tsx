// Export and copy buttons shared by the result list and the basket. The quotes are prepared
// (formatted, redacted, checked) only when a button is pressed; a refusal is shown in place.
import { useState } from 'react';
import type { PreparedExport } from '../core/quotes';
import { exportFileName } from '../store/exchange';
import { QUOTE_MIME, quotesClipboardText, quotesFile, type QuoteCopyFormat, type QuoteFileFormat } from '../io/quotesOut';
import { getPlatform } from '../platform/platform';
import { afterPendingEdits } from './pendingEdits';

async function saveQuotes(prepared: PreparedExport, format: QuoteFileFormat, baseName: string): Promise<void> {
  const bytes = await quotesFile(prepared, format);
  await getPlatform().saveFile(exportFileName(baseName, format), bytes, QUOTE_MIME[format]);
}

async function copyQuotes(prepared: PreparedExport, format: QuoteCopyFormat): Promise<void> {
  const text = quotesClipboardText(prepared, format);
  if (!navigator.clipboard) throw new Error('The clipboard is not available here; export a file instead.');
  await navigator.clipboard.writeText(text);
}

export function QuoteExportBar(props: { prepare(): PreparedExport | Promise<PreparedExport>; disabled?: boolean; fileName: string }) {
  const [copyFormat, setCopyFormat] = useState<QuoteCopyFormat>('text');
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const run = async (work: (prepared: PreparedExport) => Promise<unknown>, done: string) => {
    try {
      // Drafts first: a label or a redaction typed a moment ago is part of what goes out.
      await work(await afterPendingEdits(props.prepare));
      setMessage({ error: false, text: done });
    } catch (e) {
      setMessage({ error: true, text: (e as Error).message });
    }
  };
  const save = (format: QuoteFileFormat) => run((p) => saveQuotes(p, format, props.fileName), `Exported ${format.toUpperCase()}.`);
  return (
    <div className="export-bar">
      <div className="row wrap">
        <span className="muted small">Export</span>
        <button type="button" disabled={props.disabled} onClick={() => save('docx')}>
          DOCX
        </button>
        <button type="button" disabled={props.disabled} onClick={() => save('md')}>
          Markdown
        </button>
        <button type="button" disabled={props.disabled} onClick={() => save('csv')}>
          CSV
        </button>
        <button type="button" disabled={props.disabled} onClick={() => save('xlsx')}>
          XLSX
        </button>
        <select aria-label="Copy format" value={copyFormat} onChange={(e) => setCopyFormat(e.target.value as QuoteCopyFormat)}>
          <option value="text">as text</option>
          <option value="md">as Markdown</option>
          <option value="table">as a table</option>
        </select>
        <button type="button" disabled={props.disabled} onClick={() => run((p) => copyQuotes(p, copyFormat), 'Copied to the clipboard.')}>
          Copy
        </button>
      </div>
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error small' : 'muted small'}>
          {message.text}
        </p>
      )}
    </div>
  );
}
