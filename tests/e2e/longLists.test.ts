// Long tables are drawn a screenful at a time (VirtualBody): 320 transcripts of 320 new
// participants, imported through the dialog; the import review, the transcripts table, the
// participants sheet, retrieval and the disagreements of two coders draw far fewer rows than they hold, scrolling brings the last one into view, and a screen
// reader is told the whole count.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pick, screenshot, startApp, type App } from './harness';

let app: App;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

const COUNT = 320;
const name = (i: number) => `W${String(i).padStart(3, '0')}`;

describe('long tables', () => {
  it('draws 320 transcripts and 320 participants a screenful at a time, and scrolls to the last', async () => {
    const { page, errors } = await app.newPage();
    await page.getByLabel('New project name').fill('Ten sites');
    await page.getByRole('button', { name: 'Create project' }).click();
    await page.getByRole('heading', { name: 'Ten sites' }).waitFor();
    await page.getByRole('button', { name: 'Import transcripts…' }).click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choose files…' }).click();
    await (
      await chooser
    ).setFiles(
      Array.from({ length: COUNT }, (_, i) => ({
        name: `${name(i + 1)} T1.txt`,
        mimeType: 'text/plain',
        buffer: Buffer.from(
          `Interviewer: How was it?\n${name(i + 1)}: It helped, mostly.\nInterviewer: Anything else?\n${name(i + 1)}: No.\n`,
          'utf8',
        ),
      })),
    );
    const importButton = page.getByRole('button', { name: `Import ${COUNT} transcripts` });
    await expect.poll(() => importButton.isEnabled(), { timeout: 60_000 }).toBe(true);
    // The review of 320 files is drawn a screenful at a time too, the last file in reach.
    const review = page.locator('table.batch');
    await expect.poll(() => review.getAttribute('aria-rowcount')).toBe(String(COUNT + 1));
    expect(await review.locator('tbody tr:not(.virtual-spacer)').count()).toBeLessThan(120);
    await page.locator('.modal-body.import').evaluate((pane) => pane.scrollTo(0, pane.scrollHeight));
    await page.getByLabel(`Participant for ${name(COUNT)} T1.txt`).waitFor();
    expect(await page.getByLabel(`Participant for ${name(COUNT)} T1.txt`).inputValue()).toBe(name(COUNT));
    // One speaker label per participant: 321 roles to set, drawn the same way.
    await expect.poll(() => page.locator('table.speaker-roles').getAttribute('aria-rowcount')).toBe(String(COUNT + 2));
    expect(await page.locator('table.speaker-roles tbody tr:not(.virtual-spacer)').count()).toBeLessThan(120);
    await screenshot(page, 'long-import-review');
    await importButton.click();
    await page.getByRole('dialog').waitFor({ state: 'detached', timeout: 60_000 });

    const sources = page.locator('table.sources');
    await expect.poll(() => sources.getAttribute('aria-rowcount')).toBe(String(COUNT + 1));
    const drawn = await sources.locator('tbody tr:not(.virtual-spacer)').count();
    expect(drawn).toBeGreaterThan(5);
    expect(drawn).toBeLessThan(120);
    await expect.poll(() => page.getByRole('button', { name: `${name(COUNT)} T1`, exact: true }).count()).toBe(0);
    await page.locator('aside.source-list').evaluate((pane) => pane.scrollTo(0, pane.scrollHeight));
    await page.getByRole('button', { name: `${name(COUNT)} T1`, exact: true }).waitFor();
    expect(
      await page
        .getByRole('button', { name: `${name(COUNT)} T1`, exact: true })
        .locator('xpath=ancestor::tr')
        .getAttribute('aria-rowindex'),
    ).toBe(String(COUNT + 1));
    // A row drawn after scrolling works as any other: open the transcript.
    await page.getByRole('button', { name: `${name(COUNT)} T1`, exact: true }).click();
    await page.getByRole('article', { name: `Transcript ${name(COUNT)} T1` }).waitFor();
    await screenshot(page, 'long-transcripts');

    await page.getByRole('tab', { name: 'Participants' }).click();
    const people = page.locator('table.participants');
    await expect.poll(() => people.getAttribute('aria-rowcount')).toBe(String(COUNT + 1));
    expect(await people.locator('tbody tr:not(.virtual-spacer)').count()).toBeLessThan(120);
    await expect.poll(() => page.getByLabel(`Pseudonym of ${name(COUNT)}`).count()).toBe(0);
    await page.locator('section.sheet').evaluate((pane) => pane.scrollTo(0, pane.scrollHeight));
    await page.getByLabel(`Pseudonym of ${name(COUNT)}`).waitFor();
    await screenshot(page, 'long-participants');

    // 320 passages: every hit of a search auto-coded, then retrieved.
    await page.getByRole('tab', { name: 'Search' }).click();
    const box = page.getByLabel('Search the transcripts');
    await box.fill('helped');
    await box.press('Enter');
    await page.getByRole('button', { name: 'Auto-code…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Auto-code the hits' });
    const code = dialog.getByLabel('Code to apply');
    const codeName = (await code.evaluate((el) => [...(el as HTMLSelectElement).options].find((o) => o.value)!.text)).trim();
    await code.selectOption({ label: codeName });
    await dialog.getByRole('button', { name: `Code ${COUNT} passages` }).click({ timeout: 60_000 });
    await expect
      .poll(() => page.getByRole('status', { name: 'Auto-coded' }).textContent(), { timeout: 60_000 })
      .toMatch(/^Coded 320 passages/);
    await page.getByRole('tab', { name: 'Retrieval' }).click();
    await page.getByLabel('Code to retrieve').selectOption({ label: codeName });
    const list = page.locator('ol.passages');
    await expect.poll(() => page.locator('.retrieval [role=status]').textContent()).toMatch(/^320 passage\(s\) from 320 participant/);
    expect(await list.locator('li').count()).toBeLessThan(120);
    expect(await list.locator('li').first().getAttribute('aria-setsize')).toBe(String(COUNT));
    await page.locator('section.retrieval').evaluate((pane) => pane.scrollTo(0, pane.scrollHeight));
    await expect.poll(() => list.locator(`li[aria-posinset="${COUNT}"]`).textContent()).toMatch(new RegExp(name(COUNT)));
    await screenshot(page, 'long-retrieval');

    // A second coder marks a word of the same turns with the same code: in every transcript a
    // passage where the two differ, listed a screenful at a time.
    await page.getByRole('tab', { name: 'Search' }).click();
    await box.fill('mostly');
    await box.press('Enter');
    await page.getByRole('button', { name: 'Auto-code…' }).click();
    await dialog.getByLabel('Code to apply').selectOption({ label: codeName });
    await dialog.getByLabel('How much to code').selectOption('word');
    await dialog.getByLabel('Coder name').fill('Second coder');
    await dialog.getByRole('button', { name: `Code ${COUNT} passages` }).click({ timeout: 60_000 });
    await expect
      .poll(() => page.getByRole('status', { name: 'Auto-coded' }).textContent(), { timeout: 60_000 })
      .toMatch(/^Coded 320 passages/);
    await page.getByRole('tab', { name: 'Agreement' }).click();
    const differ = page.getByRole('list', { name: 'Passages where the coders differ' });
    const heading = page.getByRole('region', { name: 'Disagreements' }).getByRole('heading', { level: 3 });
    await expect.poll(() => heading.textContent(), { timeout: 60_000 }).toMatch(/^Disagreements \(\d+/);
    const total = Number(/\((\d+)/.exec((await heading.textContent())!)![1]);
    expect(total).toBeGreaterThanOrEqual(COUNT);
    // Items are drawn once the list is in view (it starts below the agreement tables).
    await heading.scrollIntoViewIfNeeded();
    await expect.poll(() => differ.locator('li.disagreement').first().getAttribute('aria-setsize')).toBe(String(total));
    expect(await differ.locator('li.disagreement').count()).toBeLessThan(60);
    await expect
      .poll(async () => {
        await page.locator('section.agreement').evaluate((pane) => pane.scrollTo(0, pane.scrollHeight));
        return differ.locator(`li[aria-posinset="${total}"]`).count();
      })
      .toBe(1);
    await differ.locator(`li[aria-posinset="${total}"]`).scrollIntoViewIfNeeded();
    await screenshot(page, 'long-disagreements');
    // The table by transcript, a row per transcript, is drawn the same way.
    const byTranscript = page.getByRole('table', { name: 'By transcript', exact: true });
    await expect.poll(() => byTranscript.getAttribute('aria-rowcount')).toBe(String(COUNT + 1));
    expect(await byTranscript.locator('tbody tr:not(.virtual-spacer)').count()).toBeLessThan(120);
    expect(errors).toEqual([]);
  }, 180_000);
});

describe('a long codebook', () => {
  // 25 themes of 15 sub-codes each: 400 codes, as a grounded-theory codebook grows to (above
  // ALL_BELOW, so the tree is windowed).
  const THEMES = 25;
  const SUBS = 15;
  const theme = (t: number) => `Theme ${String(t).padStart(2, '0')}`;
  const sub = (t: number, s: number) => `Sub ${String(t).padStart(2, '0')}.${String(s).padStart(2, '0')}`;

  it('draws a tree of 400 codes a screenful at a time, and keyboard moves reach codes drawn out of view', async () => {
    const { page, errors } = await app.newPage();
    await page.getByLabel('New project name').fill('Big codebook');
    await page.getByLabel('Start with').selectOption('empty');
    await page.getByRole('button', { name: 'Create project' }).click();
    await page.getByRole('tab', { name: 'Codebook' }).click();
    const lines = ['path,name'];
    for (let t = 1; t <= THEMES; t += 1) {
      lines.push(`${theme(t)},${theme(t)}`);
      for (let s = 1; s <= SUBS; s += 1) lines.push(`${theme(t)} / ${sub(t, s)},${sub(t, s)}`);
    }
    await pick(page, 'Import…', { name: 'big.csv', bytes: new TextEncoder().encode(lines.join('\n')) });
    const tree = page.getByRole('tree', { name: 'Codes' });
    await expect.poll(() => tree.getByRole('treeitem', { name: new RegExp(theme(1)) }).count()).toBe(1);
    const drawn = await tree.getByRole('treeitem').count();
    expect(drawn).toBeGreaterThan(5);
    expect(drawn).toBeLessThan(120);
    // A tree's place is among siblings: the first theme is 1 of 25, its first sub-code 1 of 15.
    const first = tree.getByRole('treeitem', { name: new RegExp(theme(1)) });
    expect(await first.getAttribute('aria-posinset')).toBe('1');
    expect(await first.getAttribute('aria-setsize')).toBe(String(THEMES));
    const firstSub = tree.getByRole('treeitem', { name: new RegExp(sub(1, 1).replace('.', '\\.')) });
    expect([await firstSub.getAttribute('aria-level'), await firstSub.getAttribute('aria-setsize')]).toEqual(['2', String(SUBS)]);

    // Found by name, the last code is scrolled into the drawn window and takes the focus.
    const last = sub(THEMES, SUBS);
    expect(await tree.getByRole('treeitem', { name: new RegExp(last.replace('.', '\\.')) }).count()).toBe(0);
    await page.getByLabel('Find code').fill(last);
    await page.getByLabel('Find code').press('Enter');
    await expect.poll(() => page.getByLabel('Code name').inputValue()).toBe(last);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toContain(last);
    // Up from there, then a reorder by keyboard: the moved code keeps the focus.
    await page.keyboard.press('ArrowUp');
    const before = sub(THEMES, SUBS - 1);
    await expect.poll(() => page.getByLabel('Code name').inputValue()).toBe(before);
    await page.keyboard.press('Alt+ArrowDown');
    const moved = tree.getByRole('treeitem', { name: new RegExp(before.replace('.', '\\.')) });
    await expect.poll(() => moved.getAttribute('aria-posinset')).toBe(String(SUBS));
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toContain(before);
    // Back to the top: the first theme is drawn again, and the window stays a screenful.
    await page.getByLabel('Find code').fill(theme(1));
    await page.getByLabel('Find code').press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toContain(theme(1));
    expect(await tree.getByRole('treeitem').count()).toBeLessThan(120);
    await screenshot(page, 'long-codebook');
    expect(errors).toEqual([]);
  }, 120_000);
});
