// The classification sheet as a table of strings: one row per participant, fixed columns
// then one column per attribute. The CSV reader/writer in io/ moves it to and from files.
import {
  type AttributeDef,
  type AttributeValue,
  type Group,
  type Participant,
  type RoleDef,
  pseudonymKey,
  ValidationError,
} from '../shared';
import { coerceAttribute, findParticipant, newParticipant } from './setup';

export const FIXED_COLUMNS = ['pseudonym', 'role', 'site', 'group', 'links'] as const;

export function sheetRows(participants: readonly Participant[], roles: readonly RoleDef[], defs: readonly AttributeDef[]): string[][] {
  const byId = new Map(participants.map((p) => [p.id, p]));
  const header = [...FIXED_COLUMNS, ...defs.map((d) => d.name)];
  const rows = participants
    .filter((p) => p.deletedAt == null)
    .map((p) => [
      p.pseudonym,
      roles.find((r) => r.id === p.role)?.label ?? p.role,
      p.site,
      p.group,
      p.links.map((l) => `${l.type}: ${byId.get(l.participantId)?.pseudonym ?? '?'}`).join('; '),
      ...defs.map((d) => formatAttribute(p.attributes[d.name] ?? null)),
    ]);
  return [header, ...rows];
}

export function formatAttribute(value: AttributeValue): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

export interface SheetImport {
  participants: Participant[];
  attributeDefs: AttributeDef[];
  created: number;
  updated: number;
}

/**
 * Reads a sheet into participants: rows are matched to existing participants by pseudonym,
 * others are created. Unknown columns become attributes (number when every value is one).
 * Any bad cell rejects the whole sheet, naming its row and column.
 */
export function participantsFromRows(
  table: readonly (readonly string[])[],
  existing: readonly Participant[],
  roles: readonly RoleDef[],
  defs: readonly AttributeDef[],
  newId: () => string,
): SheetImport {
  const [rawHeader, ...body] = table.filter((row) => row.some((cell) => cell.trim() !== ''));
  if (!rawHeader) throw new ValidationError('the sheet is empty.');
  const header = rawHeader.map((h) => h.trim());
  const col = (name: string) => header.findIndex((h) => h.toLowerCase() === name);
  const iPseudonym = col('pseudonym');
  if (iPseudonym < 0) throw new ValidationError('the first row must name the columns and include "pseudonym".');
  const seenHeader = new Set<string>();
  for (const h of header) {
    if (!h) throw new ValidationError('a column has no name in the first row.');
    if (seenHeader.has(h.toLowerCase())) throw new ValidationError(`the column "${h}" appears twice.`);
    seenHeader.add(h.toLowerCase());
  }
  const fixed = new Set<string>(FIXED_COLUMNS);
  const attrColumns = header.map((h, i) => ({ h, i })).filter(({ h }) => !fixed.has(h.toLowerCase()));
  const attributeDefs: AttributeDef[] = [...defs];
  for (const { h, i } of attrColumns) {
    if (attributeDefs.some((d) => d.name.toLowerCase() === h.toLowerCase())) continue;
    const values = body.map((r) => (r[i] ?? '').trim()).filter(Boolean);
    const numeric = values.length > 0 && values.every((v) => Number.isFinite(Number(v.replace(',', '.'))));
    attributeDefs.push({ name: h, type: numeric ? 'number' : 'text' });
  }
  const cell = (row: readonly string[], i: number) => (i < 0 ? '' : (row[i] ?? '').trim());
  const out: Participant[] = [];
  const seen = new Set<string>();
  let created = 0;
  body.forEach((row, index) => {
    const line = index + 2;
    const pseudonym = cell(row, iPseudonym);
    if (!pseudonym) throw new ValidationError(`row ${line} has no pseudonym.`);
    if (seen.has(pseudonymKey(pseudonym))) throw new ValidationError(`row ${line}: "${pseudonym}" appears twice.`);
    seen.add(pseudonymKey(pseudonym));
    const found = findParticipant(existing, pseudonym);
    if (!found) created += 1;
    const base = found ? { ...found, attributes: { ...found.attributes } } : newParticipant(newId(), pseudonym);
    const roleText = cell(row, col('role'));
    if (col('role') >= 0) base.role = roleText ? resolveRole(roleText, roles, line) : '';
    if (col('site') >= 0) base.site = cell(row, col('site'));
    if (col('group') >= 0) base.group = resolveGroup(cell(row, col('group')), line);
    for (const { h, i } of attrColumns) {
      const def = attributeDefs.find((d) => d.name.toLowerCase() === h.toLowerCase())!;
      try {
        base.attributes[def.name] = coerceAttribute(def, cell(row, i));
      } catch (e) {
        throw new ValidationError(`row ${line}, column "${h}": ${(e as Error).message}`);
      }
    }
    out.push(base);
  });
  // Links name other participants, so they are resolved once every row is known.
  const iLinks = col('links');
  if (iLinks >= 0) {
    const everyone = [...existing.filter((p) => !out.some((o) => o.id === p.id)), ...out];
    body.forEach((row, index) => {
      out[index]!.links = parseLinks(cell(row, iLinks), everyone, index + 2);
    });
  }
  return { participants: out, attributeDefs, created, updated: out.length - created };
}

function resolveRole(text: string, roles: readonly RoleDef[], line: number): string {
  const key = text.toLowerCase();
  const role = roles.find((r) => r.id.toLowerCase() === key || r.label.toLowerCase() === key);
  if (!role) {
    const known = roles.map((r) => r.label).join(', ');
    throw new ValidationError(`row ${line}: unknown role "${text}" (known: ${known}; add new roles in Setup first).`);
  }
  return role.id;
}

function resolveGroup(text: string, line: number): Group {
  const key = text.toLowerCase();
  if (key === '' || key === '-' || key === '—') return '';
  if (key === 'programme' || key === 'program') return 'programme';
  if (key === 'comparison') return 'comparison';
  throw new ValidationError(`row ${line}: group must be "programme", "comparison" or empty, not "${text}".`);
}

export function parseLinks(text: string, everyone: readonly Participant[], line: number): Participant['links'] {
  if (!text) return [];
  return text.split(';').map((part) => {
    const at = part.lastIndexOf(':');
    const type = at > 0 ? part.slice(0, at).trim() : '';
    const name = at > 0 ? part.slice(at + 1).trim() : part.trim();
    const target = findParticipant(everyone, name);
    if (!type || !target) {
      throw new ValidationError(`row ${line}: link "${part.trim()}" must look like "partner of: Name" with a known participant.`);
    }
    return { type, participantId: target.id };
  });
}
