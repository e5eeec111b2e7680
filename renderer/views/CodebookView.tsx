// The codebook editor: the tree with counts (codings · transcripts · participants), moved by
// drag or by keyboard (Alt+arrows), and the chosen code's definition, memo, merge, split and
// delete. Every change is one undoable action. Counts come from the shared project model
// (a codebook opened at ten times the study does not read 400,000 codings again), and a
// codebook of hundreds of codes is drawn a screenful at a time.
import { matchShortcut, type ShortcutId } from '../core/shortcuts';
import { useEffect, useMemo, useRef, useState } from 'react';
import { DEFAULT_CODEBOOK, DEFAULT_CODEBOOK_NAME } from '../../codebook';
import {
  mergeCodebook,
  createCode,
  deleteCode,
  deleteImpact,
  moveCode,
  moveCodeByKey,
  orderedTree,
  type KeyMove,
  codeStats,
  type CodebookNode,
  codePathText,
} from '../core/codebook';
import { uniqueName, live, type Code, type Coding, type ProjectSet, type Source } from '../core/shared';
import { codeSearch } from '../core/coding';
import { codebookCsv, codebookJson, CODEBOOK_EXTENSIONS, readCodebookFile } from '../io/codebookFiles';
import { writeQdc } from '../io/qdc';
import { getPlatform } from '../platform/platform';
import { CodeDetails } from './CodeDetails';
import { Confirm } from './common';
import { afterPendingEdits } from './pendingEdits';
import { useProject } from './projectContext';
import { loadRecords } from '../store/records';
import { useProjectSnapshot } from './useProjectSnapshot';
import { VirtualList, type ListHandle } from './VirtualBody';

const NO_CODINGS: Coding[] = [];
const NO_SOURCES: Source[] = [];

const KEY_MOVES: Partial<Record<ShortcutId, KeyMove>> = {
  codebookMoveUp: 'up',
  codebookMoveDown: 'down',
  codebookIndent: 'indent',
  codebookOutdent: 'outdent',
};

