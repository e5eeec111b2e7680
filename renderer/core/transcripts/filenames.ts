// Guesses participant, wave and role from a transcript's file name, so a batch import of
// "Kieran_T2.docx", "P07 Time 1.txt" ... needs only a glance to confirm. Only a proposal:
// the import dialog shows it for the researcher to correct.

export interface FileNameProposal {
  participant: string | null; // as written in the file name (matching is the caller's job)
  waveId: string | null; // one of the given waves' ids
  roleHint: string | null; // a BuiltInRole id
}

interface Token {
  text: string;
  start: number;
  end: number;
}

const NOISE = new Set([
  'interview',
  'interviews',
  'transcript',
  'transcripts',
  'transcription',
  'transcribed',
  'final',
  'copy',
  'draft',
  'version',
  'edited',
  'clean',
  'cleaned',
  'anon',
  'anonymised',
  'anonymized',
  'redacted',
  'full',
  'audio',
  'recording',
  'of',
  'new',
  'revised',
  'checked',
  'verbatim',
]);

const ROLE_HINTS: readonly [RegExp, string][] = [
  [/^(man|men|male|males|perp|perps|perpetrators?)\d*$/, 'man'],
  [/^(woman|women|female|females|partners?|expartners?)\d*$/, 'woman'],
  [/^(staff|workers?|facilitators?|practitioners?)\d*$/, 'staff'],
  [/^(child|children|kids?|young|youngperson|yp|cyp)\d*$/, 'child'],
  [/^(stakeholders?)\d*$/, 'stakeholder'],
];

// Dates in common orders; blanked out before tokenising so "2024-03-01" is not three tokens.
const DATE =
  /(?<!\d)(?:(?:19|20)\d{2}[-_.]?(?:0[1-9]|1[0-2])[-_.]?(?:0[1-9]|[12]\d|3[01])|(?:0?[1-9]|[12]\d|3[01])[-_.](?:0?[1-9]|1[0-2])[-_.](?:(?:19|20)?\d{2}))(?!\d)/g;

/** "t2", "time2", "wave2", "w2", "tp2" -> 2 */
const WAVE_TOKEN = /^(?:t|time|w|wave|tp|timepoint|phase)(\d{1,2})$/;
const WAVE_WORD = /^(?:time|wave|timepoint|phase)$/;

function normalise(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

function tokenize(name: string): Token[] {
  const tokens: Token[] = [];
  for (const m of name.matchAll(/[\p{L}\p{N}']+/gu)) {
    tokens.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  }
  return tokens;
}

/** The wave a number refers to: its id or label carries that number, else the n-th wave. */
function waveByNumber(n: number, waves: readonly { id: string; label: string }[]): string | null {
  const byDigits = waves.find(
    (w) => normalise(w.id).replace(/\D/g, '') === String(n) || normalise(w.label).replace(/\D/g, '') === String(n),
  );
  return byDigits?.id ?? waves[n - 1]?.id ?? null;
}

/** Proposes participant, wave and role hint from a file name; see tests for the shapes handled. */
export function proposeFromFileName(fileName: string, waves: readonly { id: string; label: string }[]): FileNameProposal {
  let base = fileName.split(/[\\/]/).pop() ?? fileName;
  base = base.replace(/\.[A-Za-z0-9]{1,8}$/, ''); // extension
  base = base.replace(DATE, (d) => ' '.repeat(d.length));
  base = base.replace(/\(\d{1,2}\)/g, (d) => ' '.repeat(d.length)); // "name (1)" download copies

  const tokens = tokenize(base);
  const drop = new Array<boolean>(tokens.length).fill(false);
  let waveId: string | null = null;
  let waveFound = false;

  // Project wave ids and labels first ("Follow-up", "baseline"): spans of 1-3 tokens.
  const projectNames = waves
    .flatMap((w) => [
      { key: normalise(w.label), id: w.id },
      { key: normalise(w.id), id: w.id },
    ])
    .filter((p) => p.key !== '');
  for (let i = 0; i < tokens.length && !waveFound; i++) {
    for (let len = 3; len >= 1 && !waveFound; len--) {
      if (i + len > tokens.length) continue;
      const key = normalise(
        tokens
          .slice(i, i + len)
          .map((t) => t.text)
          .join(''),
      );
      const hit = projectNames.find((p) => p.key === key);
      if (hit) {
        waveId = hit.id;
        waveFound = true;
        for (let k = i; k < i + len; k++) drop[k] = true;
      }
    }
  }

  // Generic shapes: "T2", "time2", "Wave 2", "Time 1". A bare "W3" is weaker evidence (it is
  // also how ids of women participants are often written), so it is used only when nothing
  // else names the wave, and otherwise stays part of the participant.
  const generic: { indices: number[]; n: number; weak: boolean }[] = [];
  tokens.forEach((t, i) => {
    if (drop[i]) return;
    const lower = t.text.toLowerCase();
    const single = WAVE_TOKEN.exec(lower);
    const next = tokens[i + 1];
    if (single) generic.push({ indices: [i], n: Number(single[1]), weak: lower.startsWith('w') && !lower.startsWith('wave') });
    else if (WAVE_WORD.test(lower) && next && /^\d{1,2}$/.test(next.text) && !drop[i + 1]) {
      generic.push({ indices: [i, i + 1], n: Number(next.text), weak: false });
    }
  });
  const strong = generic.filter((g) => !g.weak);
  const chosen = waveFound ? undefined : (strong[0] ?? generic[0]);
  if (chosen) waveId = waveByNumber(chosen.n, waves);
  for (const g of generic) {
    if (g === chosen || !g.weak) for (const k of g.indices) drop[k] = true;
  }

  tokens.forEach((t, i) => {
    const lower = t.text.toLowerCase();
    if (NOISE.has(lower) || /^v\d{1,3}$/.test(lower) || /^(?:19|20)\d{2}$/.test(lower)) drop[i] = true;
  });

  let roleHint: string | null = null;
  for (const t of tokens) {
    const lower = t.text.toLowerCase();
    const hit = ROLE_HINTS.find(([re]) => re.test(lower));
    if (hit) {
      roleHint = hit[1];
      break;
    }
  }

  // Rebuild the participant from the kept tokens, keeping '-' and '.' between adjacent ones
  // ("woman-12") and turning '_' and spaces into one space ("Priya_Shah" -> "Priya Shah").
  let participant = '';
  let prev = -1;
  tokens.forEach((t, i) => {
    if (drop[i]) return;
    if (participant !== '') {
      const between = prev === i - 1 ? base.slice(tokens[prev]!.end, t.start) : ' ';
      participant += /^[-.]$/.test(between.trim()) && !/\s/.test(between) ? between : ' ';
    }
    participant += t.text;
    prev = i;
  });
  participant = participant.trim();
  return { participant: participant === '' ? null : participant, waveId, roleHint };
}
