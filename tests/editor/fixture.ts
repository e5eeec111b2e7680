// A small transcript with labels between turns, a multi-line turn and non-BMP characters,
// built the way the importer lays it out: turns cover what was said, not the labels.
import type { Source, SpeakerRole, Turn } from '../../renderer/core/shared/model';

const SAID: [string, SpeakerRole, string][] = [
  ['Interviewer', 'interviewer', 'Hello 👋🏽 there, how are you finding the group?'],
  ['Dale', 'participant', 'Fine. 𝒳 marks the spot, really.\nSecond line of the same turn.'],
  ['Interviewer', 'interviewer', 'And then?'],
  ['Dale', 'participant', 'Then we talked. 👋🏽👋🏽 Done, 𝒳𝒳.'],
  ['Leanne', 'other', 'I was there too.'],
];

export function makeSource(): Source {
  let text = '';
  const turns: Turn[] = [];
  SAID.forEach(([speaker, speakerRole, said], i) => {
    if (i > 0) text += '\n\n';
    text += `${speaker}: `;
    turns.push({ start: text.length, end: text.length + said.length, speaker, speakerRole });
    text += said;
  });
  return {
    id: 's1',
    participantId: null,
    wave: 'T1',
    title: 'Fixture',
    text,
    turns,
    origin: { fileName: 'fixture.txt', format: 'txt', sha256: '', importedAt: 0 },
  };
}
