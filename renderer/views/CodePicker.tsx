// The keyboard way to code: type part of a code's name, arrows to choose, Enter to apply.
// With no match, Enter creates a code of that name and applies it.
import { matchShortcut } from '../core/shortcuts';
import { useMemo, useState } from 'react';
import { codePathText } from '../core/codebook';
import { checkCodable, codeSearch } from '../core/coding';
import { errorMessage, type Code } from '../core/shared';
import { Modal } from './common';

export function CodePicker(props: { codes: Code[]; onPick(codeId: string): void; onCreate(name: string): void; onClose(): void }) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [refused, setRefused] = useState<string | null>(null);
  const results = useMemo(() => codeSearch(props.codes, query, 12), [props.codes, query]);
  const canCreate = query.trim() !== '' && !results.some((c) => c.name.toLowerCase() === query.trim().toLowerCase());
  const choose = (i: number) => {
    const code = results[i];
    if (code) {
      // A category is listed (it is where its codes are) but not applied: say so, stay open.
      try {
        checkCodable(code);
      } catch (e) {
        setRefused(errorMessage(e));
        return;
      }
      props.onPick(code.id);
    } else if (canCreate) props.onCreate(query.trim());
  };
  return (
    <Modal title="Apply code" onClose={props.onClose}>
      <div className="modal-body picker">
        <input
          data-autofocus
          aria-label="Find code"
          placeholder="Type to find a code…"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
            setRefused(null);
          }}
          onKeyDown={(e) => {
            const id = matchShortcut('picker', e);
            if (id === 'pickerNext') setActive((a) => Math.min(a + 1, results.length - (canCreate ? 0 : 1)));
            else if (id === 'pickerPrevious') setActive((a) => Math.max(a - 1, 0));
            else if (id === 'pickerChoose') choose(active);
            else return;
            e.preventDefault();
          }}
        />
        <ul className="plain picker-results" role="listbox" aria-label="Codes">
          {results.map((c, i) => (
            <li
              key={c.id}
              role="option"
              aria-selected={i === active}
              aria-disabled={c.notCodable ? true : undefined}
              className={[i === active ? 'active' : '', c.notCodable ? 'category' : ''].join(' ').trim() || undefined}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(i);
              }}
            >
              <span className="swatch" style={{ background: c.colour }} />
              <span>{c.name}</span>
              {c.notCodable && <span className="muted small">category</span>}
              <span className="muted path">{c.parentId ? codePathText(props.codes, c.parentId, ' › ') : ''}</span>
            </li>
          ))}
          {canCreate && (
            <li
              role="option"
              aria-selected={active === results.length}
              className={active === results.length ? 'active' : undefined}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(results.length);
              }}
            >
              + Create code “{query.trim()}”
            </li>
          )}
        </ul>
        {refused && (
          <p className="error small" role="alert">
            {refused}
          </p>
        )}
        <p className="muted small">↑↓ to choose · Enter to apply · Esc to cancel</p>
      </div>
    </Modal>
  );
}
