// End to end in Chromium: the desktop window's application menu and the files the system asks
// the app to open, seen from the page. Electron itself cannot run here, so a stand-in for the
// preload's window.workbench (the same functions, kept in memory) records the menu the page
// shows and plays main's part: a menu item chosen, a .mirabal double-clicked. Main's side of
// both is tested with Electron mocked (tests/electron/main.test.ts).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MenuSpec } from '../../electron/contract';
import { installFakePreload } from './fakePreload';
import { screenshot, sharedPage, startApp, type App } from './harness';

let app: App;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

const choose = (page: Page, command: string) => page.evaluate((c) => (window as any).__main.choose(c), command);
const menus = (page: Page) => page.evaluate(() => (window as any).__main.state.menus.at(-1) as MenuSpec[] | undefined);
type CommandItem = Extract<MenuSpec['items'][number], { kind: 'command' }>;
async function item(page: Page, command: string): Promise<CommandItem | undefined> {
  return (await menus(page))?.flatMap((m) => m.items).find((i): i is CommandItem => i.kind === 'command' && i.command === command);
}

describe('the application menu', () => {
  const s = sharedPage(
    () => app,
    async ({ page }) => void (await page.getByLabel('New project name').waitFor()),
    installFakePreload,
  );

  it('shows File, Edit, View and Help, with what cannot be done on the projects screen greyed out', async () => {
    const { page, errors } = s;
    await expect.poll(async () => (await menus(page))?.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help']);
    await expect.poll(() => item(page, 'importTranscripts')).toMatchObject({ enabled: false });
    expect(await item(page, 'openSample')).toMatchObject({ enabled: true });
    expect(await item(page, 'undo')).toMatchObject({ label: 'Undo', accelerator: 'CmdOrCtrl+Z', enabled: false });
    expect(errors).toEqual([]);
  });

  it('opens the sample from File, and then offers what a project can do', async () => {
    const { page, errors } = s;
    await choose(page, 'openSample');
    await page.getByRole('tab', { name: 'Coding' }).waitFor();
    await expect.poll(() => item(page, 'importTranscripts')).toMatchObject({ enabled: true });
    expect(await item(page, 'exportQdpx')).toMatchObject({ enabled: true });
    expect(errors).toEqual([]);
  });

  it('goes to the Transcripts tab for File > Import transcripts…, and opens the import there', async () => {
    const { page, errors } = s;
    await page.getByRole('tab', { name: 'Coding' }).click();
    await choose(page, 'importTranscripts');
    await page.getByRole('dialog', { name: 'Import transcripts' }).waitFor();
    expect(await page.getByRole('tab', { name: 'Transcripts' }).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Escape');
    expect(errors).toEqual([]);
  });

  it('names the change Edit > Undo would undo, and undoes it', async () => {
    const { page, errors } = s;
    await page.getByRole('tab', { name: 'Codebook' }).click();
    await page.getByRole('button', { name: 'New code' }).click();
    await expect.poll(() => page.getByLabel('Code name').inputValue()).toBe('New code');
    await page.getByLabel('Code name').press('Enter');
    await expect.poll(async () => (await item(page, 'undo'))?.label ?? '').toMatch(/^Undo ./);
    const before = await page.getByRole('treeitem').count();
    await page.locator('.project-head h1').click(); // out of the text field
    await choose(page, 'undo');
    await expect.poll(() => page.getByRole('treeitem').count()).toBe(before - 1);
    await expect.poll(async () => (await item(page, 'redo'))?.enabled).toBe(true);
    expect(errors).toEqual([]);
  });

  it('opens the shortcut sheet and About from Help; About lists the licences of what the app is built from', async () => {
    const { page, errors } = s;
    await choose(page, 'shortcutSheet');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await page.keyboard.press('Escape');
    await choose(page, 'about');
    const about = page.getByRole('dialog', { name: 'About Mirabal Workbench' });
    await about.waitFor();
    await expect.poll(() => about.getByRole('list', { name: 'Licences' }).locator('li').count()).toBeGreaterThan(10);
    const text = await about.textContent();
    expect(text).toContain('Mirabal Workbench 0.1.0');
    expect(text).toContain('the desktop app');
    expect(text).toMatch(/dexie \S+ · Apache-2.0/);
    expect(text).toMatch(/react \S+ · MIT/);
    await about.getByText(/^lexical /).click();
    await expect.poll(() => about.locator('details[open] pre').textContent()).toContain('Permission is hereby granted');
    await screenshot(page, 'about');
    await page.keyboard.press('Escape');
    expect(errors).toEqual([]);
  });

  it('saves the archive from File, and a double-clicked archive is offered for restore, even from inside a project', async () => {
    const { page, errors } = s;
    await choose(page, 'saveArchive');
    await expect.poll(() => page.evaluate(() => (window as any).__main.state.saved.length)).toBe(1);
    const saved = await page.evaluate(() => (window as any).__main.state.saved[0].name as string);
    expect(saved).toBe('Sample study (fictional).mirabal');
    await page.evaluate(() => (window as any).__main.reopen(0));
    const dialog = page.getByRole('dialog', { name: `Restore ${saved}` });
    await expect.poll(() => dialog.textContent(), { timeout: 15_000 }).toMatch(/12 transcript\(s\)/);
    await screenshot(page, 'opened-archive');
    await dialog.getByRole('button', { name: 'Restore as a new project' }).click();
    await expect.poll(() => page.locator('.project-head h1').textContent()).toBe('Sample study (fictional) (2)');
    expect(errors).toEqual([]);
  });

  it('says which opened files could not be read, and what is not an archive or a .qdpx', async () => {
    const { page, errors } = s;
    await page.evaluate(() =>
      (window as any).__main.open(
        [{ name: 'notes.txt', bytes: [104, 105] }],
        ['Study.mirabal could not be opened: it is not there any more'],
      ),
    );
    const dialog = page.getByRole('dialog', { name: 'Some files could not be opened' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Study.mirabal could not be opened: it is not there any more');
    expect(await dialog.textContent()).toContain('notes.txt is not a project archive (.mirabal) or a .qdpx.');
    await dialog.locator('.modal-foot').getByRole('button', { name: 'Close' }).click();
    expect(errors).toEqual([]);
  });

  it('waits for work still running before the window closes, saying what it waits for', async () => {
    const { page, errors } = s;
    await page.evaluate(() => ((window as any).__holdSave = true));
    await choose(page, 'saveArchive');
    await page.getByRole('button', { name: 'Saving…' }).waitFor();
    await page.evaluate(() => (window as any).__main.close());
    const waiting = page.getByRole('dialog', { name: 'Finishing before the window closes' });
    await waiting.waitFor();
    expect(await waiting.textContent()).toContain('Saving the archive…');
    await screenshot(page, 'closing-waits');
    const ready = () => page.evaluate(() => (window as any).__main.state.readyAt as string[]);
    await page.waitForTimeout(500);
    expect(await ready()).toEqual([]); // not while the save is under way
    await page.evaluate(() => (window as any).__releaseSave());
    await expect.poll(ready, { timeout: 20_000 }).toHaveLength(1);
    await waiting.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => (window as any).__main.state.saved.length)).toBe(2);
    expect(errors).toEqual([]);
  });
});
