// The sample study's fictional survey, shaped like the study's: women asked by telephone at six
// time points over 15 months about the indicators of the measures of success, in the programme
// group (the sample's own two women, Leanne and Priya, and 18 women surveyed only) and a small
// comparison group (10 women whose partners were not on a programme). Every answer is made up
// by a seeded generator below, so the sample is the same on every computer; the shares follow
// the shape of the published findings (e.g. 'he negotiates during disagreements' rising from
// about a third to about two thirds in the programme group) without copying any real figure.

export interface SampleSurveyItem {
  label: string;
  wording: string;
  /** The indicator code, as its path in the default codebook. */
  code: string;
  better: 'more' | 'fewer';
  /** Share reporting it before the programme and at 15 months, programme then comparison group. */
  programme: [number, number];
  comparison: [number, number];
}

export const SAMPLE_SURVEY_ITEMS: SampleSurveyItem[] = [
  item(
    'negotiates',
    'He negotiates during disagreements',
    'Respectful communication / Negotiates during disagreements',
    'more',
    [0.34, 0.66],
    [0.4, 0.42],
  ),
  item(
    'considerate',
    'He acts in a considerate manner towards me',
    'Respectful communication / Acts considerately',
    'more',
    [0.45, 0.5],
    [0.5, 0.5],
  ),
  item(
    'listens',
    'He listens to me so that I feel heard',
    'Respectful communication / Listens so she feels heard',
    'more',
    [0.3, 0.55],
    [0.35, 0.35],
  ),
  item('money', 'He uses money to control me', 'Expanded space for action / Uses money to control', 'fewer', [0.5, 0.25], [0.45, 0.4]),
  item(
    'contact',
    'He stops me seeing friends or family',
    'Expanded space for action / Prevents contact with friends or family',
    'fewer',
    [0.55, 0.2],
    [0.5, 0.45],
  ),
  item('dress', 'He tells me how to dress', 'Expanded space for action / Tells her how to dress', 'fewer', [0.35, 0.15], [0.3, 0.3]),
  item(
    'physical',
    'He has been physically violent to me',
    'Safety and freedom from violence / Physical violence',
    'fewer',
    [0.85, 0.1],
    [0.8, 0.45],
  ),
  item(
    'sexual',
    'He has been sexually violent to me',
    'Safety and freedom from violence / Sexual violence',
    'fewer',
    [0.3, 0.05],
    [0.3, 0.2],
  ),
  item('injury', 'I was injured by him', 'Safety and freedom from violence / Physical injury', 'fewer', [0.6, 0.05], [0.55, 0.3]),
  item(
    'children_saw',
    'The children saw or heard the abuse',
    'Safety and freedom from violence / Children saw or overheard',
    'fewer',
    [0.75, 0.1],
    [0.7, 0.4],
  ),
  item(
    'harassment',
    'He harassed or abused me in other ways',
    'Safety and freedom from violence / Harassment and other abuse',
    'fewer',
    [0.8, 0.35],
    [0.75, 0.6],
  ),
  item('feels_safe', 'I feel safe', 'Safety and freedom from violence / Feeling safe', 'more', [0.35, 0.7], [0.4, 0.5]),
  item(
    'children_worry',
    'The children worry about my safety',
    "Safer, healthier childhoods / Children worry about mother's safety",
    'fewer',
    [0.6, 0.3],
    [0.55, 0.5],
  ),
  item(
    'children_frightened',
    'The children are frightened of him',
    'Safer, healthier childhoods / Children frightened of him',
    'fewer',
    [0.5, 0.2],
    [0.45, 0.4],
  ),
];

function item(
  label: string,
  wording: string,
  code: string,
  better: 'more' | 'fewer',
  programme: [number, number],
  comparison: [number, number],
): SampleSurveyItem {
  return { label, wording, code, better, programme, comparison };
}

/** The time points' labels, in order; the first stands beside Time 1, '12 months' beside Time 2. */
export const SAMPLE_TIME_POINTS: readonly string[] = ['Before the programme', '3 months', '6 months', '9 months', '12 months', '15 months'];

