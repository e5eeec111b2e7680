// The researcher's own player keys: read from a key press, refused where they would take keys
// the app, the editor or the window need, applied to matching and to the sheet, and read back
// leniently from what was stored.
import { describe, expect, it } from 'vitest';
import {
  keyChangeProblem,
  keysFromPress,
  keysLabel,
  keysOf,
  matchShortcut,
  parseKeyOverrides,
  shortcutSheet,
  SHORTCUTS,
  withOverrides,
} from '../../../renderer/core/shortcuts';
import { press } from '../../fixtures/keyPress';

const label = (keys: string) => keysLabel(keys, false);
const problem = (id: Parameters<typeof keyChangeProblem>[0], keys: string) => keyChangeProblem(id, keys, SHORTCUTS, label);

describe('keys from a key press', () => {
  it('writes the keys as the registry does, Ctrl and ⌘ alike, letters in capitals', () => {
    expect(keysFromPress(press('p', { ctrlKey: true, shiftKey: true }))).toBe('Mod+Shift+P');
    expect(keysFromPress(press('p', { metaKey: true }))).toBe('Mod+P');
    expect(keysFromPress(press(' ', { altKey: true }))).toBe('Alt+Space');
    expect(keysFromPress(press('F4'))).toBe('F4');
    expect(keysFromPress(press('ArrowLeft', { ctrlKey: true, altKey: true }))).toBe('Mod+Alt+ArrowLeft');
  });

  it('waits while only a modifier is held', () => {
    for (const key of ['Control', 'Shift', 'Alt', 'Meta', 'Dead']) expect(keysFromPress(press(key, { ctrlKey: true }))).toBeNull();
  });
});

describe('which keys the player may take', () => {
  it('takes a function key, or keys with Ctrl or Alt, that nothing else uses', () => {
    expect(problem('playPause', 'F4')).toBeNull();
    expect(problem('playPause', 'Mod+Alt+P')).toBeNull();
    // The codebook's Alt+← is on another tab.
    expect(problem('playBack', 'Alt+ArrowLeft')).toBeNull();
  });

  it('refuses a plain key: it would be taken from typing and from the coding keys', () => {
    expect(problem('playPause', 'K')).toMatch(/^K would be taken from typing and from the coding keys/);
    expect(problem('playPause', 'Shift+Space')).toMatch(/taken from typing/);
    expect(problem('playPause', 'F1')).toMatch(/taken from typing/); // F1 is the sheet's
  });

  it('refuses the editor’s and the window’s keys, naming what they do', () => {
    expect(problem('playPause', 'Mod+C')).toBe('Ctrl+C is copy; choose other keys.');
    expect(problem('playPause', 'Mod+W')).toBe('Ctrl+W is close the window; choose other keys.');
    expect(problem('playPause', 'F5')).toBe('F5 is reload; choose other keys.');
  });

  it('refuses keys another shortcut has, naming it', () => {
    expect(problem('playPause', 'Mod+Z')).toBe('Ctrl+Z is already “Undo the last change (outside text fields)”.');
    expect(problem('playPause', 'F7')).toBe('F7 is already “Back 5 seconds”.');
    // A shortcut's own keys are not a clash.
    expect(problem('playPause', 'Mod+Space')).toBeNull();
  });

  it('changes only the player’s keys', () => {
    expect(problem('undo', 'Mod+Alt+U')).toBe('Only the player’s keys can be changed.');
  });
});

describe('keys in effect', () => {
  const mine = withOverrides(SHORTCUTS, { playPauseF9: 'F4', playBack: 'Mod+Alt+ArrowLeft' });

  it('matches the new keys and no longer the old ones', () => {
    expect(matchShortcut('player', press('F4'), mine)).toBe('playPauseF9');
    expect(matchShortcut('player', press('F9'), mine)).toBeNull();
    expect(matchShortcut('player', press('ArrowLeft', { ctrlKey: true, altKey: true }), mine)).toBe('playBack');
    // Untouched keys stay, and the defaults still hold without overrides.
    expect(matchShortcut('player', press(' ', { ctrlKey: true }), mine)).toBe('playPause');
    expect(matchShortcut('player', press('F9'))).toBe('playPauseF9');
  });

  it('shows them in the sheet and in tooltips, each key with its shortcut', () => {
    const player = shortcutSheet(false, mine).find((s) => s.scope === 'player')!;
    expect(player.rows.find((r) => r.label === 'Play or pause the recording')).toEqual({
      keys: ['Ctrl+Space', 'F4'],
      ids: ['playPause', 'playPauseF9'],
      label: 'Play or pause the recording',
    });
    expect(keysOf('playBack', true, mine)).toBe('⌘⌥←');
  });

  it('never changes a scope that cannot be configured', () => {
    expect(withOverrides(SHORTCUTS, { undo: 'F4' }).find((s) => s.id === 'undo')!.keys).toBe('Mod+Z');
  });
});

describe('stored keys, read back', () => {
  it('keeps the allowed ones and drops the rest, so their defaults come back', () => {
    const stored = JSON.stringify({ playPauseF9: 'F4', playBack: 'Mod+C', nonsense: 'F6', playForward: 3, undo: 'F2' });
    expect(parseKeyOverrides(stored, SHORTCUTS)).toEqual({ playPauseF9: 'F4' });
  });

  it('drops the second of two shortcuts stored with the same keys', () => {
    expect(parseKeyOverrides(JSON.stringify({ playBack: 'F4', playForward: 'F4' }), SHORTCUTS)).toEqual({ playBack: 'F4' });
  });

  it('reads nothing, damaged JSON or the wrong shape as no changes', () => {
    for (const stored of [null, '', '{', '[]', '"F4"', 'null']) expect(parseKeyOverrides(stored, SHORTCUTS)).toEqual({});
  });
});
