// Rules for a project's waves, roles and participants: what a valid list looks like and how
// a name typed by a researcher (or proposed from a file name) finds its participant.
import {
  type AttributeDef,
  type AttributeValue,
  type Participant,
  type RoleDef,
  type Source,
  type Wave,
  ValidationError,
  pseudonymKey,
  slug,
} from '../shared';

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/;

/** Waves in order; ids unique and short, labels unique; a wave still holding sources stays. */
export function validateWaves(waves: readonly Wave[], sources: readonly Pick<Source, 'wave' | 'deletedAt'>[] = []): Wave[] {
  if (waves.length === 0) throw new ValidationError('A project needs at least one wave.');
  const ids = new Set<string>();
  const labels = new Set<string>();
  for (const wave of waves) {
    const id = wave.id.trim();
    const label = wave.label.trim();
    if (!ID_PATTERN.test(id)) {
      throw new ValidationError(`Wave id "${wave.id}" must be 1–32 letters, digits, - or _ (e.g. T3).`);
    }
    if (!label) throw new ValidationError(`Wave ${id} needs a label (e.g. "Time 3").`);
    if (ids.has(id.toLowerCase())) throw new ValidationError(`Two waves share the id ${id}.`);
    if (labels.has(label.toLowerCase())) throw new ValidationError(`Two waves share the label "${label}".`);
    ids.add(id.toLowerCase());
    labels.add(label.toLowerCase());
  }
  const kept = new Set(waves.map((w) => w.id.trim()));
  const orphaned = sources.filter((s) => s.deletedAt == null && s.wave != null && !kept.has(s.wave));
  if (orphaned.length > 0) {
    const wave = orphaned[0]!.wave;
    throw new ValidationError(`Wave ${wave} still holds ${orphaned.length} transcript(s); move them to another wave before removing it.`);
  }
  return waves.map((w, order) => ({ id: w.id.trim(), label: w.label.trim(), order }));
}

export function validateRoles(roles: readonly RoleDef[], participants: readonly Participant[] = []): RoleDef[] {
  const ids = new Set<string>();
  const out: RoleDef[] = [];
  for (const role of roles) {
    const label = role.label.trim();
    const id = role.id.trim() || slug(label);
    if (!label || !id) throw new ValidationError('Every role needs a name.');
    if (ids.has(id)) throw new ValidationError(`Two roles share the name "${label}".`);
    ids.add(id);
    out.push({ id, label });
  }
  const inUse = participants.find((p) => p.deletedAt == null && p.role && !ids.has(p.role));
  if (inUse) throw new ValidationError(`Role "${inUse.role}" is still used by ${inUse.pseudonym}.`);
  return out;
}

export function findParticipant(participants: readonly Participant[], name: string): Participant | undefined {
  const key = pseudonymKey(name);
  if (!key) return undefined;
  return participants.find((p) => p.deletedAt == null && pseudonymKey(p.pseudonym) === key);
}

export function validateParticipant(
  candidate: Participant,
  others: readonly Participant[],
  roles: readonly RoleDef[],
  attributeDefs: readonly AttributeDef[],
): Participant {
  const pseudonym = candidate.pseudonym.trim();
  if (!pseudonym) throw new ValidationError('A participant needs a pseudonym.');
  const clash = others.find((p) => p.id !== candidate.id && p.deletedAt == null && pseudonymKey(p.pseudonym) === pseudonymKey(pseudonym));
  if (clash) throw new ValidationError(`Another participant is already called "${clash.pseudonym}".`);
  if (candidate.role && !roles.some((r) => r.id === candidate.role)) {
    throw new ValidationError(`Unknown role "${candidate.role}" for ${pseudonym}; add it to the project's roles first.`);
  }
  // Values of attributes no longer in the sheet are kept, so removing a column loses nothing.
  const attributes: Record<string, AttributeValue> = { ...candidate.attributes };
  for (const def of attributeDefs) {
    const value = candidate.attributes[def.name];
    attributes[def.name] = coerceAttribute(def, value ?? null, pseudonym);
  }
  const ids = new Set(others.map((p) => p.id));
  const links = candidate.links.filter((l) => l.participantId !== candidate.id && ids.has(l.participantId));
  return { ...candidate, pseudonym, site: candidate.site.trim(), attributes, links };
}

/** Turns what a researcher typed (or a CSV cell) into a value of the attribute's type. */
export function coerceAttribute(def: AttributeDef, value: AttributeValue, who = ''): AttributeValue {
  if (value === null || value === '') return null;
  const where = who ? ` for ${who}` : '';
  switch (def.type) {
    case 'text':
      return String(value);
    case 'number': {
      const n = typeof value === 'number' ? value : Number(String(value).trim().replace(',', '.'));
      if (!Number.isFinite(n)) throw new ValidationError(`"${value}" is not a number (attribute ${def.name}${where}).`);
      return n;
    }
    case 'boolean': {
      if (typeof value === 'boolean') return value;
      const s = String(value).trim().toLowerCase();
      if (['yes', 'y', 'true', '1'].includes(s)) return true;
      if (['no', 'n', 'false', '0'].includes(s)) return false;
      throw new ValidationError(`"${value}" is not yes/no (attribute ${def.name}${where}).`);
    }
    case 'date': {
      const s = String(value).trim();
      // Date.parse takes 2025-02-30 as 2 March; a date that is not on the calendar is a typo.
      const day = new Date(`${s}T00:00:00Z`);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(s) || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== s) {
        throw new ValidationError(`"${value}" is not a date as YYYY-MM-DD (attribute ${def.name}${where}).`);
      }
      return s;
    }
  }
}

export function newParticipant(id: string, pseudonym: string, role = ''): Participant {
  return { id, pseudonym: pseudonym.trim(), role, site: '', group: '', attributes: {}, links: [] };
}