export function CodebookView(props: { sets: ProjectSet[] }) {
  const { db, codes, actWith, act, blind, coderId } = useProject();
  const snapshot = useProjectSnapshot(db);
  const everyCoding = snapshot?.codings;
  const codings = useMemo(() => (everyCoding ? live(everyCoding) : NO_CODINGS), [everyCoding]);
  const sources = snapshot?.sources ?? NO_SOURCES;
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [createdId, setCreatedId] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<Code | null>(null);
  const [dragId, setDragId] = useState<string | null>(null);
  const [find, setFind] = useState('');
  const [notice, setNotice] = useState<string[]>([]);
  const treeRef = useRef<HTMLDivElement>(null);
  const tree = useRef<ListHandle>(null);
  const rows = useMemo(() => orderedTree(codes), [codes]);
  // Blind mode counts only my codings: another coder's counts would unblind me too.
  const stats = useMemo(
    () => codeStats({ codes, codings, sources }, { includeChildren: true, ...(blind ? { coderIds: coderId ? [coderId] : [] } : {}) }),
    [codes, codings, sources, blind, coderId],
  );
  const selected = codes.find((c) => c.id === selectedId) ?? null;

  const rowOf = (id: string) => treeRef.current?.querySelector<HTMLElement>(`[data-code-id="${id}"]`) ?? null;

  // A code just made comes into view as soon as it is in the tree (its name field, in the
  // details, has the focus).
  const createdAt = rows.findIndex((r) => r.code.id === createdId);
  useEffect(() => {
    if (createdAt < 0 || !createdId) return;
    tree.current?.scrollToIndex(createdAt);
    requestAnimationFrame(() => rowOf(createdId)?.scrollIntoView({ block: 'nearest' }));
  }, [createdId, createdAt]);

  /** Focuses a code's row, first scrolling it into the drawn window when the tree is long. */
  const focusRow = (id: string, tries = 4) =>
    requestAnimationFrame(() => {
      const row = rowOf(id);
      if (row) return row.focus();
      const at = rows.findIndex((r) => r.code.id === id);
      if (at >= 0 && tries > 0) {
        tree.current?.scrollToIndex(at);
        focusRow(id, tries - 1);
      }
    });

  async function addCode(parentId: string | null) {
    const id = crypto.randomUUID();
    const siblings = codes.filter((c) => c.parentId === parentId);
    const name = uniqueName(
      'New code',
      siblings.map((c) => c.name),
      (b, n) => `${b} ${n}`,
    );
    if (await actWith((fresh) => createCode(fresh.codes, { name, parentId }, () => id, Date.now()))) {
      setSelectedId(id);
      setCreatedId(id);
    }
  }

  /** Saves a name or definition still being typed, then exports the codebook as stored. */
  const exportCodes = (write: (codes: Code[]) => Promise<unknown>) =>
    void afterPendingEdits(async () => write((await loadRecords(db)).codes)).catch((e: unknown) =>
      actWith(() => {
        throw e;
      }),
    );

  async function importFile() {
    let picked: { name: string; bytes: Uint8Array }[];
    try {
      picked = await getPlatform().openFiles({ title: 'Import codebook', extensions: CODEBOOK_EXTENSIONS, multiple: false });
    } catch (e) {
      await actWith(() => {
        throw e;
      });
      return;
    }
    const [file] = picked;
    if (!file) return;
    let read: { nodes: CodebookNode[]; warnings: string[] };
    try {
      read = await readCodebookFile(file);
    } catch (e) {
      // A bad file: the message is shown and nothing changes.
      await actWith(() => {
        throw e;
      });
      return;
    }
    if (await actWith((fresh) => mergeCodebook(fresh.codes, read.nodes, `Import codebook ${file.name}`, () => crypto.randomUUID())))
      setNotice(read.warnings);
  }

  function onKeyDown(e: React.KeyboardEvent, code: Code) {
    const index = rows.findIndex((r) => r.code.id === code.id);
    const id = matchShortcut('codebook', e);
    const move = id ? KEY_MOVES[id] : undefined;
    if (move) {
      e.preventDefault();
      void actWith((fresh) => moveCodeByKey(fresh.codes, code.id, move)).then(() => focusRow(code.id));
    } else if (id === 'codebookNext' || id === 'codebookPrevious') {
      e.preventDefault();
      const next = rows[index + (id === 'codebookNext' ? 1 : -1)];
      if (next) {
        setSelectedId(next.code.id);
        focusRow(next.code.id);
      }
    } else if (id === 'codebookDelete') {
      e.preventDefault();
      setDeleting(code);
    } else if (id === 'codebookAddChild' || id === 'codebookAddChildInsert' || id === 'codebookAddSibling') {
      e.preventDefault();
      void addCode(id === 'codebookAddSibling' ? code.parentId : code.id);
    }
  }

  return (
    <div className="codebook">
      <section className="codebook-tree" aria-label="Codebook tree" data-scroll-pane>
        <div className="row">
          <button type="button" className="primary" onClick={() => addCode(null)}>
            New code
          </button>
          <button type="button" disabled={!selected} onClick={() => selected && addCode(selected.id)}>
            New sub-code
          </button>
          <span className="spacer" />
          <button type="button" onClick={() => void importFile()}>
            Import…
          </button>
          <button
            type="button"
            onClick={() =>
              exportCodes((cs) =>
                getPlatform().saveFile('codebook.json', new TextEncoder().encode(codebookJson(cs, 'Codebook')), 'application/json'),
              )
            }
          >
            Export JSON
          </button>
          <button
            type="button"
            onClick={() =>
              exportCodes((cs) => getPlatform().saveFile('codebook.csv', new TextEncoder().encode(`\uFEFF${codebookCsv(cs)}`), 'text/csv'))
            }
          >
            Export CSV
          </button>
          <button
            type="button"
            disabled={codes.length === 0}
            title="REFI-QDA codebook, for NVivo, ATLAS.ti, MAXQDA, QualCoder…"
            onClick={() => exportCodes(async (cs) => getPlatform().saveFile('codebook.qdc', await writeQdc(cs), 'application/xml'))}
          >
            Export .qdc
          </button>
        </div>
        {notice.length > 0 && (
          <div className="notice" role="status">
            <strong>Imported, with notes:</strong>
            <ul>
              {notice.map((n, i) => (
                <li key={i}>{n}</li>
              ))}
            </ul>
            <button type="button" className="icon" aria-label="Dismiss notes" onClick={() => setNotice([])}>
              ×
            </button>
          </div>
        )}
        {codes.length === 0 && (
          <div className="card welcome">
            <p>This project has no codes yet.</p>
            <button
              type="button"
              className="primary"
              onClick={() =>
                act(mergeCodebook(codes, DEFAULT_CODEBOOK, `Start from "${DEFAULT_CODEBOOK_NAME}"`, () => crypto.randomUUID()))
              }
            >
              Use the study codebook ({DEFAULT_CODEBOOK_NAME})
            </button>
          </div>
        )}
        <input
          aria-label="Find code"
          placeholder="Find a code (fuzzy) and press Enter"
          value={find}
          onChange={(e) => setFind(e.target.value)}
          onKeyDown={(e) => {
            const hit = e.key === 'Enter' ? codeSearch(codes, find, 1)[0] : undefined;
            if (hit) {
              setSelectedId(hit.id);
              focusRow(hit.id);
            }
          }}
        />
        <p className="muted small">
          Alt+↑↓ reorder · Alt+→ make sub-code of the code above · Alt+← move up a level · Delete · drag a code onto another to nest it
        </p>
        <div ref={treeRef}>
          <VirtualList
            items={rows}
            rowHeight={34}
            element="ul"
            role="tree"
            className="plain tree"
            label="Codes"
            handle={tree}
            row={({ code, depth, position, siblings }, index, place) => {
              const s = stats.get(code.id);
              return (
                <li
                  key={code.id}
                  {...place}
                  // A tree's place is among the item's siblings, not in the flattened list.
                  aria-posinset={position}
                  aria-setsize={siblings}
                  role="treeitem"
                  aria-selected={code.id === selectedId}
                  aria-level={depth + 1}
                  tabIndex={code.id === selectedId || (!selectedId && index === 0) ? 0 : -1}
                  data-code-id={code.id}
                  className={`tree-row${code.id === selectedId ? ' selected' : ''}${dragId === code.id ? ' dragging' : ''}`}
                  style={{ paddingLeft: `${0.5 + depth * 1.1}rem` }}
                  draggable
                  onDragStart={(e) => {
                    setDragId(code.id);
                    e.dataTransfer.setData('text/plain', code.id);
                  }}
                  onDragEnd={() => setDragId(null)}
                  onDragOver={(e) => e.preventDefault()}
                  onDrop={(e) => {
                    e.preventDefault();
                    const moving = e.dataTransfer.getData('text/plain');
                    if (moving && moving !== code.id)
                      void actWith((fresh) => moveCode(fresh.codes, moving, code.id, codes.filter((c) => c.parentId === code.id).length));
                  }}
                  onClick={() => setSelectedId(code.id)}
                  onKeyDown={(e) => onKeyDown(e, code)}
                  title={codePathText(codes, code.id, ' › ')}
                >
                  <span className="swatch" style={{ background: code.colour }} />
                  <span className="name">{code.name}</span>
                  {code.notCodable && <span className="muted small category-tag">category</span>}
                  <span
                    className="stats muted small"
                    aria-label={`${s?.codings ?? 0} codings, ${s?.sources ?? 0} transcripts, ${s?.participants ?? 0} participants`}
                  >
                    {s?.codings ?? 0} · {s?.sources ?? 0} · {s?.participants ?? 0}
                  </span>
                </li>
              );
            }}
          />
        </div>
        {codes.length > 0 && (
          <div
            className="drop-top muted small"
            onDragOver={(e) => e.preventDefault()}
            onDrop={(e) => {
              e.preventDefault();
              const moving = e.dataTransfer.getData('text/plain');
              if (moving)
                void actWith((fresh) =>
                  moveCode(fresh.codes, moving, null, codes.filter((c) => c.parentId === null && c.id !== moving).length),
                );
            }}
          >
            Drop here to make a top-level code
          </div>
        )}
      </section>
      <section className="codebook-detail">
        {selected ? (
          <CodeDetails
            key={selected.id}
            code={selected}
            codings={codings}
            sets={props.sets}
            onDelete={() => setDeleting(selected)}
            focusName={selected.id === createdId}
          />
        ) : (
          <p className="muted pad">
            Choose a code to edit its name, definition, colour and memo. Numbers beside each code: codings · transcripts · participants
            (with sub-codes).
          </p>
        )}
      </section>
      {deleting && (
        <Confirm
          title="Delete code?"
          danger
          confirmLabel="Delete"
          message={(() => {
            const impact = deleteImpact(codes, codings, deleting.id);
            return (
              <p>
                “{deleting.name}”{impact.codes > 1 ? ` and its ${impact.codes - 1} sub-code(s)` : ''} will be deleted, with {impact.codings}{' '}
                coding(s). You can undo this (Ctrl+Z).
              </p>
            );
          })()}
          onCancel={() => setDeleting(null)}
          onConfirm={async () => {
            if (await actWith((fresh) => deleteCode(fresh.codes, codings, deleting.id, Date.now()))) setSelectedId(null);
            setDeleting(null);
          }}
        />
      )}
    </div>
  );
}
