// Edits typed into a field but not yet saved (a label, a memo, a summary). A field holds its
// draft through `useDraft`, which registers how to save it; anything that reads the project
// to send it out (an export, a copy) or leaves the place (navigation, a hidden or closing
// page) first saves every draft and waits for saves under way, so nothing goes out with, or
// is lost at, the value before the last one.
// A save is asynchronous (IndexedDB), and a page being reloaded or killed does not wait for
// it, so every draft is also journalled synchronously in localStorage until it is stored; a
// field that opens with a journalled draft of its own puts it back and saves it.
import { useCallback, useContext, useEffect, useRef, useState } from 'react';
import { ProjectContext } from './projectContext';

type Save = () => Promise<unknown> | unknown;

/** Fields holding a draft not yet handed to a save. */
const drafts = new Map<symbol, { current: Save }>();
/** Saves handed over and not yet finished. */
const inFlight = new Set<Promise<unknown>>();

function track<T>(work: Promise<T>): Promise<T> {
  inFlight.add(work);
  const done = () => inFlight.delete(work);
  work.then(done, done);
  return work;
}

/** Saves every draft now and waits for every save under way. A failure is reported after the others ran. */
export async function flushPendingEdits(): Promise<void> {
  for (const save of [...drafts.values()]) void track(Promise.resolve().then(() => save.current()));
  const results = await Promise.allSettled([...inFlight]);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason instanceof Error ? failed.reason : new Error(String(failed.reason));
}

/** True while a field holds a draft or a save is under way. */
export function hasPendingEdits(): boolean {
  return drafts.size > 0 || inFlight.size > 0;
}

/** Saves drafts before `work` (an export, a copy, a move elsewhere), so it reads what was typed. */
export async function afterPendingEdits<T>(work: () => Promise<T> | T): Promise<T> {
  await flushPendingEdits();
  return work();
}

export interface Draft<T> {
  /** What the field shows: the draft while there is one, else the stored value. */
  value: T;
  /** True while the field holds something not yet handed to a save. */
  dirty: boolean;
  edit(next: T): void;
  /** Hands the draft to `save` (on blur, Enter, a timer); resolves when it is stored. */
  commit(): Promise<void>;
}

/**
 * Drops journalled drafts of records that no longer exist (a purge): `fields` are journal
 * names, a name ending in ':' standing for every field of that record.
 */
export function forgetDrafts(projectId: string, fields: readonly string[]): void {
  try {
    const storage = globalThis.localStorage;
    if (!storage) return;
    const prefix = `${JOURNAL}${projectId}:`;
    const keys = Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter((k): k is string => !!k?.startsWith(prefix));
    for (const key of keys) {
      const field = key.slice(prefix.length);
      if (fields.some((f) => (f.endsWith(':') ? field.startsWith(f) : field === f))) storage.removeItem(key);
    }
  } catch {
    // Storage unavailable: nothing was journalled there either.
  }
}

/**
 * A field's draft of a stored `value`. `save` stores it (returning false, or throwing, when
 * refused: the draft then stays on screen with the refusal, and is not sent again until
 * edited). The draft is shown until the stored value changes, so the field never flickers
 * back to the old value while the save is under way. A field that goes away with a draft
 * (its tab or dialog closed) saves it on the way out.
 */
export interface DraftOptions<T> {
  /** Names the field for the journal, unique within the project (e.g. `memo:source:<id>`). */
  journal?: string;
  same?: (a: T, b: T) => boolean;
}

const JOURNAL = 'mirabal:draft:';

function journalRead(key: string | null): string | null {
  if (!key) return null;
  try {
    return globalThis.localStorage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function journalWrite(key: string | null, text: string | null): void {
  if (!key) return;
  try {
    if (text === null) globalThis.localStorage?.removeItem(key);
    else globalThis.localStorage?.setItem(key, text);
  } catch {
    // A full or unavailable storage only loses the crash safety net, never the edit itself.
  }
}

/**
 * A field's draft of a stored `value`. `save` stores it (returning false, or throwing, when
 * refused: the draft then stays on screen with the refusal, and is not sent again until
 * edited). The draft is shown until the stored value changes, so the field never flickers
 * back to the old value while the save is under way. A field that goes away with a draft
 * (its tab or dialog closed) saves it on the way out. Only string drafts are journalled.
 */
export function useDraft<T>(value: T, save: (next: T) => Promise<unknown> | unknown, options: DraftOptions<T> = {}): Draft<T> {
  const same = options.same ?? Object.is;
  const project = useContext(ProjectContext)?.projectId ?? '';
  const journalKey = options.journal && typeof value === 'string' ? `${JOURNAL}${project}:${options.journal}` : null;
  // A draft left by a reload or a crash comes back (and is saved at once, below).
  const [draft, setDraft] = useState<{ v: T } | null>(() => {
    const kept = journalRead(journalKey);
    if (kept === null) return null;
    if (same(kept as T, value)) {
      journalWrite(journalKey, null);
      return null;
    }
    return { v: kept as T };
  });
  const recovered = useRef(draft !== null);
  // The draft last handed to `save`, and the stored value it replaced.
  const sent = useRef<{ draft: { v: T }; storedWas: T } | null>(null);
  const [, rerender] = useState(0);
  const latest = useRef({ draft, value, save, same, journalKey });
  latest.current = { draft, value, save, same, journalKey };

  // The stored value moved on since the draft was sent (saved, or undone): the draft is done.
  useEffect(() => {
    const s = sent.current;
    if (s && draft === s.draft && !same(value, s.storedWas)) {
      setDraft(null);
      if (journalRead(journalKey) === (s.draft.v as unknown)) journalWrite(journalKey, null);
    }
  }, [value, draft, same, journalKey]);

  const commit = useCallback(async () => {
    const { draft: d, value: stored, save: store, same: eq, journalKey: key } = latest.current;
    if (!d || sent.current?.draft === d) return;
    if (eq(d.v, stored)) {
      setDraft(null);
      journalWrite(key, null);
      return;
    }
    sent.current = { draft: d, storedWas: stored };
    rerender((n) => n + 1); // no longer dirty: off the list of drafts
    await track(Promise.resolve().then(() => store(d.v)));
  }, []);

  useEffect(() => {
    if (recovered.current) void track(commit());
    recovered.current = false;
  }, [commit]);

  const dirty = draft !== null && sent.current?.draft !== draft;
  const key = useRef(Symbol('draft'));
  useEffect(() => {
    if (!dirty) return;
    const id = key.current;
    drafts.set(id, { current: commit });
    return () => void drafts.delete(id);
  }, [dirty, commit]);
  // Unmounting with a draft: save it rather than drop it.
  useEffect(() => () => void track(commit()).catch((e: unknown) => console.error('A draft could not be saved:', e)), [commit]);

  const edit = useCallback((next: T) => {
    setDraft({ v: next });
    if (typeof next === 'string') journalWrite(latest.current.journalKey, next);
  }, []);
  return { value: draft ? draft.v : value, dirty, edit, commit };
}

let installed = false;

/** Saves drafts when the page is hidden or left (another window, a reload, a close). */
export function installPendingEditGuards(win: Window): void {
  if (installed) return;
  installed = true;
  const save = () => void flushPendingEdits().catch((e: unknown) => console.error('A draft could not be saved:', e));
  win.document.addEventListener('visibilitychange', () => {
    if (win.document.visibilityState === 'hidden') save();
  });
  win.addEventListener('pagehide', save);
}
