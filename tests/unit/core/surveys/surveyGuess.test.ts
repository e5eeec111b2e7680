// A new item's type, guessed from its answers: words are a scale (not numbers gone wrong), and
// a yes/no question coded 1 = Yes, 2 = No is binary, reporting the value labelled yes.
import { describe, expect, it } from 'vitest';
import { guessItem, ItemStats } from '../../../../renderer/core/surveys/surveyGuess';

function stats(values: (string | number | null)[]): ItemStats {
  const s = new ItemStats();
  values.forEach((v, row) => s.add(v, row, 1, true));
  return s;
}

describe('guessItem', () => {
  it('reads answers written as words as a scale to set up, with no word an error', () => {
    const s = stats(['Often', 'Never', 'Always', null]);
    const guess = guessItem(s, [{ name: 'listens' }]);
    expect(guess).toMatchObject({ type: 'ordinal', reported: [] });
    expect(s.textAmongNumbers(guess)).toEqual([]);
  });

  it('reads 1 = Yes, 2 = No as binary, reporting 1', () => {
    const labels = [
      { value: 1, label: 'Yes' },
      { value: 2, label: 'No' },
      { value: 9, label: 'Refused' },
    ];
    const guess = guessItem(stats([1, 2, 2, 9]), [{ name: 'police', valueLabels: labels, missing: [9] }]);
    expect(guess).toMatchObject({ type: 'binary', reported: [1], missing: [9] });
  });

  it('still flags a word among numbers', () => {
    const s = stats([0, 1, 'lots']);
    expect(s.textAmongNumbers(guessItem(s, [{ name: 'x' }])).map((t) => t.problem('x'))).toEqual([
      "'lots' is not a number, and the answers to 'x' are numbers; correct it or clear the cell.",
    ]);
  });
});
