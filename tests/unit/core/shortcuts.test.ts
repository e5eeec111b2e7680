import { describe, expect, it } from 'vitest';
import { isShortcut, keysLabel, keysOf, matchShortcut, SCOPE_LABELS, shortcutSheet, SHORTCUTS } from '../../../renderer/core/shortcuts';
import { press } from '../../fixtures/keyPress';

describe('the shortcut registry', () => {
  it('gives every shortcut its own id, a known scope and a label', () => {
    expect(new Set(SHORTCUTS.map((s) => s.id)).size).toBe(SHORTCUTS.length);
    for (const s of SHORTCUTS) {
      expect(Object.keys(SCOPE_LABELS)).toContain(s.scope);
      expect(s.label.length).toBeGreaterThan(3);
    }
  });

  it('has no two shortcuts in one scope on the same keys', () => {
    for (const scope of Object.keys(SCOPE_LABELS)) {
      const keys = SHORTCUTS.filter((s) => s.scope === scope).map((s) => s.keys);
      expect(new Set(keys).size, scope).toBe(keys.length);
    }
  });

  it('matches undo and redo with Ctrl or ⌘, and Shift only where written', () => {
    expect(matchShortcut('everywhere', press('z', { ctrlKey: true }))).toBe('undo');
    expect(matchShortcut('everywhere', press('z', { metaKey: true }))).toBe('undo');
    expect(matchShortcut('everywhere', press('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(matchShortcut('everywhere', press('y', { ctrlKey: true }))).toBe('redoAlt');
    expect(matchShortcut('everywhere', press('z'))).toBeNull();
    expect(matchShortcut('everywhere', press('z', { ctrlKey: true, altKey: true }))).toBeNull();
  });

  it('opens the sheet on ? (typed with Shift on most keyboards) and F1', () => {
    expect(matchShortcut('everywhere', press('?', { shiftKey: true }))).toBe('shortcutSheet');
    expect(matchShortcut('everywhere', press('?'))).toBe('shortcutSheet');
    expect(matchShortcut('everywhere', press('F1'))).toBe('shortcutSheetF1');
    expect(matchShortcut('everywhere', press('?', { ctrlKey: true }))).toBeNull();
  });

  it('matches the coding keys in either case, never with Ctrl (Ctrl+K is the browser’s)', () => {
    expect(matchShortcut('coding', press('k'))).toBe('codeSelection');
    expect(matchShortcut('coding', press('K', { shiftKey: true }))).toBeNull();
    expect(matchShortcut('coding', press('k', { ctrlKey: true }))).toBeNull();
    expect(matchShortcut('coding', press('r'))).toBe('repeatLastCode');
    expect(matchShortcut('coding', press('i'))).toBe('inVivoCode');
    expect(matchShortcut('coding', press('Escape'))).toBe('clearClicked');
  });

  it('tells moving a code (Alt+arrows) from walking the tree (arrows), and a sub-code (N) from a sibling (Shift+N)', () => {
    expect(matchShortcut('codebook', press('ArrowUp', { altKey: true }))).toBe('codebookMoveUp');
    expect(matchShortcut('codebook', press('ArrowRight', { altKey: true }))).toBe('codebookIndent');
    expect(matchShortcut('codebook', press('ArrowUp'))).toBe('codebookPrevious');
    expect(matchShortcut('codebook', press('n'))).toBe('codebookAddChild');
    expect(matchShortcut('codebook', press('N', { shiftKey: true }))).toBe('codebookAddSibling');
    expect(matchShortcut('codebook', press('Insert'))).toBe('codebookAddChildInsert');
    expect(matchShortcut('codebook', press('Delete'))).toBe('codebookDelete');
  });

  it('never answers with a shortcut shown only in the sheet (the editor handles those itself)', () => {
    const shown = SHORTCUTS.filter((s) => s.shownOnly);
    expect(shown.length).toBeGreaterThan(0);
    expect(matchShortcut('coding', press('ArrowRight', { ctrlKey: true, shiftKey: true }))).toBeNull();
    for (const s of shown) expect(isShortcut(s, press('Alt', { altKey: true }))).toBe(false);
  });

  it('writes keys as each platform does', () => {
    expect(keysLabel('Mod+Shift+Z', false)).toBe('Ctrl+Shift+Z');
    expect(keysLabel('Mod+Shift+Z', true)).toBe('⌘⇧Z');
    expect(keysLabel('Alt+ArrowUp', false)).toBe('Alt+↑');
    expect(keysLabel('Escape', true)).toBe('Esc');
    expect(keysOf('undo', false)).toBe('Ctrl+Z');
    expect(keysOf('redo', true)).toBe('⌘⇧Z');
  });

  it('plays, pauses, skips and syncs the recording with Ctrl+Space (the space bar named Space), F7-F9 and Ctrl+Enter', () => {
    expect(matchShortcut('player', press(' ', { ctrlKey: true }))).toBe('playPause');
    expect(matchShortcut('player', press(' ', { metaKey: true }))).toBe('playPause');
    expect(matchShortcut('player', press(' '))).toBeNull(); // a space alone is the browser's
    expect(matchShortcut('player', press(' ', { ctrlKey: true, shiftKey: true }))).toBe('syncTurn');
    expect(matchShortcut('player', press('F9'))).toBe('playPauseF9');
    expect(matchShortcut('player', press('F7'))).toBe('playBack');
    expect(matchShortcut('player', press('F8'))).toBe('playForward');
    expect(matchShortcut('player', press('Enter', { ctrlKey: true }))).toBe('playFromCursor');
    expect(matchShortcut('player', press('Enter', { ctrlKey: true, shiftKey: true }))).toBe('playSelection');
    expect(matchShortcut('player', press('ArrowUp', { ctrlKey: true, altKey: true }))).toBe('playFaster');
    expect(keysOf('playPause', false)).toBe('Ctrl+Space');
    expect(keysOf('playPause', true)).toBe('⌘Space');
  });

  it('lists every shortcut in the sheet, by scope, the same label once', () => {
    const sheet = shortcutSheet(false);
    expect(sheet.map((s) => s.scope)).toEqual(Object.keys(SCOPE_LABELS));
    const listed = sheet.flatMap((s) => s.rows.flatMap((r) => r.keys)).length;
    expect(listed).toBe(SHORTCUTS.length);
    const redo = sheet[0]!.rows.find((r) => r.label === 'Redo');
    expect(redo?.keys).toEqual(['Ctrl+Shift+Z', 'Ctrl+Y']);
  });
});
