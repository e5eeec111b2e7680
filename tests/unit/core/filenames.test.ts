import { describe, it, expect } from 'vitest';
import { proposeFromFileName } from '../../../renderer/core/transcripts/filenames';
import { DEFAULT_WAVES } from '../../../renderer/core/shared/model';

const waves = DEFAULT_WAVES.map(({ id, label }) => ({ id, label }));
const threeWaves = [...waves, { id: 'T3', label: 'Follow-up' }];

type Row = [fileName: string, participant: string | null, waveId: string | null, roleHint: string | null];

function check(rows: Row[], ws = waves): void {
  for (const [fileName, participant, waveId, roleHint] of rows) {
    expect(proposeFromFileName(fileName, ws), fileName).toEqual({ participant, waveId, roleHint });
  }
}

describe('proposeFromFileName', () => {
  it('the examples of the brief', () => {
    check([
      ['Kieran_T2.docx', 'Kieran', 'T2', null],
      ['P07 Time 1.txt', 'P07', 'T1', null],
      ['woman-12-t1.vtt', 'woman-12', 'T1', 'woman'],
      ['Interview - Dale - Wave 2.docx', 'Dale', 'T2', null],
      ['dale_time2_final.txt', 'dale', 'T2', null],
    ]);
    check([['Priya follow-up.txt', 'Priya', 'T3', null]], threeWaves);
  });

  it('wave spellings', () => {
    check([
      ['Dale T1.txt', 'Dale', 'T1', null],
      ['Dale t2.txt', 'Dale', 'T2', null],
      ['Dale_Time_2.docx', 'Dale', 'T2', null],
      ['Dale time 1.docx', 'Dale', 'T1', null],
      ['Dale-wave1.docx', 'Dale', 'T1', null],
      ['Dale wave 2.srt', 'Dale', 'T2', null],
      ['T2 - Dale.docx', 'Dale', 'T2', null],
      ['TIME2 DALE.txt', 'DALE', 'T2', null],
      ['Dale TP1.txt', 'Dale', 'T1', null],
    ]);
  });

  it('project wave labels and ids match, spaced or hyphenated any way', () => {
    check(
      [
        ['Priya follow-up.txt', 'Priya', 'T3', null],
        ['Priya_Follow_Up.docx', 'Priya', 'T3', null],
        ['priya followup.md', 'priya', 'T3', null],
        ['Priya T3.txt', 'Priya', 'T3', null],
        ['Priya Time 2.txt', 'Priya', 'T2', null],
      ],
      threeWaves,
    );
    const named = [
      { id: 'base', label: 'Baseline' },
      { id: 'end', label: 'Endline' },
    ];
    check(
      [
        ['Sam baseline.txt', 'Sam', 'base', null],
        ['Sam Endline.docx', 'Sam', 'end', null],
        ['Sam T2.docx', 'Sam', 'end', null], // the second wave when no id/label has a number
      ],
      named,
    );
  });

  it('a wave number beyond the project waves gives no wave but is still not a name', () => {
    check([['Dale T5.txt', 'Dale', null, null]]);
    expect(proposeFromFileName('Dale T1.txt', [])).toEqual({ participant: 'Dale', waveId: null, roleHint: null });
  });

  it('no wave in the name', () => {
    check([
      ['Dale.txt', 'Dale', null, null],
      ['Kieran Smith.docx', 'Kieran Smith', null, null],
    ]);
  });

  it('strips noise words, versions, copies and dates', () => {
    check([
      ['Interview transcript Dale T1 final.docx', 'Dale', 'T1', null],
      ['Copy of Dale_T2.docx', 'Dale', 'T2', null],
      ['Dale T2 v2.docx', 'Dale', 'T2', null],
      ['Dale T2 (1).docx', 'Dale', 'T2', null],
      ['Dale_T1_2024-03-01.txt', 'Dale', 'T1', null],
      ['2024_03_01 Dale T1.txt', 'Dale', 'T1', null],
      ['Dale 20240301 T2.txt', 'Dale', 'T2', null],
      ['Dale 01.03.2024 T2.txt', 'Dale', 'T2', null],
      ['Dale T1 2024.txt', 'Dale', 'T1', null],
      ['Dale T1 redacted anonymised.txt', 'Dale', 'T1', null],
      ['DALE_T1_FINAL_v3.docx', 'DALE', 'T1', null],
    ]);
  });

  it('role hints', () => {
    check([
      ['man-03-T1.docx', 'man-03', 'T1', 'man'],
      ['men_group_T2.docx', 'men group', 'T2', 'man'],
      ['Male 4 T1.txt', 'Male 4', 'T1', 'man'],
      ['perp07 T1.txt', 'perp07', 'T1', 'man'],
      ['Women 2 T2.txt', 'Women 2', 'T2', 'woman'],
      ['Partner of Dale T1.txt', 'Partner Dale', 'T1', 'woman'],
      ['staff-Jo-T1.docx', 'staff-Jo', 'T1', 'staff'],
      ['Worker 3.txt', 'Worker 3', null, 'staff'],
      ['Facilitator Ann T2.docx', 'Facilitator Ann', 'T2', 'staff'],
      ['child-2-t2.vtt', 'child-2', 'T2', 'child'],
      ['Kid 4 T1.txt', 'Kid 4', 'T1', 'child'],
      ['young person 5 T1.txt', 'young person 5', 'T1', 'child'],
      ['Stakeholder - Police - T1.docx', 'Stakeholder Police', 'T1', 'stakeholder'],
    ]);
  });

  it('keeps ids intact and does not take W-numbers for waves when a T is present', () => {
    check([
      ['P07_T2.docx', 'P07', 'T2', null],
      ['W3_T1.docx', 'W3', 'T1', null],
      ['M12 Time 2.docx', 'M12', 'T2', null],
    ]);
    check([['Dale W2.docx', 'Dale', 'T2', null]]); // a lone W-number is still read as a wave
  });

  it('underscores become spaces; hyphens and dots between parts stay', () => {
    check([
      ['Priya_Shah_T1.docx', 'Priya Shah', 'T1', null],
      ['Mary-Jane T1.txt', 'Mary-Jane', 'T1', null],
      ["O'Brien T2.txt", "O'Brien", 'T2', null],
      ['J.Smith T1.txt', 'J.Smith', 'T1', null],
    ]);
  });

  it('paths, odd extensions and names with nothing left', () => {
    check([
      ['C:\\data\\Dale_T1.docx', 'Dale', 'T1', null],
      ['/home/me/interviews/Dale_T1.DOCX', 'Dale', 'T1', null],
      ['interview_T1.txt', null, 'T1', null],
      ['transcript.txt', null, null, null],
      ['Zoë Müller T2.txt', 'Zoë Müller', 'T2', null],
    ]);
  });
});
