// The sample codings must stay anchored to the sample transcripts and the default codebook: every
// quote is found with indexOf, so it has to be exact, unique in its file and on word boundaries.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE_CODERS, SAMPLE_CODINGS } from '../../renderer/sample/sampleCodings';

const root = join(import.meta.dirname, '..', '..');
const transcriptDir = join(root, 'renderer', 'sample', 'transcripts');

interface CodeNode {
  name: string;
  children?: CodeNode[];
}

function codePaths(nodes: CodeNode[], prefix: string[] = []): string[] {
  return nodes.flatMap((node) => {
    const path = [...prefix, node.name];
    return [path.join(' / '), ...codePaths(node.children ?? [], path)];
  });
}

const codebook = JSON.parse(readFileSync(join(root, 'codebook', 'default-codebook.json'), 'utf8')) as { codes: CodeNode[] };
const PATHS = new Set(codePaths(codebook.codes));

const texts = new Map<string, string>();
function text(file: string): string {
  if (!texts.has(file)) texts.set(file, readFileSync(join(transcriptDir, file), 'utf8'));
  return texts.get(file)!;
}

function occurrences(haystack: string, needle: string): number {
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) count++;
  return count;
}

const WORD = /[\p{L}\p{N}]/u;
const LABEL = /^(Interviewer|Dale|Leanne|Ellie|Marcus|Priya|Ruth):/;
const label = (c: { file: string; code: string; quote: string; coder: string }) =>
  `${c.coder} ${c.file} [${c.code}] "${c.quote.slice(0, 50)}"`;

describe('sample codings', () => {
  it('has codings', () => {
    expect(SAMPLE_CODINGS.length).toBeGreaterThan(100);
  });

  it('name transcript files that exist', () => {
    for (const c of SAMPLE_CODINGS) expect(existsSync(join(transcriptDir, c.file)), label(c)).toBe(true);
  });

  it('use code paths from the default codebook', () => {
    for (const c of SAMPLE_CODINGS) expect(PATHS.has(c.code), label(c)).toBe(true);
  });

  it('quote text that occurs exactly once in its transcript', () => {
    for (const c of SAMPLE_CODINGS) expect(occurrences(text(c.file), c.quote), label(c)).toBe(1);
  });

  it('quote without leading or trailing whitespace', () => {
    for (const c of SAMPLE_CODINGS) {
      expect(c.quote.length, label(c)).toBeGreaterThan(0);
      expect(c.quote.trim(), label(c)).toBe(c.quote);
    }
  });

  it('start and end on word boundaries', () => {
    for (const c of SAMPLE_CODINGS) {
      const t = text(c.file);
      const start = t.indexOf(c.quote);
      const end = start + c.quote.length;
      const startsMidWord = start > 0 && WORD.test(t[start - 1]!) && WORD.test(c.quote[0]!);
      const endsMidWord = end < t.length && WORD.test(t[end]!) && WORD.test(c.quote[c.quote.length - 1]!);
      expect(startsMidWord, `starts mid-word: ${label(c)}`).toBe(false);
      expect(endsMidWord, `ends mid-word: ${label(c)}`).toBe(false);
    }
  });

  it('never start with a speaker label, and span turns only rarely', () => {
    for (const c of SAMPLE_CODINGS) expect(LABEL.test(c.quote), label(c)).toBe(false);
    expect(SAMPLE_CODINGS.filter((c) => c.quote.includes('\n')).length).toBeLessThanOrEqual(2);
  });

  it('are not duplicated', () => {
    const keys = SAMPLE_CODINGS.map((c) => `${c.coder}\u0000${c.file}\u0000${c.code}\u0000${c.quote}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('have coder A on every transcript and coder B on the four double-coded ones', () => {
    const coders = SAMPLE_CODERS.map((c) => c.key as string);
    for (const c of SAMPLE_CODINGS) expect(coders).toContain(c.coder);
    const files = (coder: string) => [...new Set(SAMPLE_CODINGS.filter((c) => c.coder === coder).map((c) => c.file))].sort();
    expect(files('ana')).toEqual([
      'Dale_T1.txt',
      'Dale_T2.txt',
      'Ellie_T1.txt',
      'Ellie_T2.txt',
      'Leanne_T1.txt',
      'Leanne_T2.txt',
      'Marcus_T1.txt',
      'Marcus_T2.txt',
      'Priya_T1.txt',
      'Priya_T2.txt',
      'Ruth_T1.txt',
      'Ruth_T2.txt',
    ]);
    expect(files('ben')).toEqual(['Dale_T1.txt', 'Dale_T2.txt', 'Leanne_T2.txt', 'Marcus_T2.txt']);
  });
});
