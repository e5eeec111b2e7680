// The small project the co-occurrence, matrix query, overview and saturation tests count by hand.
//
// Codes: A (order 0) > A1; B (1); C (2); N (3, a category, not codable, never coded); D deleted.
// People: P1 Kim man site A programme (age 34, date 2021-03-01); P2 Alex woman site B comparison
// (age 29, date 2021-01-15); P3 Jo man no site programme (no age, no date).
// Transcripts (turns marked i/p; imported at):
//   s1 P1 T1 (3): i "How was it?" | p "We argue less now and we talk more." | i "Why?" | p "The group helped me listen to her."
//   s2 P2 T1 (1): no turns, "He shouts less. He listens more. The kids are calmer now."
//   s3 P3 T2 (2): p "Work is fine." | i "And home?" | p "Home is calm and quiet."
//   s4 nobody T1 (2): no turns, "Notes about money and work."
// Sets: S1 = {s2, s4}; S2 = {s1, s2}.
import type { Coding, ProjectSnapshot } from '../../../../renderer/core/shared/model';
import { code, person, source } from '../../../fixtures/waveProjects';

const sources = [
  source(
    's1',
    'P1',
    'T1',
    [
      ['interviewer', 'How was it?'],
      ['participant', 'We argue less now and we talk more.'],
      ['interviewer', 'Why?'],
      ['participant', 'The group helped me listen to her.'],
    ],
    { origin: { fileName: 's1.txt', format: 'txt', sha256: '', importedAt: 3 } },
  ),
  source('s2', 'P2', 'T1', 'He shouts less. He listens more. The kids are calmer now.', {
    origin: { fileName: 's2.txt', format: 'txt', sha256: '', importedAt: 1 },
  }),
  source(
    's3',
    'P3',
    'T2',
    [
      ['participant', 'Work is fine.'],
      ['interviewer', 'And home?'],
      ['participant', 'Home is calm and quiet.'],
    ],
    { origin: { fileName: 's3.txt', format: 'txt', sha256: '', importedAt: 2 } },
  ),
  source('s4', null, 'T1', 'Notes about money and work.', { origin: { fileName: 's4.txt', format: 'txt', sha256: '', importedAt: 2 } }),
];
export const text = (id: string) => sources.find((s) => s.id === id)!.text;
/** [start, end) of the first occurrence of a phrase in a transcript. */
export const at = (sourceId: string, phrase: string): [number, number] => {
  const start = text(sourceId).indexOf(phrase);
  if (start < 0) throw new Error(`"${phrase}" is not in ${sourceId}`);
  return [start, start + phrase.length];
};

let n = 0;
const coding = (codeId: string, sourceId: string, phrase: string, coderId = 'k1', extra: Partial<Coding> = {}): Coding => {
  const [start, end] = at(sourceId, phrase);
  return { id: `c${++n}`, sourceId, codeId, coderId, start, end, memo: '', createdAt: 0, updatedAt: 0, deletedAt: null, ...extra };
};

export const project: ProjectSnapshot = {
  waves: [
    { id: 'T1', label: 'Time 1', order: 0 },
    { id: 'T2', label: 'Time 2', order: 1 },
  ],
  participants: [
    person('P1', 'Kim', 'man', 'A', 'programme', { attributes: { age: 34, date: '2021-03-01' } }),
    person('P2', 'Alex', 'woman', 'B', 'comparison', { attributes: { age: 29, date: '2021-01-15' } }),
    person('P3', 'Jo', 'man', '', 'programme', { attributes: { age: null } }),
  ],
  sources,
  codes: [
    code('C', null, 2),
    code('A1', 'A', 0),
    code('A', null, 0),
    code('B', null, 1),
    code('N', null, 3, { notCodable: true }),
    code('D', null, 4, { deletedAt: 1 }),
  ],
  codings: [
    coding('A', 's1', 'argue less now'),
    coding('B', 's1', 'less now and we talk'),
    coding('B', 's1', 'group helped'),
    coding('C', 's1', 'talk more'),
    coding('A', 's1', 'listen to her'),
    coding('C', 's1', 'Why?'), // the interviewer's turn
    coding('D', 's1', 'We argue'), // a deleted code
    coding('A', 's2', 'He listens more'),
    coding('B', 's2', 'listens more. The kids'),
    coding('C', 's2', 'shouts less'),
    coding('C', 's2', 'The kids are calmer now', 'k2'),
    coding('A', 's3', 'fine.\nAnd home?\nHome is calm'), // across three turns
    coding('C', 's3', 'calm and quiet', 'k2'),
    coding('A1', 's3', 'Work'),
    coding('B', 's3', 'quiet', 'k1', { deletedAt: 2 }), // a deleted coding
    coding('B', 's4', 'money'),
    coding('C', 's4', 'money and work'),
  ],
  coders: [
    { id: 'k1', name: 'One', colour: '#000' },
    { id: 'k2', name: 'Two', colour: '#111' },
  ],
  sets: [
    { id: 'S1', name: 'Set one', description: '', sourceIds: ['s2', 's4'], codeIds: [] },
    { id: 'S2', name: 'Set two', description: '', sourceIds: ['s1', 's2', 'gone'], codeIds: [] },
  ],
};