export interface SampleSurveyWoman {
  pseudonym: string;
  group: 'programme' | 'comparison';
  site: string;
  /** The sample participant she is, where she was interviewed too (by pseudonym). */
  interviewed: boolean;
}

const SURVEY_ONLY_PROGRAMME = [
  'Abi',
  'Bex',
  'Carys',
  'Dana',
  'Esme',
  'Fern',
  'Gwen',
  'Hana',
  'Isla',
  'Jade',
  'Kerry',
  'Lola',
  'Maeve',
  'Nell',
  'Orla',
  'Pia',
  'Rosa',
  'Tess',
];
const COMPARISON = ['Amira', 'Bryony', 'Cleo', 'Demi', 'Elin', 'Freya', 'Greta', 'Hollie', 'Iris', 'Joss'];

export const SAMPLE_SURVEY_WOMEN: SampleSurveyWoman[] = [
  { pseudonym: 'Leanne', group: 'programme', site: 'Northbridge', interviewed: true },
  { pseudonym: 'Priya', group: 'programme', site: 'Eastmoor', interviewed: true },
  ...SURVEY_ONLY_PROGRAMME.map((pseudonym, i) => ({
    pseudonym,
    group: 'programme' as const,
    site: i % 2 ? 'Eastmoor' : 'Northbridge',
    interviewed: false,
  })),
  ...COMPARISON.map((pseudonym, i) => ({
    pseudonym,
    group: 'comparison' as const,
    site: i % 2 ? 'Eastmoor' : 'Northbridge',
    interviewed: false,
  })),
];

/** A small seeded generator (mulberry32): the same answers on every computer. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Every woman's answers: `answers[woman][timePoint][item]` is 1 (reported), 0 (not) or null
 * (no answer: about one in twelve, and a few women not reached after 9 months). At each time
 * point the share of a group reporting an item is the item's (interpolated from its first to its
 * last share, rounded to whole women), so the sample shows the shape it was written to show
 * without the noise of 20 draws; who reports it follows each woman's steady tendency with a
 * little jitter, so her answers hang together across time points as real ones do.
 */
export function sampleSurveyAnswers(): (0 | 1 | null)[][][] {
  const next = random(19_2026);
  // The two interviewed women sit mid-way, so their answers turn as the shares do: their
  // interviews tell of change, and the survey should not contradict them for no reason.
  const tendency = SAMPLE_SURVEY_WOMEN.map((w) => {
    const drawn = next();
    return w.interviewed ? 0.5 : drawn;
  });
  const answers: (0 | 1 | null)[][][] = SAMPLE_SURVEY_WOMEN.map((_, w) =>
    SAMPLE_TIME_POINTS.map((__, t) => SAMPLE_SURVEY_ITEMS.map(() => ((w % 7 === 5 && t >= 4) || next() < 1 / 12 ? null : 0))),
  );
  for (const group of ['programme', 'comparison'] as const) {
    const women = SAMPLE_SURVEY_WOMEN.map((w, i) => ({ w, i })).filter(({ w }) => w.group === group);
    SAMPLE_SURVEY_ITEMS.forEach((it, j) => {
      const [start, end] = it[group];
      SAMPLE_TIME_POINTS.forEach((_, t) => {
        const share = start + ((end - start) * t) / (SAMPLE_TIME_POINTS.length - 1);
        const answering = women.filter(({ i }) => answers[i]![t]![j] !== null);
        // A woman who reports abuse reports less respect: one tendency, turned for 'more' items.
        const ranked = answering
          .map(({ i }) => ({ i, score: (it.better === 'fewer' ? tendency[i]! : 1 - tendency[i]!) + 0.25 * next() }))
          .sort((a, b) => a.score - b.score);
        const reporting = Math.round(share * answering.length);
        ranked.forEach(({ i }, k) => (answers[i]![t]![j] = k < reporting ? 1 : 0));
      });
    });
  }
  return answers;
}
