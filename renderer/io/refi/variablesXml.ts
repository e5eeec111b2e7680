// REFI-QDA Variables, both ways: the built-in ones every export may carry (Role, Site, Group,
// Wave, Speaker roles) and their GUIDs, participant attributes with their types, values as
// the schema takes them (xsd:decimal, xsd:date), the project's roles in the Role variable's
// Description, and reading values back into the project's types. qdeWrite.ts and qdeRead.ts
// use these; the mapping itself is described there.
import type { AttributeDef, AttributeValue, Group, ProjectSnapshot, RoleDef, SpeakerRole } from '../../core/shared';
import { derivedGuid } from './guid';
import { textElement, textOf, type XmlNode } from './xml';

/** Variables every exported project carries, by name (the import maps them back). */
export const BUILTIN_VARIABLES = { role: 'Role', site: 'Site', group: 'Group', wave: 'Wave', speakers: 'Speaker roles' } as const;

/** A variable's Description names the attribute type, so a Text fallback comes back typed. */
export function attributeDescription(type: AttributeDef['type']): string {
  return `Participant attribute (${type})`;
}

export function variableGuid(name: string, builtin: boolean): string {
  return derivedGuid(builtin ? `variable:${name}` : `variable:attribute:${name}`);
}

export type VariableType = 'Text' | 'Boolean' | 'Float' | 'Date';

export function variableValueXml(guid: string, type: VariableType, value: string | number | boolean): string {
  const tag = { Text: 'TextValue', Boolean: 'BooleanValue', Float: 'FloatValue', Date: 'DateValue' }[type];
  const text = typeof value === 'number' ? decimal(value) : String(value);
  return `<VariableValue><VariableRef targetGUID="${guid}"/>${textElement(tag, text)}</VariableValue>`;
}

/** xsd:decimal has no exponent form: 1e-21 is written 0.000000000000000000001, exactly. */
export function decimal(n: number): string {
  const s = String(n);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const [, sign, lead, frac = '', expText] = m;
  const exp = Number(expText);
  const digits = lead! + frac;
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  const point = 1 + exp;
  return sign + (digits.length <= point ? digits + '0'.repeat(point - digits.length) : `${digits.slice(0, point)}.${digits.slice(point)}`);
}

/** A real day of the calendar: "2025-02-30" is not one, and xsd:date refuses it. */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

const ROLES_PREFIX = 'Participant role (Cases). Roles: ';

/** The project's roles ride in the Role variable's Description, so ids and unused roles survive. */
export function rolesDescription(roles: readonly RoleDef[]): string {
  return ROLES_PREFIX + JSON.stringify(roles.map((r) => ({ id: r.id, label: r.label })));
}

export function parseRolesDescription(text: string | undefined): RoleDef[] | null {
  if (!text?.startsWith(ROLES_PREFIX)) return null;
  try {
    const list: unknown = JSON.parse(text.slice(ROLES_PREFIX.length));
    if (!Array.isArray(list)) return null;
    const roles = list
      .filter((r): r is RoleDef => typeof r?.id === 'string' && typeof r?.label === 'string')
      .map((r) => ({ id: r.id, label: r.label }));
    return roles.length === list.length ? roles : null;
  } catch {
    return null;
  }
}

/** A variable's REFI type; Text when any value would not fit the declared type. */
export function attributeType(def: AttributeDef, values: unknown[]): VariableType {
  const present = values.filter((v) => v !== null && v !== undefined && v !== '');
  // libxml2 (and so the schema check other tools run) takes decimals of at most 24 digits.
  if (
    def.type === 'number' &&
    present.every((v) => typeof v === 'number' && Number.isFinite(v) && decimal(v).replace(/\D/g, '').length <= 24)
  )
    return 'Float';
  if (def.type === 'boolean' && present.every((v) => typeof v === 'boolean')) return 'Boolean';
  if (def.type === 'date' && present.every((v) => typeof v === 'string' && isCalendarDate(v))) return 'Date';
  return 'Text';
}

export function inferAttributeDefs(project: ProjectSnapshot): AttributeDef[] {
  if (project.attributeDefs) return project.attributeDefs;
  const names = [...new Set(project.participants.flatMap((p) => Object.keys(p.attributes)))];
  return names.map((name) => {
    const values = project.participants.map((p) => p.attributes[name]).filter((v) => v !== null && v !== undefined);
    const type = values.every((v) => typeof v === 'number') ? 'number' : values.every((v) => typeof v === 'boolean') ? 'boolean' : 'text';
    return { name, type };
  });
}

/** A VariableValue's value, typed as its element says. */
export function readVariableValue(node: XmlNode): AttributeValue {
  for (const tag of ['TextValue', 'BooleanValue', 'IntegerValue', 'FloatValue', 'DateValue', 'DateTimeValue']) {
    const value = textOf(node, tag);
    if (value === undefined) continue;
    if (tag === 'BooleanValue') return value.trim() === 'true' || value.trim() === '1';
    if (tag === 'IntegerValue' || tag === 'FloatValue') {
      const n = Number(value.trim());
      return Number.isFinite(n) ? n : value;
    }
    return value;
  }
  return null;
}

export const ATTRIBUTE_TYPE: Record<string, AttributeDef['type']> = {
  Text: 'text',
  Boolean: 'boolean',
  Integer: 'number',
  Float: 'number',
  Date: 'date',
  DateTime: 'text',
};

/** A value written as text (a number too long for xsd:decimal) back in its attribute's type. */
export function typedValue(value: AttributeValue, type: AttributeDef['type']): AttributeValue {
  if (typeof value !== 'string') return value;
  if (type === 'number' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  if (type === 'boolean' && /^(true|false)$/.test(value.trim())) return value.trim() === 'true';
  return value;
}

export function roleFor(roles: RoleDef[], value: string): string {
  const key = value.toLowerCase();
  // The label first: a file carries labels, and one role's label may be another's id.
  const found = roles.find((r) => r.label.toLowerCase() === key) ?? roles.find((r) => r.id.toLowerCase() === key);
  if (found) return found.id;
  let id = key.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'role';
  while (roles.some((r) => r.id === id)) id += '-2';
  roles.push({ id, label: value });
  return id;
}

export function groupFor(value: string, unknown: Set<string>): Group {
  const key = value.toLowerCase();
  if (key === 'programme' || key === 'program') return 'programme';
  if (key === 'comparison') return 'comparison';
  if (key && key !== '—' && key !== '-') unknown.add(value);
  return '';
}

export function parseSpeakerRoles(json: string): Record<string, SpeakerRole> {
  try {
    const parsed: unknown = JSON.parse(json);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    const out: Record<string, SpeakerRole> = {};
    for (const [speaker, role] of Object.entries(parsed as Record<string, unknown>)) {
      if (role === 'interviewer' || role === 'participant' || role === 'other') out[speaker] = role;
    }
    return out;
  } catch {
    return {};
  }
}
