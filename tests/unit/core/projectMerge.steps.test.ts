// planMergeSteps: the merge planned a step at a time gives the plan planMerge gives in one go,
// with the share done yielded in between (the window draws between steps at ten times the study).
import { describe, expect, it } from 'vitest';
import { planMerge, planMergeSteps } from '../../../renderer/core/merge/projectMerge';
import { code, coder, coding, options, snapshot, source, TEXT_A } from '../../fixtures/mergeBuilders';

/** A project of `count` codings on one transcript, each its own range; the file holds the same and `extra` more. */
function pair(count: number, extra: number) {
  const codings = (prefix: string, n: number, coderId: string) =>
    Array.from({ length: n }, (_, i) =>
      coding(`${prefix}${i}`, prefix === 'h' ? 's1' : 'x1', prefix === 'h' ? 'c1' : 'z1', coderId, i % 50, 51 + (i % 13)),
    );
  const current = snapshot({
    sources: [source('s1', 'Mark T1', TEXT_A)],
    codes: [code('c1', 'Time Out')],
    coders: [coder('k1', 'Ann')],
    codings: codings('h', count, 'k1'),
  });
  const incoming = snapshot({
    sources: [source('x1', 'Mark T1', TEXT_A)],
    codes: [code('z1', 'Time Out')],
    coders: [coder('k1', 'Ann'), coder('kb', 'Ben', '#b5512f')],
    codings: [...codings('y', count, 'k1'), ...codings('b', extra, 'kb')],
  });
  return { current, incoming };
}

describe('planMergeSteps', () => {
  it('gives the plan planMerge gives, yielding a growing share done between steps', () => {
    const { current, incoming } = pair(30_000, 25_000);
    const steps = planMergeSteps(current, incoming, options());
    const shares: number[] = [];
    let step = steps.next();
    while (!step.done) {
      shares.push(step.value);
      step = steps.next();
    }
    // A pause once the live codings are found, before and after matching the transcripts, then one every 20,000 of the 85,000 codings.
    expect(shares).toEqual([0, 0, 0, ...[20_000, 40_000, 60_000, 80_000].map((n) => n / 85_000)]);
    const inOneGo = planMerge(current, incoming, options());
    expect(step.value).toEqual(inOneGo);
    // Ben's 25,000 codings cover 650 ranges: each added once, the repeats already there by then.
    expect(inOneGo.summary.codings).toEqual({ added: 650, alreadyPresent: 30_000 + 25_000 - 650, skipped: 0 });
  });

  it('pauses while matching many transcripts, every 250 on each side', () => {
    const sources = (prefix: string) => Array.from({ length: 600 }, (_, i) => source(`${prefix}${i}`, `T${i}`, `${TEXT_A} ${i}`));
    const current = snapshot({ sources: sources('s'), codes: [code('c1', 'Time Out')], coders: [coder('k1', 'Ann')] });
    const incoming = snapshot({ sources: sources('x'), codes: [code('z1', 'Time Out')], coders: [coder('k1', 'Ann')] });
    const steps = planMergeSteps(current, incoming, options());
    const shares: number[] = [];
    let step = steps.next();
    for (; !step.done; step = steps.next()) shares.push(step.value);
    expect(shares).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(step.value.summary.sources.matched).toHaveLength(600);
  });

  it('pauses only before the codings in a small project', () => {
    const { current, incoming } = pair(10, 5);
    expect([...planMergeSteps(current, incoming, options())]).toEqual([0, 0, 0]);
  });
});
