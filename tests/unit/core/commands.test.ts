import { describe, expect, it } from 'vitest';
import { MENU_COMMANDS, MENU_ROLES } from '../../../electron/contract';
import { validateSetMenuArgs } from '../../../electron/validate';
import { acceleratorOf, applicationMenu, COMMANDS, menuCommands, type CommandId } from '../../../renderer/core/commands';
import { SHORTCUTS } from '../../../renderer/core/shortcuts';

const all = () => true;

describe('the application menu', () => {
  it('has File, Edit, View and Help, with the items a desktop app has', () => {
    const menus = applicationMenu(all, { mac: false });
    expect(menus.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help']);
    const labels = (i: number) =>
      menus[i]!.items.map((item) => (item.kind === 'command' ? item.label : item.kind === 'role' ? `<${item.role}>` : '-'));
    expect(labels(0)).toEqual([
      'New project…',
      'Open sample project',
      '-',
      'Import transcripts…',
      'Import .qdpx…',
      '-',
      'Save archive…',
      'Restore archive…',
      'Export .qdpx…',
      '-',
      '<quit>',
    ]);
    expect(labels(1)).toEqual(['Undo', 'Redo', '-', '<cut>', '<copy>', '<paste>', '<selectAll>']);
    expect(labels(2)).toEqual(['<resetZoom>', '<zoomIn>', '<zoomOut>', '-', '<togglefullscreen>']);
    expect(labels(3)).toEqual(['Keyboard shortcuts', '-', 'About Mirabal Workbench']);
  });

  it('takes its keys from the shortcut registry, so the menu and the sheet agree', () => {
    const items = applicationMenu(all, { mac: false }).flatMap((m) => m.items);
    const keysOf = (command: CommandId) => items.find((i) => i.kind === 'command' && i.command === command);
    expect(keysOf('undo')).toMatchObject({ accelerator: 'CmdOrCtrl+Z' });
    expect(keysOf('redo')).toMatchObject({ accelerator: 'CmdOrCtrl+Shift+Z' });
    expect(keysOf('shortcutSheet')).toMatchObject({ accelerator: 'F1' });
    for (const command of Object.values(COMMANDS)) {
      if (!command.shortcut) continue;
      const shortcut = SHORTCUTS.find((s) => s.id === command.shortcut);
      expect(shortcut, command.id).toBeDefined();
      expect(keysOf(command.id)).toMatchObject({ accelerator: acceleratorOf(shortcut!.keys) });
    }
  });

  it('greys out what no view can do now, and names what Undo would undo', () => {
    const menus = applicationMenu((id) => id !== 'exportQdpx', { mac: false, labels: { undo: 'Undo Apply code' } });
    const items = menus.flatMap((m) => m.items);
    expect(items.find((i) => i.kind === 'command' && i.command === 'exportQdpx')).toMatchObject({ enabled: false });
    expect(items.find((i) => i.kind === 'command' && i.command === 'undo')).toMatchObject({ label: 'Undo Apply code', enabled: true });
  });

  it('leaves Quit to the app menu on a Mac, without a separator left hanging', () => {
    const file = applicationMenu(all, { mac: true })[0]!;
    expect(file.items.some((i) => i.kind === 'role' && i.role === 'quit')).toBe(false);
    expect(file.items.at(-1)).toMatchObject({ kind: 'command', command: 'exportQdpx' });
  });

  it('is what main accepts: the same commands and roles as the contract, passing its checks', () => {
    expect([...menuCommands()].sort()).toEqual([...MENU_COMMANDS].sort());
    expect(Object.keys(COMMANDS).sort()).toEqual([...MENU_COMMANDS].sort());
    for (const mac of [false, true]) {
      const menus = applicationMenu((id) => id.length % 2 === 0, { mac, labels: { redo: 'Redo Rename code' } });
      expect(validateSetMenuArgs({ menus })).toEqual({ menus });
      for (const item of menus.flatMap((m) => m.items)) if (item.kind === 'role') expect(MENU_ROLES).toContain(item.role);
    }
  });
});

describe('acceleratorOf', () => {
  it.each([
    ['Mod+Z', 'CmdOrCtrl+Z'],
    ['Mod+Shift+Z', 'CmdOrCtrl+Shift+Z'],
    ['Alt+ArrowUp', 'Alt+Up'],
    ['F1', 'F1'],
    ['Escape', 'Esc'],
    ['Delete', 'Delete'],
    ['?', undefined],
    ['Alt', undefined],
  ])('%s is %s', (keys, accelerator) => {
    expect(acceleratorOf(keys)).toBe(accelerator);
  });
});
