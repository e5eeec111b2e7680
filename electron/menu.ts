// The application menu. The page describes it (renderer/core/commands: its labels, its keys from
// the shortcut registry, which items can run now) and sends it over menu:set; main checks it
// (validate.ts) and shows it. A chosen command goes back to the page as MENU_COMMAND, where the
// same action runs as for its keyboard shortcut.
import type { Menu, MenuItemConstructorOptions } from 'electron';
import type { MenuItemSpec, MenuSpec } from './contract.js';

/** Until the page has sent its menu (it is still loading): the platform's own items only. */
export const STARTING_MENU: MenuSpec[] = [
  { label: 'File', items: [{ kind: 'role', role: 'quit' }] },
  {
    label: 'Edit',
    items: [
      { kind: 'role', role: 'cut' },
      { kind: 'role', role: 'copy' },
      { kind: 'role', role: 'paste' },
      { kind: 'role', role: 'selectAll' },
    ],
  },
  { label: 'View', items: [{ kind: 'role', role: 'togglefullscreen' }] },
];

function itemTemplate(item: MenuItemSpec, send: (command: string) => void): MenuItemConstructorOptions {
  if (item.kind === 'separator') return { type: 'separator' };
  if (item.kind === 'role') return { role: item.role };
  return {
    label: item.label,
    enabled: item.enabled,
    ...(item.accelerator
      ? {
          accelerator: item.accelerator,
          // Shown, not taken: the key press reaches the page, whose own handler knows whether
          // the focus is in a text field (Ctrl+Z there undoes typing, not the last coding).
          registerAccelerator: false,
        }
      : {}),
    click: () => send(item.command),
  };
}

/**
 * Electron's template for the page's menus. On a Mac the first menu is the app's own (About,
 * Hide, Quit), as every Mac app has; elsewhere the menus are the page's alone.
 */
export function menuTemplate(menus: MenuSpec[], mac: boolean, send: (command: string) => void): MenuItemConstructorOptions[] {
  const own = menus.map((m): MenuItemConstructorOptions => ({ label: m.label, submenu: m.items.map((i) => itemTemplate(i, send)) }));
  return mac ? [{ role: 'appMenu' }, ...own] : own;
}

export type MenuApi = Pick<typeof Menu, 'buildFromTemplate' | 'setApplicationMenu'>;

/** Shows the menus as the application menu. */
export function showMenu(api: MenuApi, menus: MenuSpec[], mac: boolean, send: (command: string) => void): void {
  api.setApplicationMenu(api.buildFromTemplate(menuTemplate(menus, mac, send)));
}
