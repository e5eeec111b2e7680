// The project's records, as plain data. The store keeps them in Dexie; core functions take
// them as a ProjectSnapshot so they run in tests, a worker or a script without a database.
import type { SurveyItem, SurveyResponse, SurveyTimePoint } from './surveyModel';

export interface Wave {
  id: string; // e.g. 'T1'; a source's `wave` holds this id
  label: string; // e.g. 'Time 1'
  order: number;
}

export type BuiltInRole = 'man' | 'woman' | 'staff' | 'child' | 'stakeholder';

export interface RoleDef {
  id: string; // BuiltInRole or a project-defined id
  label: string;
}

export type Group = 'programme' | 'comparison' | '';

export type AttributeType = 'text' | 'number' | 'date' | 'boolean';

export interface AttributeDef {
  name: string;
  type: AttributeType;
}

export type AttributeValue = string | number | boolean | null;

export interface ParticipantLink {
  type: string; // e.g. 'partner of', 'child of'
  participantId: string;
}

export interface Participant {
  id: string;
  pseudonym: string;
  role: string; // a RoleDef id
  site: string;
  group: Group;
  attributes: Record<string, AttributeValue>;
  links: ParticipantLink[];
  deletedAt?: number | null;
}

export type SpeakerRole = 'interviewer' | 'participant' | 'other';

export interface Turn {
  start: number; // UTF-16 offset into Source.text, end exclusive
  end: number;
  speaker: string | null; // the label as written in the file, null for unlabelled paragraphs
  speakerRole?: SpeakerRole;
  startTime?: number; // seconds, from VTT/SRT cues
  endTime?: number;
}

/**
 * A heading of the document (Heading 1–3 in .docx, .odt, .rtf), kept out of the text as a
 * marker: its section runs from `start` (a UTF-16 offset into Source.text) to the next heading
 * of the same or a higher level.
 */
export interface Section {
  start: number;
  title: string;
  /** 1 for Heading 1, up to 3. */
  level: number;
}

export interface SourceOrigin {
  fileName: string;
  format: string;
  sha256: string;
  importedAt: number;
}

export interface Source {
  id: string;
  participantId: string | null;
  wave: string | null; // a Wave id
  title: string;
  text: string; // canonical text: never changes under a coding
  turns: Turn[];
  /** The document's headings, in order of `start`; absent when it had none. */
  sections?: Section[];
  /**
   * Moments the researcher set while listening: the text at `offset` is said `seconds` into the
   * transcript's recording (core/media syncPoints.ts). Absent when none were set.
   */
  syncPoints?: { offset: number; seconds: number }[];
  origin: SourceOrigin;
  /**
   * The rich-text original another tool kept beside the plain text (a .qdpx TextSource's
   * richTextPath .docx), as base64: the researcher's source, kept whole and exported back.
   */
  originalDocx?: string;
  deletedAt?: number | null;
}

export interface Code {
  id: string;
  parentId: string | null;
  name: string;
  description: string;
  inclusion: string;
  exclusion: string;
  examples: string;
  colour: string;
  order: number;
  /**
   * A category (REFI-QDA isCodable="false"): it groups codes but is not applied to text itself,
   * as QualCoder's categories and NVivo's and MAXQDA's folders of codes. Absent: codable.
   */
  notCodable?: boolean;
  /**
   * The app chose the colour because the file the code came from gave none. Exports leave it
   * out, so a file goes back without colours it never had; choosing a colour clears it.
   */
  autoColour?: boolean;
  deletedAt?: number | null;
}

export interface Coding {
  id: string;
  sourceId: string;
  codeId: string;
  coderId: string;
  start: number;
  end: number;
  memo: string;
  createdAt: number;
  updatedAt: number;
  deletedAt?: number | null;
}

export interface Coder {
  id: string;
  name: string;
  colour: string;
  /** The team's agreed layer, built by resolving disagreements (Agreement tab). */
  consensus?: boolean;
}

export type MemoTarget = 'project' | 'participant' | 'source' | 'code' | 'coding';

export interface Memo {
  id: string;
  target: MemoTarget;
  targetId: string | null;
  title: string;
  text: string;
  updatedAt: number;
  deletedAt?: number | null;
}

/** How an account changed between two waves, as the framework method with time judges it. */
export type ChangeJudgement = 'emerged' | 'ceased' | 'strengthened' | 'weakened' | 'unchanged' | 'unclear';

export const CHANGE_JUDGEMENTS: readonly { id: ChangeJudgement; label: string }[] = [
  { id: 'emerged', label: 'Emerged' },
  { id: 'ceased', label: 'Ceased' },
  { id: 'strengthened', label: 'Strengthened' },
  { id: 'weakened', label: 'Weakened' },
  { id: 'unchanged', label: 'Unchanged' },
  { id: 'unclear', label: 'Unclear' },
];

