// End to end in Chromium: the sample project, a new project with a .txt and a .docx
// imported, participant and wave assigned, a bad file refused, and all of it after reload.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDocx } from '../fixtures/makeDocx';
import { newProjectImporting, screenshot, sharedPage, startApp, type App } from './harness';

let app: App;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

const TXT =
  'Interviewer: How did the first weeks go?\nR: Hard. I kept arguing with myself.\nInterviewer: And now?\nR: Better, most days.\n';

describe('foundation', () => {
  it('opens the sample project and reads a transcript with speaker turns', async () => {
    const { page, errors } = await app.newPage();
    await page.getByRole('button', { name: 'Open sample project' }).first().click();
    await page.getByRole('tab', { name: 'Transcripts', selected: true }).waitFor();
    const rows = page.locator('table.sources tbody tr');
    await expect.poll(() => rows.count()).toBe(12);
    await page.getByRole('button', { name: 'Dale_T1', exact: true }).click();
    const reader = page.getByRole('article', { name: 'Transcript Dale_T1' });
    await reader.waitFor();
    expect(await reader.locator('.turn.interviewer').count()).toBeGreaterThan(3);
    expect(await reader.locator('.turn.participant .speaker').first().textContent()).toBe('Dale');
    // The label is shown as the speaker, not inside what was said.
    expect(await reader.locator('.turn .said').first().textContent()).not.toMatch(/^Interviewer:/);
    await screenshot(page, 'sample-reader');
    await page.getByRole('tab', { name: 'Participants' }).click();
    // Six interviewed, and the 28 women the sample's survey adds.
    await expect.poll(() => page.locator('table.participants tbody tr').count()).toBe(34);
    await screenshot(page, 'sample-participants');
    expect(errors).toEqual([]);
  });

  describe('creates a project, imports a .txt and a .docx, assigns them, and keeps it all after reload', () => {
    const s = sharedPage(
      () => app,
      async ({ page }) => {
        await page.getByLabel('New project name').fill('Mirabal follow-up');
        await page.getByRole('button', { name: 'Create project' }).click();
        await page.getByRole('heading', { name: 'Mirabal follow-up' }).waitFor();
      },
    );

    it('proposes participant, wave and speaker roles from the files, and refuses a binary file', async () => {
      const { page, errors } = s;
      await page.getByRole('button', { name: 'Import transcripts…' }).click();
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Choose files…' }).click();
      await (
        await chooser
      ).setFiles([
        { name: 'P07 Time 1.txt', mimeType: 'text/plain', buffer: Buffer.from(TXT, 'utf8') },
        {
          name: 'Kieran_T2.docx',
          mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          buffer: Buffer.from(
            makeDocx([
              'Interviewer: What changed?',
              'Kieran: I listen before I answer now.',
              'Interviewer: Anything else?',
              'Kieran: The group kept me honest.',
            ]),
          ),
        },
        {
          name: 'broken.txt',
          mimeType: 'text/plain',
          buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 0]),
        },
      ]);
      // Proposals from file names; the bad file blocks the batch until it is dropped.
      await expect.poll(() => page.getByLabel('Participant for Kieran_T2.docx').inputValue()).toBe('Kieran');
      expect(await page.getByLabel('Wave for Kieran_T2.docx').inputValue()).toBe('T2');
      expect(await page.getByLabel('Participant for P07 Time 1.txt').inputValue()).toBe('P07');
      expect(await page.getByLabel('Wave for P07 Time 1.txt').inputValue()).toBe('T1');
      await expect.poll(() => page.locator('tr.status-error').textContent()).toMatch(/broken\.txt: .*binary/i);
      const importButton = page.getByRole('button', { name: /^Import \d+ transcripts?$/ });
      expect(await importButton.isDisabled()).toBe(true);
      expect(await page.getByLabel('Role of speaker Interviewer').inputValue()).toBe('interviewer');
      expect(await page.getByLabel('Role of speaker Kieran').inputValue()).toBe('participant');
      await screenshot(page, 'import-review');
      expect(errors).toEqual([]);
    });

    it('imports the batch once the bad file is dropped, one transcript left unassigned', async () => {
      const { page, errors } = s;
      await page.getByRole('button', { name: 'Drop broken.txt' }).click();
      // The researcher leaves the .txt unassigned here and assigns it after import.
      await page.getByLabel('Participant for P07 Time 1.txt').fill('');
      await page.getByRole('button', { name: 'Import 2 transcripts' }).click();
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      await expect.poll(() => page.locator('table.sources tbody tr').count()).toBe(2);
      expect(errors).toEqual([]);
    });

    it('assigns a transcript to a new participant and another wave after import', async () => {
      const { page, errors } = s;
      await page.getByRole('tab', { name: 'Participants' }).click();
      await page.getByLabel('New participant pseudonym').fill('P07');
      await page.getByRole('button', { name: 'Add participant' }).click();
      await page.getByLabel('Role of P07').selectOption('man');
      await page.getByRole('tab', { name: 'Transcripts' }).click();
      await page.getByLabel('Participant of P07 Time 1').selectOption({ label: 'P07' });
      await page.getByLabel('Wave of P07 Time 1').selectOption('T2');
      // The selects show what is stored: once they read back, the change is saved.
      await expect.poll(() => page.getByLabel('Wave of P07 Time 1').inputValue()).toBe('T2');
      await expect.poll(() => page.getByLabel('Participant of P07 Time 1').inputValue()).not.toBe('');
      expect(errors).toEqual([]);
    });

    it('keeps transcripts, assignments, turns and participants after a reload', async () => {
      const { page, errors } = s;
      await page.reload();
      await page.getByRole('heading', { name: 'Mirabal follow-up' }).waitFor();
      await expect.poll(() => page.locator('table.sources tbody tr').count()).toBe(2);
      expect(await page.getByLabel('Participant of P07 Time 1').inputValue()).not.toBe('');
      expect(await page.getByLabel('Wave of P07 Time 1').inputValue()).toBe('T2');
      expect(await page.getByLabel('Wave of Kieran_T2').inputValue()).toBe('T2');
      await page.getByRole('button', { name: 'Kieran_T2', exact: true }).click();
      const reader = page.getByRole('article', { name: 'Transcript Kieran_T2' });
      await expect
        .poll(() => reader.locator('.turn .said').allTextContents())
        .toEqual(['What changed?', 'I listen before I answer now.', 'Anything else?', 'The group kept me honest.']);
      await page.getByRole('tab', { name: 'Participants' }).click();
      expect(await page.getByLabel('Role of P07').inputValue()).toBe('man');
      expect(await page.getByLabel('Pseudonym of Kieran').inputValue()).toBe('Kieran');
      expect(errors).toEqual([]);
    });
  });

  describe('proposes the lone speaker as the participant, titles a .docx by its Title, drops all bad files, and says why Import waits', () => {
    const srt =
      '1\n00:00:01,000 --> 00:00:03,000\nInterviewer: How long have you run the groups?\n\n2\n00:00:04,000 --> 00:00:07,000\nStaff03: Six years, on and off.\n\n3\n00:00:08,000 --> 00:00:09,000\nInterviewer: And what keeps you?\n\n4\n00:00:10,000 --> 00:00:14,000\nStaff03: The men who come back a year later.\n';
    const docx = makeDocx([
      { text: 'Interview with Kieran, Time 2', style: 'Title' },
      'Interviewer: What changed?',
      'Kieran: I listen before I answer now.',
      'Interviewer: Anything else?',
      'Kieran: The group kept me honest.',
    ]);
    /** A new project, its import dialog holding five files: two that cannot be read. */
    const s = sharedPage(
      () => app,
      async ({ page }) => {
        await newProjectImporting(page, 'Staff and men', [
          { name: 'staff-03.srt', mimeType: 'application/x-subrip', buffer: Buffer.from(srt, 'utf8') },
          {
            name: 'Kieran_T2.docx',
            mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
            buffer: Buffer.from(docx),
          },
          { name: 'P07 Time 1.txt', mimeType: 'text/plain', buffer: Buffer.from(TXT, 'utf8') },
          { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.from('  \n', 'utf8') },
          { name: 'broken.docx', mimeType: 'application/octet-stream', buffer: Buffer.from('not a Word file', 'utf8') },
        ]);
      },
    );
    const importButton = () => s.page.getByRole('button', { name: /^Import \d+ transcripts?$/ });

    it('proposes the one speaker of a file besides the interviewer as its participant', async () => {
      const { page, errors } = s;
      await expect.poll(() => page.locator('tr.status-error').count()).toBe(2);
      // Staff03 is the one speaker of staff-03.srt besides the interviewer: the participant.
      expect(await page.getByLabel('Role of speaker Staff03').inputValue()).toBe('participant');
      expect(await page.getByLabel('Role of speaker Kieran').inputValue()).toBe('participant');
      expect(errors).toEqual([]);
    });

    it('titles a .docx by its Title paragraph in the review', async () => {
      const { page, errors } = s;
      await expect
        .poll(() => page.locator('tr', { hasText: 'Kieran_T2.docx' }).locator('td.status').textContent())
        .toMatch(/^4 turns · Titled “Interview with Kieran, Time 2”/);
      expect(errors).toEqual([]);
    });

    it('says why Import waits, beside the disabled button and as its description', async () => {
      const { page, errors } = s;
      expect(await importButton().isDisabled()).toBe(true);
      const why = '2 files cannot be read (empty.txt, broken.docx): drop them (Drop all bad files) or fix them and add them again.';
      await expect.poll(() => page.locator('.modal-foot').textContent()).toContain(why);
      expect(await importButton().getAttribute('title')).toBe(why);
      await screenshot(page, 'import-bad-files');
      expect(errors).toEqual([]);
    });

    it('drops all bad files at once, and imports the rest', async () => {
      const { page, errors } = s;
      await page.getByRole('button', { name: 'Drop all bad files (2)' }).click();
      await expect.poll(() => page.locator('table.batch tbody tr').count()).toBe(3);
      expect(await page.locator('tr.status-error').count()).toBe(0);
      expect(await page.getByRole('button', { name: /^Drop all bad files/ }).count()).toBe(0);
      expect(await page.locator('#import-blocked').count()).toBe(0);
      await page.getByLabel('Participant for staff-03.srt').fill('Staff03');
      await page.getByRole('button', { name: 'Import 3 transcripts' }).click();
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      expect(errors).toEqual([]);
    });

    it("makes the Title the transcript's title, not its first turn", async () => {
      const { page, errors } = s;
      await page.getByRole('button', { name: 'Interview with Kieran, Time 2', exact: true }).click();
      const reader = page.getByRole('article', { name: 'Transcript Interview with Kieran, Time 2' });
      await expect
        .poll(() => reader.locator('.turn .said').allTextContents())
        .toEqual(['What changed?', 'I listen before I answer now.', 'Anything else?', 'The group kept me honest.']);
      expect(errors).toEqual([]);
    });

    it("reads the staff member's .srt with Staff03 as the participant", async () => {
      const { page, errors } = s;
      await page.getByRole('button', { name: 'staff-03', exact: true }).click();
      const staff = page.getByRole('article', { name: 'Transcript staff-03' });
      await expect.poll(() => staff.locator('.turn.participant .speaker').first().textContent()).toMatch(/^Staff03/);
      await screenshot(page, 'import-staff-reader');
      expect(errors).toEqual([]);
    });
  });

  it('flags a duplicate file instead of importing it again', async () => {
    const { page } = await app.newPage();
    await page.getByLabel('New project name').fill('Dupes');
    await page.getByRole('button', { name: 'Create project' }).click();
    for (const round of [1, 2]) {
      await page.getByRole('button', { name: 'Import transcripts…' }).click();
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Choose files…' }).click();
      await (await chooser).setFiles([{ name: `copy${round}.txt`, mimeType: 'text/plain', buffer: Buffer.from(TXT) }]);
      if (round === 1) {
        await page.getByRole('button', { name: 'Import 1 transcript' }).click();
        await page.getByRole('dialog').waitFor({ state: 'detached' });
      }
    }
    await expect
      .poll(() => page.locator('tr.status-duplicate').textContent())
      .toMatch(/Same content as "copy1" \(already in the project\)/);
    expect(await page.getByRole('button', { name: 'Import 0 transcripts' }).isDisabled()).toBe(true);
  });

  it('renames and deletes a project with confirmation, and restores it from the bin', async () => {
    const { page } = await app.newPage();
    await page.getByLabel('New project name').fill('Pilot');
    await page.getByRole('button', { name: 'Create project' }).click();
    // A third wave, saved, is there after a reload.
    await page.getByRole('tab', { name: 'Project' }).click();
    await page.getByRole('button', { name: 'Add wave' }).click();
    await page.getByLabel('Wave 3 label').fill('Follow-up');
    await page.getByRole('button', { name: 'Save waves' }).click();
    await page.getByRole('button', { name: 'Save waves' }).waitFor({ state: 'detached' });
    await page.reload();
    expect(await page.getByLabel('Wave 3 label').inputValue()).toBe('Follow-up');
    await page.getByRole('button', { name: '← Projects' }).click();
    await page.getByRole('button', { name: 'Rename Pilot' }).click();
    await page.getByLabel('Project name', { exact: true }).fill('Pilot study');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('button', { name: 'Delete Pilot study' }).click();
    await page.getByRole('dialog', { name: 'Delete project?' }).getByRole('button', { name: 'Move to bin' }).click();
    await page.getByRole('heading', { name: 'Bin' }).waitFor();
    await page.reload();
    // Named by project: "Restore archive…" sits on the same screen.
    await page.getByRole('button', { name: 'Restore Pilot study', exact: true }).click();
    await page.getByRole('button', { name: 'Pilot study', exact: true }).waitFor();
    expect(await page.getByRole('heading', { name: 'Bin' }).count()).toBe(0);
    await screenshot(page, 'projects');
  });
});
