// The change matrix as text: a column or a row read as one document, and the export table.
import { codePath } from '../codebook';
import { DEFAULT_ROLES, type FrameworkCell, type Participant, type ProjectSnapshot, type RoleDef } from '../shared';
import {
  cellKey,
  evidenceCounts,
  indexCells,
  isEmptyCell,
  judgementLabel,
  matrixRows,
  type EvidenceOptions,
  type PeopleFilter,
  type WavePair,
} from './changeMatrix';

// ---- reading a column or a row as one text ----

/**
 * A column (one code, everyone) as plain text: a heading, then each participant with a filled
 * cell in row order. Cells with nothing in them are skipped; an empty side of a filled cell
 * reads "(no summary)" and a missing judgement "(no judgement)".
 */
export function columnText(
  project: ProjectSnapshot,
  cells: readonly FrameworkCell[],
  codeId: string,
  waves: WavePair,
  roleOrder: readonly RoleDef[],
  options: PeopleFilter = {},
): string {
  const index = indexCells(cells);
  const labels = waveLabels(project, waves);
  const blocks: string[] = [];
  for (const group of matrixRows(project, { ...options, roleOrder })) {
    for (const p of group.participants) {
      const cell = index.get(cellKey(p.id, codeId, waves));
      if (cell && !isEmptyCell(cell)) blocks.push(cellBlock(personName(p, roleOrder), cell, labels));
    }
  }
  return sections(`${codeName(project, codeId)} — ${labels[0]} → ${labels[1]}`, blocks);
}

/**
 * A row (one participant, the given codes in the given order) as plain text, in the same shape
 * as columnText. Role labels come from `roleOrder`, by default the project's roles.
 */
export function rowText(
  project: ProjectSnapshot,
  cells: readonly FrameworkCell[],
  participantId: string,
  codeIds: readonly string[],
  waves: WavePair,
  roleOrder: readonly RoleDef[] = project.roles ?? DEFAULT_ROLES,
): string {
  const index = indexCells(cells);
  const labels = waveLabels(project, waves);
  const person = project.participants.find((p) => p.id === participantId);
  const blocks: string[] = [];
  for (const codeId of codeIds) {
    const cell = index.get(cellKey(participantId, codeId, waves));
    if (cell && !isEmptyCell(cell)) blocks.push(cellBlock(codeName(project, codeId), cell, labels));
  }
  const who = person ? personName(person, roleOrder) : 'Unknown participant';
  return sections(`${who} — ${labels[0]} → ${labels[1]}`, blocks);
}

// ---- export ----

/**
 * The matrix as rows of strings for CSV/XLSX: a header, then one row per participant (in
 * matrixRows order) × code (in the order given), empty cells included so the sheet is the whole
 * grid. Summaries are trimmed (line breaks inside kept); passage counts follow `options` as
 * evidenceCounts does.
 */
export function changeMatrixRows(
  project: ProjectSnapshot,
  cells: readonly FrameworkCell[],
  codeIds: readonly string[],
  waves: WavePair,
  roleOrder: readonly RoleDef[],
  options: EvidenceOptions & PeopleFilter = {},
): (string | number)[][] {
  const [first, second] = waveLabels(project, waves);
  const header = [
    'participant',
    'role',
    'site',
    'group',
    'code',
    `${first} summary`,
    `${second} summary`,
    'judgement',
    `${first} passages`,
    `${second} passages`,
  ];
  const index = indexCells(cells);
  const counts = evidenceCounts(project, waves, options);
  const paths = new Map(codeIds.map((id) => [id, codeName(project, id)]));
  const rows: (string | number)[][] = [header];
  for (const group of matrixRows(project, { ...options, roleOrder })) {
    for (const p of group.participants) {
      for (const codeId of codeIds) {
        const key = cellKey(p.id, codeId, waves);
        const cell = index.get(key);
        const count = counts.get(key) ?? { first: 0, second: 0 };
        rows.push([
          p.pseudonym,
          group.role?.label ?? p.role,
          p.site,
          p.group,
          paths.get(codeId) ?? '',
          (cell?.firstSummary ?? '').trim(),
          (cell?.secondSummary ?? '').trim(),
          judgementLabel(cell?.judgement ?? ''),
          count.first,
          count.second,
        ]);
      }
    }
  }
  return rows;
}

function waveLabels(project: ProjectSnapshot, waves: WavePair): [string, string] {
  const label = (id: string) => project.waves.find((w) => w.id === id)?.label ?? id;
  return [label(waves[0]), label(waves[1])];
}

/** The code's path, e.g. 'Change / Series of sparks'; 'deleted code' for an unknown id. */
function codeName(project: ProjectSnapshot, codeId: string): string {
  const path = codePath(project.codes, codeId);
  return path.length > 0 ? path.join(' / ') : 'deleted code';
}

/** 'Dale (Man on programme)'; the role id when it has no label, no brackets when there is no role. */
function personName(p: Participant, roleOrder: readonly RoleDef[]): string {
  const role = roleOrder.find((r) => r.id === p.role)?.label ?? p.role;
  return role ? `${p.pseudonym} (${role})` : p.pseudonym;
}

function cellBlock(heading: string, cell: FrameworkCell, labels: [string, string]): string {
  const judgement = judgementLabel(cell.judgement) || '(no judgement)';
  return [`${heading}: ${judgement}`, side(labels[0], cell.firstSummary), side(labels[1], cell.secondSummary)].join('\n');
}

/** '  Time 1: text', later lines of a multi-line summary indented under it (blank lines kept blank). */
function side(label: string, summary: string): string {
  const text = summary.trim();
  if (!text) return `  ${label}: (no summary)`;
  const [head, ...more] = text.split(/\r\n|\r|\n/);
  return [`  ${label}: ${(head ?? '').trimEnd()}`, ...more.map((line) => (line.trim() ? `    ${line.trimEnd()}` : ''))].join('\n');
}

function sections(heading: string, blocks: readonly string[]): string {
  return [heading, blocks.length > 0 ? blocks.join('\n\n') : '(nothing summarised yet)'].join('\n\n');
}
