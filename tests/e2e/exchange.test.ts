// End to end in Chromium: export the sample project as .qdpx, import that file as a new
// project, bring a second coder's file into it as their layer (and undo it), refuse a bad
// file, and move a codebook in and out as REFI-QDA .qdc.
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyCoding } from '../../renderer/core/coding/codingOps';
import { readQdpx, writeQdpx } from '../../renderer/io/qdpx';
import { refiSample, validate } from '../fixtures/refi';
import { download, pick, screenshot, sharedPage, startApp, type App } from './harness';

let app: App;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

type Saved = Awaited<ReturnType<typeof download>>;

describe('exchange through REFI-QDA', () => {
  describe('exports the sample, imports it as a new project, merges a second coder, refuses a bad file', () => {
    const workers: string[] = [];
    const s = sharedPage(
      () => app,
      async ({ page }) => {
        page.on('worker', (w) => workers.push(w.url()));
        await page.getByRole('button', { name: 'Open sample project' }).click();
        await page.getByRole('tab', { name: 'Project' }).click();
      },
    );
    let exported: Saved;
    let benFile: Uint8Array;
    const merge = () => s.page.getByRole('dialog', { name: 'Import coding from ben.qdpx' });

    it('exports the project as a .qdpx that validates, after a preview', async () => {
      const { page, errors } = s;
      await page.getByRole('button', { name: 'Export project (.qdpx, unredacted)…' }).click();
      const preview = page.getByRole('dialog', { name: 'Export project (.qdpx)' });
      // Only the survey, which REFI-QDA has no place for (the survey-only women go as cases).
      await expect
        .poll(() => preview.getByRole('region', { name: 'Stays behind' }).locator('li').allTextContents())
        .toEqual([expect.stringMatching(/^the survey: [\d,]+ answers from 30 people to 14 items at 6 time points/)]);
      exported = await download(page, () => preview.getByRole('button', { name: 'Export .qdpx' }).click());
      expect(exported.name).toBe('Sample study (fictional).qdpx');
      await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/Exported 12 transcripts, \d+ codes and 246 codings/);
      expect(validate(strFromU8(unzipSync(exported.bytes)['project.qde']!), 'Project-mrt2019.xsd').valid).toBe(true);
      expect(workers.some((url) => /qdpxWorker/.test(url))).toBe(true); // loaded and written off the main thread
      expect(errors).toEqual([]);
    });

    it('imports that file as a new project from the projects screen, read and written off the main thread', async () => {
      const { page, errors } = s;
      await page.getByRole('button', { name: '← Projects' }).click();
      await pick(page, 'Import .qdpx…', { name: 'sample.qdpx', bytes: exported.bytes });
      const dialog = page.getByRole('dialog', { name: 'Import sample.qdpx' });
      await expect
        .poll(() => dialog.textContent())
        .toMatch(/12 transcripts \(12 coded\).*34 participants.*246 codings by 2 coders: Ana \(coder A\), Ben \(coder B\)/);
      await screenshot(page, 'exchange-import-project');
      expect(workers.some((url) => /qdpxWorker/.test(url))).toBe(true); // read off the main thread
      await dialog.getByRole('button', { name: 'Create project' }).click();
      await expect.poll(() => page.locator('.project-head h1').textContent()).toBe('Sample study (fictional) 2');
      await expect.poll(() => page.locator('table.grid tbody tr').count()).toBe(12);
      expect(errors).toEqual([]);
    });

    it("brings a second coder's file in as their layer, after a preview", async () => {
      const { page, errors } = s;
      // Ben codes one more passage on his machine and sends his file.
      const shared = (await readQdpx(exported.bytes, 'sample.qdpx')).project;
      const ben = shared.coders.find((c) => c.name.startsWith('Ben'))!;
      const source = shared.sources.find((s) => s.title.includes('Ruth'))!;
      const code = shared.codes.find((c) => c.name.startsWith('Shared parenting') || c.parentId !== null)!;
      const start = source.text.indexOf('\n') + 1;
      const change = applyCoding(
        shared.codings,
        { sourceId: source.id, codeId: code.id, coderId: ben.id, start, end: start + 30 },
        source.text.length,
        code.name,
        () => crypto.randomUUID(),
        1,
      );
      benFile = await writeQdpx({
        ...shared,
        codings: [...shared.codings, ...change.changes.map((c) => c.after as (typeof shared.codings)[number])],
      });

      await page.getByRole('tab', { name: 'Project' }).click();
      await pick(page, "Import another coder's work (.qdpx)…", { name: 'ben.qdpx', bytes: benFile });
      await expect.poll(() => merge().textContent()).toMatch(/12 transcripts matched by their text/);
      await expect.poll(() => merge().textContent()).toMatch(/Ben \(coder B\): 1 coding to add, \d+ already here/);
      await screenshot(page, 'exchange-merge-preview');
      await merge().getByRole('button', { name: 'Import 1 coding' }).click();
      await merge().waitFor({ state: 'detached' });
      await expect
        .poll(() => page.getByRole('status').first().textContent())
        .toMatch(/Imported from ben\.qdpx: 1 coding added, 246 already here/);
      await expect
        .poll(() => page.getByRole('button', { name: 'Undo' }).getAttribute('title'))
        .toBe('Undo: Import coding from ben.qdpx (Ctrl+Z)');
      await screenshot(page, 'exchange-merged');
      expect(errors).toEqual([]);
    });

    it('takes the layer back out with Undo: the same file again has one coding to add', async () => {
      const { page, errors } = s;
      await page.getByRole('button', { name: 'Undo' }).click();
      await expect.poll(() => page.getByRole('button', { name: 'Undo' }).getAttribute('title')).not.toMatch(/ben\.qdpx/);
      await pick(page, "Import another coder's work (.qdpx)…", { name: 'ben.qdpx', bytes: benFile });
      await expect.poll(() => merge().getByRole('button', { name: 'Import 1 coding' }).count()).toBe(1);
      await merge().getByRole('button', { name: 'Cancel' }).click();
      expect(errors).toEqual([]);
    });

    it('plans again when the transcripts this project lacks are to be added too, the button waiting meanwhile', async () => {
      const { page, errors } = s;
      // Ben's file now also holds an interview this project does not have, with one coding on it.
      const shared = await readQdpx(benFile, 'ben.qdpx');
      const ben = shared.project.coders.find((c) => c.name.startsWith('Ben'))!;
      const code = shared.project.codes[0]!;
      const text = 'Interviewer: Anything else?\nKai: Only that the group helped.';
      const extra = { ...shared.project.sources[0]!, id: crypto.randomUUID(), title: 'Kai T1', text, turns: [] };
      const onExtra = { ...shared.project.codings[0]!, id: crypto.randomUUID(), sourceId: extra.id, codeId: code.id, coderId: ben.id };
      const withExtra = await writeQdpx({
        ...shared.project,
        sources: [...shared.project.sources, extra],
        codings: [...shared.project.codings, { ...onExtra, start: text.indexOf('Only'), end: text.length }],
      });
      await pick(page, "Import another coder's work (.qdpx)…", { name: 'ben.qdpx', bytes: withExtra });
      await expect.poll(() => merge().textContent()).toMatch(/1 not in this project/);
      await expect.poll(() => merge().getByRole('button', { name: 'Import 1 coding' }).count()).toBe(1);
      await merge()
        .getByRole('checkbox', { name: /Also add the 1 transcript/ })
        .check();
      await expect.poll(() => merge().textContent()).toMatch(/1 added/);
      await expect.poll(() => merge().getByRole('button', { name: 'Import 2 codings' }).isEnabled()).toBe(true);
      await screenshot(page, 'exchange-merge-add-transcripts');
      await merge().getByRole('button', { name: 'Cancel' }).click();
      expect(errors).toEqual([]);
    });

    it('refuses a file that is not a .qdpx, saying why, and changes nothing', async () => {
      const { page, errors } = s;
      await pick(page, "Import another coder's work (.qdpx)…", { name: 'notes.qdpx', bytes: new TextEncoder().encode('just some notes') });
      await expect
        .poll(() => page.getByRole('alert').textContent())
        .toMatch(/notes\.qdpx: is not a \.qdpx project: it is not a zip archive/);
      expect(errors).toEqual([]);
    });
  });

  describe('says what stays behind before exporting, and the consensus layer comes back as the consensus layer', () => {
    const s = sharedPage(
      () => app,
      async ({ page }) => {
        await page.getByRole('button', { name: 'Open sample project' }).click();
        await page.getByRole('button', { name: 'Coder' }).click();
        await page
          .getByRole('dialog')
          .getByRole('button', { name: /Ana \(coder A\)/ })
          .click();
        await page.getByRole('dialog').waitFor({ state: 'detached' });
      },
    );
    const methods = () => s.page.locator('blockquote.methods');
    let exported: Saved;

    it('resolves a disagreement into the consensus layer', async () => {
      const { page, errors } = s;
      // One disagreement resolved into the consensus layer (a Consensus coder and a decision) …
      await page.getByRole('tab', { name: 'Agreement' }).click();
      await expect.poll(() => methods().textContent()).toMatch(/^Two coders \(Ana \(coder A\) and Ben \(coder B\)\)/);
      const first = page.getByRole('region', { name: 'Disagreements' }).locator('li.disagreement').first();
      await first.getByLabel('Why').fill('Ana coded the whole account.');
      await first.getByRole('button', { name: /^Take Ana/ }).click();
      await expect.poll(() => page.getByRole('button', { name: 'Undo' }).getAttribute('title')).toMatch(/Consensus:/);
      expect(errors).toEqual([]);
    });

    it('saves a redaction list entry', async () => {
      const { page, errors } = s;
      // … and a redaction list entry: app-only work a .qdpx has no place for.
      await page.getByRole('tab', { name: 'Quotes' }).click();
      await page.getByRole('tab', { name: 'Style & redaction' }).click();
      await page.getByLabel('Identifier 1', { exact: true }).fill('Ellie');
      await page.getByLabel('Replacement 1', { exact: true }).fill("[child's name]");
      await page.getByRole('button', { name: 'Save redaction list' }).click();
      await expect.poll(() => page.getByRole('status').filter({ hasText: 'Redaction list saved.' }).count()).toBe(1);
      expect(errors).toEqual([]);
    });

    it('says what stays behind before exporting, and names the consensus layer in a file that validates', async () => {
      const { page, errors } = s;
      await page.getByRole('tab', { name: 'Project' }).click();
      await page.getByRole('button', { name: 'Export project (.qdpx, unredacted)…' }).click();
      const preview = page.getByRole('dialog', { name: 'Export project (.qdpx)' });
      await expect.poll(() => preview.textContent()).toMatch(/247 codings by 2 coders and the consensus layer/);
      const behind = preview.getByRole('region', { name: 'Stays behind' });
      await expect
        .poll(() => behind.locator('li').allTextContents())
        .toEqual([
          '1 redaction list entry',
          '1 consensus decision in the decision log (who, when, why)',
          expect.stringMatching(/^the survey: /),
        ]);
      await screenshot(page, 'exchange-export-preview');
      exported = await download(page, () => preview.getByRole('button', { name: 'Export .qdpx' }).click());
      await expect
        .poll(() => page.getByRole('status').first().textContent())
        .toMatch(/Not in the file: 1 redaction list entry; 1 consensus decision/);
      const xml = strFromU8(unzipSync(exported.bytes)['project.qde']!);
      expect(validate(xml, 'Project-mrt2019.xsd').valid).toBe(true);
      expect(xml).toMatch(/<Note guid="[^"]+" name="Consensus layer"[^>]*>/);
      expect(errors).toEqual([]);
    });

    it('imports that file as a new project with two coders and the consensus layer, not three coders', async () => {
      const { page, errors } = s;
      await page.getByRole('button', { name: '← Projects' }).click();
      await pick(page, 'Import .qdpx…', { name: 'with-consensus.qdpx', bytes: exported.bytes });
      const dialog = page.getByRole('dialog', { name: 'Import with-consensus.qdpx' });
      await expect
        .poll(() => dialog.textContent())
        .toMatch(/247 codings by 2 coders: Ana \(coder A\), Ben \(coder B\), and the consensus layer \(Consensus\)/);
      await dialog.getByRole('button', { name: 'Create project' }).click();
      await expect.poll(() => page.locator('.project-head h1').textContent()).toBe('Sample study (fictional) 2');
      await page.getByRole('tab', { name: 'Agreement' }).click();
      const chosen = page.getByRole('group', { name: 'Coders' });
      await expect.poll(() => chosen.getByLabel('Consensus').isChecked()).toBe(false);
      expect(await chosen.getByLabel('Ben (coder B)').isChecked()).toBe(true);
      await expect.poll(() => methods().textContent()).toMatch(/^Two coders \(Ana \(coder A\) and Ben \(coder B\)\)/);
      await screenshot(page, 'exchange-consensus-reimported');
      expect(errors).toEqual([]);
    });

    it("previews the same file as another coder's work: its consensus layer is this project's, not a new coder", async () => {
      const { page, errors } = s;
      await page.getByRole('tab', { name: 'Project' }).click();
      await pick(page, "Import another coder's work (.qdpx)…", { name: 'with-consensus.qdpx', bytes: exported.bytes });
      const merge = page.getByRole('dialog', { name: 'Import coding from with-consensus.qdpx' });
      await expect.poll(() => merge.textContent()).toMatch(/Consensus \(consensus layer\): 0 codings to add, 1 already here/);
      await screenshot(page, 'exchange-consensus-merge');
      await merge.getByRole('button', { name: 'Cancel' }).click();
      expect(errors).toEqual([]);
    });
  });

  it('refuses a file that is not a .qdpx from the projects screen, saying why, and creates nothing', async () => {
    const { page, errors } = await app.newPage();
    await pick(page, 'Import .qdpx…', { name: 'notes.qdpx', bytes: new TextEncoder().encode('just some notes') });
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/notes\.qdpx: is not a \.qdpx project: it is not a zip archive/);
    await screenshot(page, 'exchange-import-refused');
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await page.locator('table.projects').count()).toBe(0);
    // The button is free again for the right file.
    expect(await page.getByRole('button', { name: 'Import .qdpx…' }).isEnabled()).toBe(true);
    expect(errors).toEqual([]);
  });

  it('shows what an ATLAS.ti project brings and what it cannot, before anything is created', async () => {
    const { page, errors } = await app.newPage();
    await pick(page, 'Import .qdpx…', { name: 'atlas.qdpx', bytes: refiSample('atlasti-mac-8.4.0__TestProject.qdpx') });
    const dialog = page.getByRole('dialog', { name: 'Import atlas.qdpx' });
    await expect.poll(() => dialog.textContent()).toMatch(/ATLAS\.ti standard project.*0 transcripts.*14 codes.*2 memos/);
    await expect.poll(() => dialog.textContent()).toMatch(/16 sets of transcripts or codes: Mabel, gender: male, Simon/);
    await expect
      .poll(() => dialog.getByRole('region', { name: 'Not imported' }).textContent())
      .toMatch(
        /8 text sources not imported because the archive does not hold its text.*The video recording "1994 Diet Coke-Diet Coke Break.mp4" is named/,
      );
    await screenshot(page, 'exchange-import-warnings');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => page.getByText('No projects yet.').count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('imports a .qdc codebook from ATLAS.ti and exports one that validates', async () => {
    const { page, errors } = await app.newPage();
    await page.getByLabel('New project name').fill('Codebook exchange');
    await page.getByLabel('Start with').selectOption('empty');
    await page.getByRole('button', { name: 'Create project' }).click();
    await page.getByRole('tab', { name: 'Codebook' }).click();
    await pick(page, 'Import…', { name: 'atlas.qdc', bytes: refiSample('atlasti-win-23.4.0__codebook_from-requal-test.qdc') });
    await expect.poll(() => page.locator('.codebook-tree').textContent()).toMatch(/code1/);
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/1 code set \("code group 1"\) not kept/);
    await screenshot(page, 'exchange-qdc-import');
    const qdc = await download(page, () => page.getByRole('button', { name: 'Export .qdc' }).click());
    expect(qdc.name).toBe('codebook.qdc');
    const xml = strFromU8(qdc.bytes);
    expect(xml).toContain('name="code1"');
    expect(validate(xml, 'Codebook-mrt2019.xsd').valid).toBe(true);
    expect(errors).toEqual([]);
  });

  it('warns in the preview of a transcript with emoji, and exports for NVivo in UTF-16 units, named as such', async () => {
    const { page, errors } = await app.newPage();
    await page.getByLabel('New project name').fill('Emoji study');
    await page.getByLabel('Start with').selectOption('empty');
    await page.getByRole('button', { name: 'Create project' }).click();
    await page.getByRole('button', { name: 'Import transcripts…' }).click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choose files…' }).click();
    const text = 'Interviewer: How was it?\nMaria: Better now 🙂 we talk. Then he left.\n';
    await (await chooser).setFiles([{ name: 'Maria_T1.txt', mimeType: 'text/plain', buffer: Buffer.from(text) }]);
    await page.getByRole('button', { name: 'Import 1 transcript' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: 'Project' }).click();
    await page.getByRole('button', { name: 'Export project (.qdpx, unredacted)…' }).click();
    const preview = page.getByRole('dialog', { name: 'Export project (.qdpx)' });
    await expect
      .poll(() => preview.getByRole('note').last().textContent())
      .toMatch(/1 transcript \(Maria_T1\) holds emoji or other characters outside the Basic Multilingual Plane.*use Export for NVivo/);
    await screenshot(page, 'exchange-export-nvivo');
    const file = await download(page, () => preview.getByRole('button', { name: 'Export for NVivo' }).click());
    expect(file.name).toBe('Emoji study (for NVivo).qdpx');
    const xml = strFromU8(unzipSync(file.bytes)['project.qde']!);
    expect(xml).toContain('origin="Mirabal Workbench (positions in UTF-16 units, for NVivo)"');
    expect(validate(xml, 'Project-mrt2019.xsd').valid).toBe(true);
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/Exported \(for NVivo\) 1 transcript/);
    expect(errors).toEqual([]);
  });

  it('makes a set of transcripts on the Transcripts tab, filters by it, and exports it as a Set', async () => {
    const { page, errors } = await app.newPage();
    await page.getByRole('button', { name: 'Open sample project' }).click();
    await page.getByRole('tab', { name: 'Transcripts' }).click();
    const sets = page.getByRole('region', { name: 'Sets' });
    await sets.getByLabel('New set name').fill('Read twice');
    await sets.getByRole('button', { name: 'Add set' }).click();
    await sets.locator('summary', { hasText: 'Read twice' }).click(); // opens the set
    const boxes = sets.locator('.set-members input[type="checkbox"]');
    await boxes.nth(0).click(); // checked once saved
    await expect.poll(() => sets.locator('summary').first().textContent()).toMatch(/Read twice \(1 transcript\)/);
    await boxes.nth(2).click();
    await expect.poll(() => sets.locator('summary').first().textContent()).toMatch(/Read twice \(2 transcripts\)/);
    await page.getByLabel('Show transcripts of set').selectOption({ label: 'Read twice' });
    await expect.poll(() => page.locator('table.sources tbody tr').count()).toBe(2);
    await screenshot(page, 'transcripts-sets');
    // The Quotes tab searches the set's transcripts alone when asked, and says so.
    await page.getByRole('tab', { name: 'Quotes' }).click();
    await page.getByRole('group', { name: 'Sets' }).getByLabel('Read twice').check();
    await expect.poll(() => page.getByRole('status', { name: 'Quote counts' }).textContent()).toMatch(/of 2 participants/);
    await expect.poll(() => page.locator('.quote-summary').textContent()).toMatch(/in Read twice/);
    await screenshot(page, 'quotes-set-filter');
    // The Time 1 / Time 2 tab compares the set's transcripts alone, and says so above the matrix.
    await page.getByRole('tab', { name: 'Time 1 / Time 2' }).click();
    await page.getByRole('group', { name: 'Sets' }).getByLabel('Read twice').check();
    await expect.poll(() => page.locator('.compare').textContent()).toMatch(/Sets: Read twice/);
    await screenshot(page, 'compare-set-filter');
    // A code is put in the set on the Codebook tab, and the set lists it on the Transcripts tab.
    await page.getByRole('tab', { name: 'Codebook' }).click();
    await page.getByRole('treeitem', { name: /Minimising and deflecting/ }).click();
    const inSet = page.getByRole('group', { name: 'Sets' }).getByLabel('Read twice');
    await inSet.click();
    await expect.poll(() => inSet.isChecked()).toBe(true);
    await screenshot(page, 'codebook-code-sets');
    await page.getByRole('tab', { name: 'Transcripts' }).click();
    await sets.locator('summary', { hasText: 'Read twice' }).click();
    await expect.poll(() => sets.locator('summary').first().textContent()).toMatch(/Read twice \(2 transcripts, 1 code\)/);
    await expect.poll(() => sets.getByRole('list', { name: 'Codes in set Read twice' }).textContent()).toMatch(/Minimising and deflecting/);
    await screenshot(page, 'transcripts-set-codes');
    await page.getByRole('tab', { name: 'Project' }).click();
    await page.getByRole('button', { name: 'Export project (.qdpx, unredacted)…' }).click();
    const preview = page.getByRole('dialog', { name: 'Export project (.qdpx)' });
    const file = await download(page, () => preview.getByRole('button', { name: 'Export .qdpx' }).click());
    const xml = strFromU8(unzipSync(file.bytes)['project.qde']!);
    expect(xml).toMatch(
      /<Set guid="[^"]+" name="Read twice"><MemberCode targetGUID="[^"]+"\/>(<MemberSource targetGUID="[^"]+"\/>){2}<\/Set>/,
    );
    expect(validate(xml, 'Project-mrt2019.xsd').valid).toBe(true);
    expect(errors).toEqual([]);
  });

  it('lists the rich-text originals an NVivo file brings, kept with their transcripts', async () => {
    const { page, errors } = await app.newPage();
    await pick(page, 'Import .qdpx…', { name: 'nvivo.qdpx', bytes: refiSample('nvivo-mac-15.0.0__nvivo_project.qdpx') });
    const dialog = page.getByRole('dialog', { name: 'Import nvivo.qdpx' });
    await expect
      .poll(() => dialog.textContent())
      .toMatch(/2 rich-text originals \(\.docx\) kept with their transcripts and exported back: /);
    await screenshot(page, 'exchange-import-nvivo');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(errors).toEqual([]);
  });
});