/**
 * One cell of the change matrix: a participant's account on one code (or measure) at the
 * first and the second wave of a pair, summarised by the researcher, with a judgement.
 */
export interface FrameworkCell {
  id: string;
  participantId: string;
  codeId: string;
  /** The pair of wave ids compared, e.g. ['T1', 'T2']. */
  waves: [string, string];
  firstSummary: string;
  secondSummary: string;
  judgement: ChangeJudgement | '';
  updatedAt: number;
  deletedAt?: number | null;
}

/**
 * 'first'/'second': that coder's version, with two coders; 'coder': one coder's version among
 * three or more (`takenCoderId`); 'both': every version; 'edit': every version as a starting
 * point, then adjusted on the Coding tab.
 */
export type ConsensusChoice = 'first' | 'second' | 'both' | 'neither' | 'edit' | 'coder';

/** How the team resolved one disagreement between coders: logged with who, when and why. */
export interface Decision {
  id: string;
  sourceId: string;
  codeId: string;
  start: number;
  end: number;
  /** The coders compared, in the order their versions were listed: two, or more. */
  coderIds: string[];
  choice: ConsensusChoice;
  /** With choice 'coder': whose version was taken. */
  takenCoderId?: string;
  why: string;
  decidedBy: string;
  decidedAt: number;
  /** The consensus codings this decision created. */
  codingIds: string[];
  deletedAt?: number | null;
}

/**
 * A quote an author keeps for a paper: a place in a transcript (offsets, so it always links
 * back to the full text), the author's label, where it is used, and the parts cut out.
 */
export interface BasketItem {
  id: string;
  sourceId: string;
  start: number;
  end: number;
  /** The codes the passage carried when it was picked, for the export's code column. */
  codeIds: string[];
  label: string;
  /** The paper or chapter that uses it, e.g. 'Paper 2, section 4'. */
  usedIn: string;
  /** Position in the basket; the basket reads in this order. */
  order: number;
  /** Stretches of the passage left out, each shown as an ellipsis (absolute offsets). */
  cuts: { start: number; end: number }[];
  addedAt: number;
  updatedAt: number;
  deletedAt?: number | null;
}

export interface ProjectSnapshot {
  waves: Wave[];
  participants: Participant[];
  sources: Source[];
  codes: Code[];
  codings: Coding[];
  coders: Coder[];
  memos?: Memo[];
  frameworkCells?: FrameworkCell[];
  decisions?: Decision[];
  /** Carried when a project leaves or enters the app as a file (.qdpx). */
  name?: string;
  roles?: RoleDef[];
  attributeDefs?: AttributeDef[];
  /** Named groups of transcripts and codes other than waves (REFI-QDA Sets), in file order. */
  sets?: ProjectSet[];
  /** The surveys beside the interviews (issue 19): time points in order, items, answers. */
  surveyTimePoints?: SurveyTimePoint[];
  surveyItems?: SurveyItem[];
  surveyResponses?: SurveyResponse[];
  /** Transcripts' recordings as a .qdpx names them (issue 23); only an export loads them. */
  media?: MediaRef[];
}

/**
 * A transcript's recording as it leaves in a .qdpx: an AudioSource or VideoSource whose
 * Transcript is the transcript's text, with its times as SyncPoints. The file itself is not put
 * in the .qdpx (an hour of video is gigabytes): a linked one is named by where it is, a kept one
 * by its file name, for the other tool to find.
 */
export interface MediaRef {
  sourceId: string;
  fileName: string;
  mediaType: string;
  /** Where the file is on this computer, for a linked recording; null for one kept in the project. */
  path: string | null;
}

/**
 * A named group of transcripts (and of codes, where a file's set held codes): NVivo's and
 * ATLAS.ti's sets and groups, MAXQDA's document sets. Waves are sets too in a .qdpx, but a wave
 * is a Wave; these are the others. Members are ids; a member that is gone is skipped.
 */
export interface ProjectSet {
  id: string;
  name: string;
  description: string;
  sourceIds: string[];
  codeIds: string[];
}

export const DEFAULT_WAVES: readonly Wave[] = [
  { id: 'T1', label: 'Time 1', order: 0 },
  { id: 'T2', label: 'Time 2', order: 1 },
];

export const DEFAULT_ROLES: readonly RoleDef[] = [
  { id: 'man', label: 'Man on programme' },
  { id: 'woman', label: 'Woman (ex-)partner' },
  { id: 'staff', label: 'Staff' },
  { id: 'child', label: 'Child' },
  { id: 'stakeholder', label: 'Stakeholder' },
];

export const GROUPS: readonly { id: Group; label: string }[] = [
  { id: 'programme', label: 'Programme' },
  { id: 'comparison', label: 'Comparison' },
  { id: '', label: '—' },
];

/** Records that are not soft-deleted. */
export function live<T extends { deletedAt?: number | null }>(items: readonly T[]): T[] {
  return items.filter((item) => item.deletedAt == null);
}
