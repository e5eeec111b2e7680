// The commands of the application menu (core/commands), joined to the views that can run them.
// A view that can run a command while it is on screen registers it with useCommand; the menu
// shows a command enabled only while some view can run it (AppMenu). A command whose view is
// elsewhere has a fallback that goes there (e.g. File > Import .qdpx… from inside a project goes
// to the projects screen); the command then runs as soon as its view has registered.
import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { CommandId } from '../core/commands';
import type { PickedFile } from '../platform/platform';

/** A file the system asked the app to open, for commands that take one (restore, import). */
export type CommandHandler = (file?: PickedFile) => void;

interface Registration {
  run: { current: CommandHandler };
  enabled: boolean;
  /** Used only when no other view can run the command: it goes to the view that can. */
  fallback: boolean;
  label?: string;
}

const registrations = new Map<CommandId, Set<Registration>>();
const listeners = new Set<() => void>();
let version = 0;
/** A command on its way to its view, with when it was asked for (forgotten after a while). */
let queued: { id: CommandId; file?: PickedFile; at: number } | null = null;
const QUEUE_MS = 10_000;

function changed(): void {
  version += 1;
  for (const l of listeners) l();
}

function pick(id: CommandId): Registration | null {
  const all = [...(registrations.get(id) ?? [])].filter((r) => r.enabled);
  return all.find((r) => !r.fallback) ?? all.find((r) => r.fallback) ?? null;
}

/** Whether some view can run the command now. */
export function canRun(id: CommandId): boolean {
  return pick(id) !== null;
}

/** A label a view gives its command now ("Undo Apply code"), if any. */
export function commandLabel(id: CommandId): string | undefined {
  return pick(id)?.label;
}

/** Runs a command (from the menu); false when nothing can run it now. */
export function runCommand(id: CommandId, file?: PickedFile): boolean {
  const r = pick(id);
  if (!r) return false;
  if (r.fallback) queued = { id, ...(file ? { file } : {}), at: Date.now() };
  r.run.current(file);
  return true;
}

function runQueued(id: CommandId): void {
  if (!queued || queued.id !== id) return;
  const { file, at } = queued;
  queued = null;
  const r = pick(id);
  if (r && !r.fallback && Date.now() - at < QUEUE_MS) r.run.current(file);
}

/**
 * Registers `run` for a command while the calling view is on screen and `enabled` holds. A
 * fallback runs only when no view can run the command itself.
 */
export function useCommand(
  id: CommandId,
  run: CommandHandler,
  options: { enabled?: boolean; fallback?: boolean; label?: string } = {},
): void {
  const ref = useRef(run);
  ref.current = run;
  const enabled = options.enabled ?? true;
  const fallback = options.fallback ?? false;
  const label = options.label;
  useEffect(() => {
    const registration: Registration = { run: ref, enabled, fallback, ...(label ? { label } : {}) };
    const set = registrations.get(id) ?? new Set();
    registrations.set(id, set);
    set.add(registration);
    changed();
    // A command asked for from elsewhere runs once its own view is here.
    if (!fallback && enabled) queueMicrotask(() => runQueued(id));
    return () => {
      set.delete(registration);
      changed();
    };
  }, [id, enabled, fallback, label]);
}

/** Re-renders the caller whenever what can run changes; returns a number that changes with it. */
export function useCommandsVersion(): number {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => version,
  );
}
