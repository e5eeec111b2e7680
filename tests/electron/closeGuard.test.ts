// The window's close is held while the page takes its last backup, but never for ever.
import { describe, expect, it, vi } from 'vitest';
import { guardClose } from '../../electron/app';
import { APP_CLOSING } from '../../electron/contract';
import { as, FakeBrowserWindow } from './fakes';

vi.mock('electron', () => ({}));

function closing() {
  const event = { prevented: false, preventDefault: () => void (event.prevented = true) };
  return event;
}

describe('guardClose', () => {
  it('closes after the grace period when the page never answers', () => {
    vi.useFakeTimers();
    try {
      const win = new FakeBrowserWindow({});
      guardClose(as(win), 20_000);
      const event = closing();
      win.emit('close', event);
      expect(event.prevented).toBe(true);
      expect(win.webContents.sent).toEqual([APP_CLOSING]);
      vi.advanceTimersByTime(19_999);
      expect(win.closeCalls).toBe(0);
      vi.advanceTimersByTime(1);
      expect(win.closeCalls).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('lets a window whose page has crashed close at once', () => {
    const win = new FakeBrowserWindow({});
    guardClose(as(win));
    win.webContents.emit('render-process-gone', {}, { reason: 'crashed' });
    const event = closing();
    win.emit('close', event);
    expect(event.prevented).toBe(false);
    expect(win.webContents.sent).toEqual([]);
  });

  it('closes once when the page answers, and the timer then does nothing', () => {
    vi.useFakeTimers();
    try {
      const win = new FakeBrowserWindow({});
      const guard = guardClose(as(win), 20_000);
      win.emit('close', closing());
      guard.allow();
      guard.allow();
      vi.advanceTimersByTime(60_000);
      expect(win.closeCalls).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('waits as long as the page says it is still finishing, and a grace period after it stops saying so', () => {
    vi.useFakeTimers();
    try {
      const win = new FakeBrowserWindow({});
      const guard = guardClose(as(win), 20_000);
      guard.extend(); // not closing yet: nothing to extend, nothing closes
      vi.advanceTimersByTime(30_000);
      expect(win.closeCalls).toBe(0);
      win.emit('close', closing());
      for (let i = 0; i < 6; i += 1) {
        vi.advanceTimersByTime(15_000); // a long import: the page says so every few seconds
        guard.extend();
      }
      expect(win.closeCalls).toBe(0);
      vi.advanceTimersByTime(19_999);
      expect(win.closeCalls).toBe(0);
      vi.advanceTimersByTime(1);
      expect(win.closeCalls).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
