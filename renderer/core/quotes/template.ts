// Attributions such as "(Kieran, Time 2)": a template of {fields} filled from the quote's
// participant, wave and transcript, tidied so an empty value leaves no stray comma or bracket.
// {time} is when the quote starts in the transcript's recording ("(Kieran, Time 2, 12:34)"),
// from its cues, timestamps or sync points (core/media); empty where the transcript has none.
import { clockAt } from '../media';
import { DEFAULT_ROLES, GROUPS, type AttributeValue, type ProjectSnapshot, ValidationError } from '../shared';
import type { Quote } from './types';

export const DEFAULT_TEMPLATE: string = '({pseudonym}, {wave})';
const UNKNOWN_PARTICIPANT = 'Unknown participant';

const BUILT_IN = ['pseudonym', 'wave', 'waveid', 'role', 'site', 'group', 'title', 'time'] as const;
type BuiltIn = (typeof BUILT_IN)[number];

type Part = { field: string; text?: undefined } | { text: string; field?: undefined };

/** Literal text and {fields}, in order; a field name is kept as written (trimmed). */
function parse(template: string): { parts: Part[]; unbalanced: boolean } {
  const parts: Part[] = [];
  let last = 0;
  for (const m of template.matchAll(/\{([^{}]*)\}/g)) {
    if (m.index > last) parts.push({ text: template.slice(last, m.index) });
    parts.push({ field: m[1]!.trim() });
    last = m.index + m[0].length;
  }
  if (last < template.length) parts.push({ text: template.slice(last) });
  return { parts, unbalanced: parts.some((p) => p.text !== undefined && /[{}]/.test(p.text)) };
}

const key = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

/** Attribute names by key: the project's attribute columns, then any other key a participant carries. */
function attributeNames(project: ProjectSnapshot): Map<string, string> {
  const names = new Map<string, string>();
  for (const def of project.attributeDefs ?? []) if (!names.has(key(def.name))) names.set(key(def.name), def.name);
  for (const p of project.participants) {
    if (p.deletedAt != null) continue;
    for (const name of Object.keys(p.attributes)) if (!names.has(key(name))) names.set(key(name), name);
  }
  return names;
}

/** What is wrong with a template, in words for the researcher; [] when it is fine. */
export function templateProblems(project: ProjectSnapshot, template: string): string[] {
  const { parts, unbalanced } = parse(template);
  const attributes = attributeNames(project);
  const problems: string[] = [];
  const example = [...attributes.values()][0];
  const fields = '{pseudonym}, {wave}, {role}, {site}, {group}, {title}';
  const choices = example === undefined ? `${fields} or {time}` : `${fields}, {time} or a participant attribute such as {${example}}`;
  for (const p of parts) {
    if (p.field === undefined) continue;
    const k = key(p.field);
    if ((BUILT_IN as readonly string[]).includes(k) || attributes.has(k)) continue;
    const problem = `Unknown field {${p.field}}: use ${choices}.`;
    if (!problems.includes(problem)) problems.push(problem);
  }
  if (unbalanced) problems.push('A { or } has no partner: write a field as {pseudonym}.');
  return problems;
}

/**
 * The attribution of a quote by `template` (default '({pseudonym}, {wave})'). Field names are
 * case-insensitive. Throws a ValidationError naming the problem when the template has one.
 */
export function attribution(
  project: ProjectSnapshot,
  quote: Pick<Quote, 'sourceId' | 'participantId' | 'wave'>,
  template: string = DEFAULT_TEMPLATE,
): string {
  const problems = templateProblems(project, template);
  if (problems.length > 0) throw new ValidationError(problems[0]);
  const person =
    quote.participantId === '' ? undefined : project.participants.find((p) => p.id === quote.participantId && p.deletedAt == null);
  const source = project.sources.find((s) => s.id === quote.sourceId);
  const wave = project.waves.find((w) => w.id === quote.wave);
  const attributes = attributeNames(project);
  const builtIn: Record<BuiltIn, string> = {
    pseudonym: person?.pseudonym ?? UNKNOWN_PARTICIPANT,
    wave: wave?.label ?? quote.wave,
    waveid: quote.wave,
    role: person?.role
      ? ((project.roles?.find((r) => r.id === person.role) ?? DEFAULT_ROLES.find((r) => r.id === person.role))?.label ?? person.role)
      : '',
    site: person?.site ?? '',
    group: person?.group ? (GROUPS.find((g) => g.id === person.group)?.label ?? person.group) : '',
    title: source?.title ?? '',
    // A whole Quote carries its start; the contract's narrower shape (no place) gives no time.
    time: clockAt(source, (quote as Partial<Pick<Quote, 'start'>>).start),
  };
  const valueOf = (field: string): string => {
    const k = key(field);
    // A built-in name wins over an attribute of the same name; the list, not `in`, so an
    // attribute called "constructor" is not taken for a property of every object.
    if ((BUILT_IN as readonly string[]).includes(k)) return builtIn[k as BuiltIn];
    const name = attributes.get(k);
    if (!person || name === undefined) return '';
    // The attribute may be stored under another spelling of the name than the column's.
    const stored = Object.keys(person.attributes).find((a) => key(a) === k);
    return show(stored === undefined ? null : (person.attributes[stored] ?? null));
  };
  const parts = parse(template).parts.map((p) =>
    p.field === undefined ? { text: p.text, value: false } : { text: valueOf(p.field), value: true },
  );
  return tidy(parts);
}

function show(value: AttributeValue): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

// A separator between two values: ', ' '; ' ' · ' ' - ' ' – ' ' | ' ' / ', or plain spaces.
const SEPARATOR_END = /(?:\s*[,;·|/–—-]\s*|\s+)$/;
const SEPARATOR_START = /^(?:\s*[,;·|/–—-]\s*|\s+)/;

/**
 * Joins the parts, dropping each empty value with one separator next to it (the one before it
 * when a value precedes that, else the one after), then brackets left empty: "(Kieran, )" and
 * "( , Time 2)" never appear.
 */
function tidy(input: { text: string; value: boolean }[]): string {
  const parts = input.map((p) => ({ ...p }));
  for (let i = 0; i < parts.length;) {
    const p = parts[i]!;
    if (!p.value || p.text.trim() !== '') {
      i += 1;
      continue;
    }
    const before = parts[i - 1];
    const after = parts[i + 1];
    const valueBefore = parts.slice(0, i - 1).some((q) => q.value);
    if (before && !before.value && valueBefore && SEPARATOR_END.test(before.text)) before.text = before.text.replace(SEPARATOR_END, '');
    else if (after && !after.value && SEPARATOR_START.test(after.text)) after.text = after.text.replace(SEPARATOR_START, '');
    else if (before && !before.value && SEPARATOR_END.test(before.text)) before.text = before.text.replace(SEPARATOR_END, '');
    parts.splice(i, 1);
  }
  let out = parts.map((p) => p.text).join('');
  for (let previous = ''; previous !== out;) {
    previous = out;
    // A separator before a bracket that is now empty goes with it: "Kieran, ()" -> "Kieran".
    out = out.replace(/(?:\s*[,;·|/–—-])?\s*(?:\(\s*\)|\[\s*\])/g, '');
  }
  return out.replace(/\s{2,}/g, ' ').trim();
}
