// A small, entirely fictional sample project for the workbench: 6 participants x 2 waves.
// Every person, place, service and conversation below is invented for demonstration and
// training. No sentence is taken from any real interview. The study design (men on a domestic
// violence perpetrator programme, their women partners or ex-partners, a facilitator and a
// child, interviewed near the start and near the end) loosely follows published longitudinal
// DVPP research, so the texts can be coded against its six measures of success and themes.
//
// Transcript format: one turn per paragraph, paragraphs separated by a blank line, each turn
// starting with `Interviewer:` or the participant's pseudonym followed by a colon. One
// interviewer turn (Marcus, Time 2) deliberately continues into a second, unlabelled paragraph.
// Leanne's transcripts use typographic apostrophes and quotes; Priya's and Ruth's contain
// Devanagari, Urdu (Arabic script) and Polish words, to exercise text handling.

// The transcripts are plain .txt files beside this module, imported as text.
import DALE_T1 from './transcripts/Dale_T1.txt?raw';
import DALE_T2 from './transcripts/Dale_T2.txt?raw';
import LEANNE_T1 from './transcripts/Leanne_T1.txt?raw';
import LEANNE_T2 from './transcripts/Leanne_T2.txt?raw';
import ELLIE_T1 from './transcripts/Ellie_T1.txt?raw';
import ELLIE_T2 from './transcripts/Ellie_T2.txt?raw';
import MARCUS_T1 from './transcripts/Marcus_T1.txt?raw';
import MARCUS_T2 from './transcripts/Marcus_T2.txt?raw';
import PRIYA_T1 from './transcripts/Priya_T1.txt?raw';
import PRIYA_T2 from './transcripts/Priya_T2.txt?raw';
import RUTH_T1 from './transcripts/Ruth_T1.txt?raw';
import RUTH_T2 from './transcripts/Ruth_T2.txt?raw';

export interface SampleParticipant {
  key: string;
  pseudonym: string;
  role: 'man' | 'woman' | 'staff' | 'child';
  site: string;
  group: 'programme';
  attributes: Record<string, string | number | boolean>;
  links: { type: string; key: string }[];
}

export interface SampleTranscript {
  fileName: string;
  participantKey: string;
  wave: 'T1' | 'T2';
  text: string;
}

export const SAMPLE_PROJECT_NAME = 'Sample study (fictional)';

export const SAMPLE_DESCRIPTION: string =
  'Fictional sample project, written for this app: every participant, place and interview here is invented, ' +
  'and none of it comes from a real study or a real person. It imitates the design of a longitudinal study of ' +
  'domestic violence perpetrator programmes (DVPPs): two men on a programme, their women partner or ex-partner, ' +
  'a group facilitator and one child were each interviewed near the start (Time 1) and near the end (Time 2) ' +
  'of the programme, at two invented sites, Northbridge and Eastmoor. Use it to try importing, coding and ' +
  'comparing waves, for example against six measures of success (respectful communication; expanded space for ' +
  'action; safety and freedom from violence and abuse for women and children; safe, positive and shared ' +
  'parenting; awareness of self and others; safer, healthier childhoods) and themes such as how change happens, ' +
  'gender, experience of the programme, the women\u2019s support service, children\u2019s views and service integrity. ' +
  'It also holds an invented telephone survey of 30 women at six time points over 15 months (20 whose partners ' +
  'were on the programme, the two women interviewed among them, and a comparison group of 10), for the Surveys tab.';

export const SAMPLE_PARTICIPANTS: SampleParticipant[] = [
  {
    key: 'dale',
    pseudonym: 'Dale',
    role: 'man',
    site: 'Northbridge',
    group: 'programme',
    attributes: {
      'age band': '35-44',
      'weeks on programme at T2': 26,
      'contact with children': true,
      'referral route': "children's services",
    },
    links: [],
  },
  {
    key: 'leanne',
    pseudonym: 'Leanne',
    role: 'woman',
    site: 'Northbridge',
    group: 'programme',
    attributes: { 'age band': '35-44', 'living with partner': true, 'women’s support service': true },
    links: [{ type: 'partner of', key: 'dale' }],
  },
  {
    key: 'ellie',
    pseudonym: 'Ellie',
    role: 'child',
    site: 'Northbridge',
    group: 'programme',
    attributes: { 'age band': '10-12', 'children’s worker present': true },
    links: [
      { type: 'child of', key: 'dale' },
      { type: 'child of', key: 'leanne' },
    ],
  },
  {
    key: 'marcus',
    pseudonym: 'Marcus',
    role: 'man',
    site: 'Eastmoor',
    group: 'programme',
    attributes: { 'age band': '25-34', 'weeks on programme at T2': 24, 'contact with children': true, 'referral route': 'family court' },
    links: [],
  },
  {
    key: 'priya',
    pseudonym: 'Priya',
    role: 'woman',
    site: 'Eastmoor',
    group: 'programme',
    attributes: { 'age band': '25-34', 'living with partner': false, 'women’s support service': true },
    links: [{ type: 'ex-partner of', key: 'marcus' }],
  },
  {
    key: 'ruth',
    pseudonym: 'Ruth',
    role: 'staff',
    site: 'Northbridge',
    group: 'programme',
    attributes: { 'age band': '45-54', 'staff role': 'group facilitator', 'years in post': 6 },
    // Dale's group facilitator: his case family has staff, so triangulation has a third account.
    links: [{ type: 'facilitator of', key: 'dale' }],
  },
];

export const SAMPLE_TRANSCRIPTS: SampleTranscript[] = [
  { fileName: 'Dale_T1.txt', participantKey: 'dale', wave: 'T1', text: DALE_T1 },
  { fileName: 'Dale_T2.txt', participantKey: 'dale', wave: 'T2', text: DALE_T2 },
  { fileName: 'Leanne_T1.txt', participantKey: 'leanne', wave: 'T1', text: LEANNE_T1 },
  { fileName: 'Leanne_T2.txt', participantKey: 'leanne', wave: 'T2', text: LEANNE_T2 },
  { fileName: 'Ellie_T1.txt', participantKey: 'ellie', wave: 'T1', text: ELLIE_T1 },
  { fileName: 'Ellie_T2.txt', participantKey: 'ellie', wave: 'T2', text: ELLIE_T2 },
  { fileName: 'Marcus_T1.txt', participantKey: 'marcus', wave: 'T1', text: MARCUS_T1 },
  { fileName: 'Marcus_T2.txt', participantKey: 'marcus', wave: 'T2', text: MARCUS_T2 },
  { fileName: 'Priya_T1.txt', participantKey: 'priya', wave: 'T1', text: PRIYA_T1 },
  { fileName: 'Priya_T2.txt', participantKey: 'priya', wave: 'T2', text: PRIYA_T2 },
  { fileName: 'Ruth_T1.txt', participantKey: 'ruth', wave: 'T1', text: RUTH_T1 },
  { fileName: 'Ruth_T2.txt', participantKey: 'ruth', wave: 'T2', text: RUTH_T2 },
];
