// Surveys beside the interviews (issue 19): the study's telephone surveys of women at six time
// points, their items, and each answer. Plain data, as the rest of the model: the store keeps
// them in Dexie, core functions take them in a ProjectSnapshot.

/** One time point of the survey, in order: e.g. 'Before the programme', '3 months', … */
export interface SurveyTimePoint {
  id: string;
  label: string;
  order: number;
  /** The interview wave this time point stands beside (Time 1 ≈ start, Time 2 ≈ end), if any. */
  waveId?: string | null;
  deletedAt?: number | null;
}

export type SurveyItemType = 'binary' | 'ordinal' | 'count' | 'numeric';

export const SURVEY_ITEM_TYPES: readonly { id: SurveyItemType; label: string }[] = [
  { id: 'binary', label: 'Binary (yes/no)' },
  { id: 'ordinal', label: 'Ordinal (Likert)' },
  { id: 'count', label: 'Count' },
  { id: 'numeric', label: 'Numeric' },
];

/** A value's label as the survey file gave it (SPSS value labels, or the researcher's). */
export interface SurveyValueLabel {
  value: string | number;
  label: string;
}

export interface SurveyItem {
  id: string;
  /** Short name, as the column or variable in the file, e.g. 'negotiates'. */
  label: string;
  /** The question as asked, e.g. 'In the last 3 months, did he negotiate during disagreements?' */
  wording?: string;
  type: SurveyItemType;
  /** The values that count as reporting the indicator, e.g. [1] or ['Yes'] or [3, 4]. */
  reported: (string | number)[];
  /** Ordinal items: the scale's values in order with their labels. */
  valueLabels?: SurveyValueLabel[];
  /** Values that mean "no answer" (SPSS missing-value codes, e.g. 99): treated as missing. */
  missing?: (string | number)[];
  /**
   * Which way is better for the women: 'more' reporting it (he negotiates) or 'fewer' (he uses
   * money to control). Absent: 'more'. Joint displays say "improved" or "worsened" with it.
   */
  better?: 'more' | 'fewer';
  /** The indicator code of the codebook this item measures (a code can have several items). */
  codeId?: string | null;
  order?: number;
  deletedAt?: number | null;
}

export type SurveyValue = string | number | null;

/**
 * One answer. A missing answer is an absent record or `value: null`. `id` is the store's key
 * (absent in records made by scripts; core never needs it).
 */
export interface SurveyResponse {
  id?: string;
  participantId: string;
  timePointId: string;
  itemId: string;
  value: SurveyValue;
  deletedAt?: number | null;
}

/**
 * How the store keeps answers: one record per participant holding all of her answers, by time
 * point then item (`values[timePointId][itemId]`). The study's 1,000 × 6 × 60 answers are then
 * 1,000 records, not 360,000 (IndexedDB writes records one by one, and an encrypted project
 * seals each). `id` is the participant's id. Snapshots flatten them into SurveyResponses.
 */
export interface SurveyAnswerSet {
  id: string;
  participantId: string;
  values: Record<string, Record<string, SurveyValue>>;
  updatedAt: number;
  deletedAt?: number | null;
}
