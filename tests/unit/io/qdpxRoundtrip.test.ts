// Property tests of the .qdpx round trip: a project the workbench makes, exported and imported
// again, is the same project; exporting it again gives the same bytes; and every export is
// valid against the REFI-QDA project schema. Projects come from tests/fixtures/arbitraryProject.
import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ROLES, DEFAULT_WAVES, type AttributeValue, type ProjectSnapshot } from '../../../renderer/core/shared/model';
import { readQdpx, writeQdpx } from '../../../renderer/io/qdpx';
import { arbitraryProject } from '../../fixtures/arbitraryProject';
import { validate } from '../../fixtures/refi';

// Shrinking a failure runs the property hundreds more times (each an xmllint run for the
// schema property), so shrinking stops after SHRINK_MS with the smallest example so far;
// the test timeout leaves room for that. Neither is an assertion about speed: a passing
// run takes about a second per property.
const SHRINK_MS = 15_000;
const SHRINK_TIMEOUT = 60_000;

let n = 0;
const newId = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;

async function roundTrip(project: ProjectSnapshot) {
  const bytes = await writeQdpx(project);
  const { project: back, warnings } = await readQdpx(bytes, 'roundtrip.qdpx', { newId, now: 0 });
  return { bytes, back, warnings };
}

function qde(bytes: Uint8Array): string {
  const entry = unzipSync(bytes)['project.qde'];
  if (!entry) throw new Error('the archive holds no project.qde');
  return strFromU8(entry);
}

