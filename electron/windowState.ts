// The window's size, position and maximised state, remembered between runs (window-state.json
// in the app's data folder). What is read back is checked, not trusted: a file from another
// screen layout (a laptop away from its monitor) must not open the window off screen.
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomically } from './files.js';

export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_WINDOW: WindowState = { width: 1400, height: 900, maximized: false };
export const MIN_WIDTH = 800;
export const MIN_HEIGHT = 560;

export const windowStateFile = (userData: string) => path.join(userData, 'window-state.json');

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && Math.abs(v) < 100_000;

/**
 * The state to open with: the saved one where it is whole and at least a good part of the
 * window's title bar falls on one of today's screens (the work areas); the saved size, centred,
 * where only the position is lost; the default otherwise.
 */
export function usableWindowState(saved: unknown, workAreas: readonly Rect[]): WindowState {
  if (typeof saved !== 'object' || saved === null) return DEFAULT_WINDOW;
  const s = saved as Record<string, unknown>;
  if (!isInt(s.width) || !isInt(s.height)) return DEFAULT_WINDOW;
  const largest = workAreas.reduce(
    (a, b) => (b.width * b.height > a.width * a.height ? b : a),
    workAreas[0] ?? { x: 0, y: 0, width: 1400, height: 900 },
  );
  const width = Math.min(Math.max(s.width, MIN_WIDTH), Math.max(largest.width, MIN_WIDTH));
  const height = Math.min(Math.max(s.height, MIN_HEIGHT), Math.max(largest.height, MIN_HEIGHT));
  const maximized = s.maximized === true;
  if (!isInt(s.x) || !isInt(s.y)) return { width, height, maximized };
  const titleBar: Rect = { x: s.x, y: s.y, width, height: 40 };
  const visible = workAreas.some((area) => overlap(titleBar, area) >= Math.min(200, width) * 40 * 0.5);
  return visible ? { x: s.x, y: s.y, width, height, maximized } : { width, height, maximized };
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** Read once at start, before the window exists (a small file; the window waits for it anyway). */
export function readWindowState(userData: string, workAreas: readonly Rect[]): WindowState {
  try {
    return usableWindowState(JSON.parse(readFileSync(windowStateFile(userData), 'utf8')), workAreas);
  } catch {
    return DEFAULT_WINDOW; // none yet, or unreadable: the default, and the next close writes a good one
  }
}

/** What a window is now: its normal (not maximised) bounds, and whether it is maximised. */
export interface WindowLike {
  getNormalBounds(): Rect;
  isMaximized(): boolean;
}

export async function writeWindowState(userData: string, win: WindowLike): Promise<void> {
  const { x, y, width, height } = win.getNormalBounds();
  const state: WindowState = { x, y, width, height, maximized: win.isMaximized() };
  await mkdir(userData, { recursive: true });
  await writeFileAtomically(windowStateFile(userData), new TextEncoder().encode(JSON.stringify(state)));
}