const byId = <T extends { id: string }>(items: readonly T[]): T[] => [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/**
 * What a project file can carry, in a form to compare. Normalised, because REFI-QDA has no
 * place for it: a coder's colour (Users have a name only; the import picks colours), an
 * attribute that is null or was never set (a Case simply has no VariableValue for it), and a
 * missing project name (the Project element requires one; the export writes "Project").
 * Roles travel only as the Role value of each Case, so what is compared is each
 * participant's role: its id and its label in the project's roles. Records are compared
 * field by field, arrays sorted by id; attributeDefs keep their order (the sheet's columns).
 */
function comparable(p: ProjectSnapshot) {
  const roles = p.roles ?? DEFAULT_ROLES;
  const present = (attributes: Record<string, AttributeValue>) =>
    Object.fromEntries(Object.entries(attributes).filter(([, v]) => v !== null && v !== undefined));
  return {
    name: p.name ?? 'Project',
    waves: byId(p.waves).map(({ id, label, order }) => ({ id, label, order })),
    participants: byId(p.participants).map((q) => ({
      id: q.id,
      pseudonym: q.pseudonym,
      role: q.role,
      // The role a participant has is the role as named in the project: id and label.
      roleLabel: q.role ? (roles.find((r) => r.id === q.role)?.label ?? `(no such role ${q.role})`) : '',
      site: q.site,
      group: q.group,
      attributes: present(q.attributes),
      links: q.links,
    })),
    sources: byId(p.sources).map(({ id, participantId, wave, title, text, turns, origin, originalDocx }) => ({
      id,
      participantId,
      wave,
      title,
      text,
      turns,
      origin,
      originalDocx,
    })),
    codes: byId(p.codes).map(({ id, parentId, name, description, inclusion, exclusion, examples, colour, order }) => ({
      id,
      parentId,
      name,
      description,
      inclusion,
      exclusion,
      examples,
      colour,
      order,
    })),
    codings: byId(p.codings).map(({ id, sourceId, codeId, coderId, start, end, memo, createdAt, updatedAt }) => ({
      id,
      sourceId,
      codeId,
      coderId,
      start,
      end,
      memo,
      createdAt,
      updatedAt,
    })),
    coders: byId(p.coders).map(({ id, name, consensus }) => ({ id, name, consensus: consensus === true })),
    memos: byId(p.memos ?? []).map(({ id, target, targetId, title, text, updatedAt }) => ({
      id,
      target,
      targetId,
      title,
      text,
      updatedAt,
    })),
    attributeDefs: (p.attributeDefs ?? []).map(({ name, type }) => ({ name, type })),
    sets: p.sets ?? [],
  };
}

/**
 * Checks `holds` on generated projects. The predicate answers true/false, so each shrink
 * step is cheap (no expect() diff of a large project per step); once fast-check has shrunk a
 * failure, `explain` runs on the smallest counterexample to fail with a readable diff, to
 * which fast-check's report (seed, path, counterexample) is added.
 */
async function checkProjects(
  numRuns: number,
  holds: (p: ProjectSnapshot) => Promise<boolean>,
  explain: (p: ProjectSnapshot) => Promise<void>,
): Promise<void> {
  const details = await fc.check(fc.asyncProperty(arbitraryProject(), holds), { numRuns, interruptAfterTimeLimit: SHRINK_MS });
  if (!details.failed) return;
  const report = fc.defaultReportMessage(details) ?? 'the property failed';
  const example = details.counterexample?.[0];
  if (example) {
    try {
      await explain(example);
    } catch (error) {
      if (error instanceof Error) error.message = `${error.message}\n\n${report}`;
      throw error;
    }
  }
  throw new Error(report);
}

describe('.qdpx round trip of projects as the app makes them', () => {
  it(
    'export then import gives back the same project, without warnings',
    async () => {
      await checkProjects(
        60,
        async (project) => {
          const { back, warnings } = await roundTrip(project);
          return isDeepStrictEqual(comparable(back), comparable(project)) && warnings.length === 0;
        },
        async (project) => {
          const { back, warnings } = await roundTrip(project);
          expect(comparable(back)).toEqual(comparable(project));
          expect(warnings).toEqual([]);
        },
      );
    },
    SHRINK_TIMEOUT,
  );

  it(
    'exporting the re-imported project gives the same bytes',
    async () => {
      await checkProjects(
        60,
        async (project) => {
          const { bytes, back } = await roundTrip(project);
          return Buffer.from(await writeQdpx(back)).equals(Buffer.from(bytes));
        },
        async (project) => {
          const { bytes, back } = await roundTrip(project);
          const again = await writeQdpx(back);
          // The XML first: a difference there is readable.
          expect(qde(again)).toBe(qde(bytes));
          expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
        },
      );
    },
    SHRINK_TIMEOUT,
  );

  it(
    'every export validates against Project-mrt2019.xsd',
    async () => {
      const check = async (project: ProjectSnapshot) => validate(qde(await writeQdpx(project)), 'Project-mrt2019.xsd');
      await checkProjects(
        15,
        async (project) => (await check(project)).valid,
        async (project) => {
          const result = await check(project);
          expect(result.valid, result.output).toBe(true);
        },
      );
    },
    SHRINK_TIMEOUT,
  );
});

describe('.qdpx round trip of small fixed projects', () => {
  const empty = (): ProjectSnapshot => ({
    waves: DEFAULT_WAVES.map((w) => ({ ...w })),
    participants: [],
    sources: [],
    codes: [],
    codings: [],
    coders: [],
    memos: [],
    attributeDefs: [],
  });

  const codebookOnly = (): ProjectSnapshot => ({
    ...empty(),
    name: 'Codebook only',
    codes: [
      {
        id: '3b6f2b0e-1c3a-4d5e-8f70-0a1b2c3d4e01',
        parentId: null,
        name: 'Respect & <care>',
        description: 'How he talks with her.',
        inclusion: 'Listening, asking.',
        exclusion: 'Talk with staff.',
        examples: '"I listen first"',
        colour: '#8ec4eb',
        order: 0,
        deletedAt: null,
      },
      {
        id: '3b6f2b0e-1c3a-4d5e-8f70-0a1b2c3d4e02',
        parentId: '3b6f2b0e-1c3a-4d5e-8f70-0a1b2c3d4e01',
        name: 'Listening 😀',
        description: '',
        inclusion: '',
        exclusion: '',
        examples: '',
        colour: '#a1b2c3',
        order: 0,
        deletedAt: null,
      },
      {
        id: '3b6f2b0e-1c3a-4d5e-8f70-0a1b2c3d4e03',
        parentId: '3b6f2b0e-1c3a-4d5e-8f70-0a1b2c3d4e02',
        name: 'Eye contact',
        description: 'Multi-line\n\ndefinition',
        inclusion: '',
        exclusion: 'Staring',
        examples: '',
        colour: '#0f0f0f',
        order: 0,
        deletedAt: null,
      },
      {
        id: '3b6f2b0e-1c3a-4d5e-8f70-0a1b2c3d4e04',
        parentId: null,
        name: 'Minimising',
        description: '',
        inclusion: '',
        exclusion: '',
        examples: 'It was only once.',
        colour: '#eb8e8e',
        order: 1,
        deletedAt: null,
      },
    ],
    coders: [{ id: '2b6f2b0e-1c3a-4d5e-8f70-0a1b2c3d4e01', name: 'Ana', colour: '#2f6db5' }],
    memos: [
      {
        id: '5b6f2b0e-1c3a-4d5e-8f70-0a1b2c3d4e01',
        target: 'code',
        targetId: '3b6f2b0e-1c3a-4d5e-8f70-0a1b2c3d4e04',
        title: 'Minimising',
        text: 'Watch for "just".',
        updatedAt: Date.UTC(2026, 1, 4),
        deletedAt: null,
      },
    ],
  });

  it.each([
    ['an empty project', empty],
    ['a project with only a codebook', codebookOnly],
  ])('%s validates, round-trips and exports the same bytes again', async (_, make) => {
    const project = make();
    const { bytes, back, warnings } = await roundTrip(project);
    const result = validate(qde(bytes), 'Project-mrt2019.xsd');
    expect(result.valid, result.output).toBe(true);
    expect(comparable(back)).toEqual(comparable(project));
    expect(warnings).toEqual([]);
    expect(Buffer.from(await writeQdpx(back)).equals(Buffer.from(bytes))).toBe(true);
  });
});
