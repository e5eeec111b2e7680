// The search box's query language: what each query reads as, and where each bad one is pointed at.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_QUERY_DEPTH, QUERY_HELP, parseQuery } from '../../../renderer/core/search/query';
import { QueryError, type QueryNode, type WordNode } from '../../../renderer/core/search/types';

const w = (text: string, exact = false): WordNode => ({ kind: 'word', text, wildcard: /[*?]/.test(text), exact });
const phrase = (...words: WordNode[]): QueryNode => ({ kind: 'phrase', words });
const and = (...children: QueryNode[]): QueryNode => ({ kind: 'and', children });
const or = (...children: QueryNode[]): QueryNode => ({ kind: 'or', children });
const not = (include: QueryNode, exclude: QueryNode): QueryNode => ({ kind: 'not', include, exclude });
const near = (left: QueryNode, right: QueryNode, distance = 5): QueryNode => ({ kind: 'near', distance, left, right });
// Where a regex stands is asserted once, below; elsewhere any place will do.
const regex = (source: string): QueryNode => ({ kind: 'regex', source, position: expect.any(Number) as number });

/** The error parseQuery returns for `text` (failing the test when it parses). */
function errorOf(text: string): QueryError {
  const result = parseQuery(text);
  expect(result).toBeInstanceOf(QueryError);
  return result as QueryError;
}

function expectError(text: string, position: number, message?: RegExp): void {
  const error = errorOf(text);
  expect(error.position).toBe(position);
  if (message) expect(error.message).toMatch(message);
}

describe('words', () => {
  it('keeps a word as typed, case and all', () => {
    expect(parseQuery('Police')).toEqual(w('Police'));
    expect(parseQuery('  police\t\n')).toEqual(w('police'));
  });

  it('strips punctuation around a word and skips tokens that are only punctuation', () => {
    expect(parseQuery('police, ...violence! ¡qué!')).toEqual(and(w('police'), w('violence'), w('qué')));
    expect(parseQuery("'police' - , court")).toEqual(and(w('police'), w('court')));
    expect(parseQuery('(violence)')).toEqual(w('violence'));
  });

  it('keeps apostrophes between letters, as straight ones, and strips the others', () => {
    expect(parseQuery("don't")).toEqual(w("don't"));
    expect(parseQuery('he’s')).toEqual(w("he's"));
    expect(parseQuery("'tis police’")).toEqual(and(w('tis'), w('police')));
  });

  it('counts Unicode letters, digits and combining marks as letters', () => {
    expect(parseQuery('cafe\u0301 東京 1984 Ωμέγα')).toEqual(and(w('cafe\u0301'), w('東京'), w('1984'), w('Ωμέγα')));
    expect(parseQuery('𝒳')).toEqual(w('𝒳'));
  });

  it('splits at hyphens and other inner punctuation into a phrase, as the text is split', () => {
    expect(parseQuery('well-being')).toEqual(phrase(w('well'), w('being')));
    expect(parseQuery('e.g.')).toEqual(phrase(w('e'), w('g')));
    expect(parseQuery('and/or')).toEqual(phrase(w('and'), w('or')));
  });

  it('marks wildcards', () => {
    expect(parseQuery('polic*')).toEqual({ kind: 'word', text: 'polic*', wildcard: true, exact: false });
    expect(parseQuery('wom?n')).toEqual({ kind: 'word', text: 'wom?n', wildcard: true, exact: false });
    expect(parseQuery('*olice?')).toEqual({ kind: 'word', text: '*olice?', wildcard: true, exact: false });
    // ? is a wildcard, never punctuation: "why?" is why and one more letter.
    expect(parseQuery('why?')).toEqual({ kind: 'word', text: 'why?', wildcard: true, exact: false });
  });

  it('refuses a word that is only wildcards, at that word', () => {
    for (const q of ['*', '**', '?*', '?']) expectError(q, 0, /wildcard needs at least one letter/);
    expectError('police *', 7);
    expectError('well-*', 5);
    expectError('(*)', 1);
    expectError('"police *"', 8);
  });

  it('reads lower-case operators as ordinary words', () => {
    expect(parseQuery('and or not near')).toEqual(and(w('and'), w('or'), w('not'), w('near')));
    expect(parseQuery('Near Or')).toEqual(and(w('Near'), w('Or')));
    expect(parseQuery('near/3')).toEqual(phrase(w('near'), w('3')));
  });
});

describe('quotes', () => {
  it('reads "a phrase" as its words, exact', () => {
    expect(parseQuery('"police station"')).toEqual(phrase(w('police', true), w('station', true)));
  });

  it('takes curly quotes and either closing quote', () => {
    const expected = phrase(w('police', true), w('station', true));
    for (const q of ['“police station”', '“police station"', '"police station”']) expect(parseQuery(q)).toEqual(expected);
  });

  it('reads one quoted word as an exact word, not a one-word phrase', () => {
    expect(parseQuery('"police"')).toEqual(w('police', true));
    expect(parseQuery('“don’t”')).toEqual(w("don't", true));
  });

  it('splits and strips punctuation inside quotes, and reads operators there as words', () => {
    expect(parseQuery('"well-being, (ok)"')).toEqual(phrase(w('well', true), w('being', true), w('ok', true)));
    expect(parseQuery('"AND"')).toEqual(w('AND', true));
    expect(parseQuery('"police OR /court/"')).toEqual(phrase(w('police', true), w('OR', true), w('court', true)));
    expect(parseQuery('"polic* station"')).toEqual(phrase(w('polic*', true), w('station', true)));
  });

  it('ends a word at a quote', () => {
    expect(parseQuery('police"station"')).toEqual(and(w('police'), w('station', true)));
  });

  it('refuses empty quotes at the opening quote', () => {
    expectError('""', 0, /no words/);
    expectError('a “”', 2);
    expectError('a " - "', 2);
  });

  it('refuses an unclosed quote at the opening quote', () => {
    expectError('a "police', 2, /This quote is never closed/);
    expectError('a “police', 2, /never closed/);
    expectError('"a" "b', 4);
  });
});

describe('regular expressions', () => {
  it('reads /source/ without validating it', () => {
    expect(parseQuery('/colou?r/')).toEqual(regex('colou?r'));
    expect(parseQuery('/(/')).toEqual(regex('('));
    expect(parseQuery('police OR /x+/')).toEqual({
      kind: 'or',
      children: [expect.anything(), { kind: 'regex', source: 'x+', position: 10 }],
    });
  });

  it('keeps escapes as written, and an escaped slash does not close', () => {
    expect(parseQuery(String.raw`/a\/b/`)).toEqual(regex(String.raw`a\/b`));
    expect(parseQuery(String.raw`/\d+\s\\/`)).toEqual(regex(String.raw`\d+\s\\`));
  });

  it('combines with the operators, brackets inside it being its own', () => {
    expect(parseQuery('/polic(e|ing)/ NEAR court')).toEqual(near(regex('polic(e|ing)'), w('court')));
    expect(parseQuery('(/a/ OR b)')).toEqual(or(regex('a'), w('b')));
  });

  it('refuses an unclosed or empty regex at its opening slash', () => {
    expectError('a /abc', 2, /no closing \//);
    expectError(String.raw`/abc\/`, 0);
    expectError('a //', 2, /empty/);
  });

  it('refuses flags after the closing slash', () => {
    expectError('/x/i', 3, /flags/);
  });
});

describe('operators', () => {
  it('reads AND, and adjacent words as AND', () => {
    expect(parseQuery('a AND b')).toEqual(and(w('a'), w('b')));
    expect(parseQuery('a b')).toEqual(parseQuery('a AND b'));
  });

  it('reads OR', () => {
    expect(parseQuery('a OR b')).toEqual(or(w('a'), w('b')));
  });

  it('reads NOT and AND NOT alike', () => {
    expect(parseQuery('a NOT b')).toEqual(not(w('a'), w('b')));
    expect(parseQuery('a AND NOT b')).toEqual(not(w('a'), w('b')));
  });

  it('reads NEAR as NEAR/5 and NEAR/n from 0 to 50', () => {
    expect(parseQuery('a NEAR b')).toEqual(near(w('a'), w('b'), 5));
    expect(parseQuery('a NEAR/0 b')).toEqual(near(w('a'), w('b'), 0));
    expect(parseQuery('a NEAR/2 b')).toEqual(near(w('a'), w('b'), 2));
    expect(parseQuery('a NEAR/50 b')).toEqual(near(w('a'), w('b'), 50));
  });

  it('takes words, phrases, regexes and (a OR b) groups beside NEAR', () => {
    expect(parseQuery('"a b" NEAR /c/')).toEqual(near(phrase(w('a', true), w('b', true)), regex('c')));
    expect(parseQuery('well-being NEAR (c OR "d e")')).toEqual(
      near(phrase(w('well'), w('being')), or(w('c'), phrase(w('d', true), w('e', true)))),
    );
    expect(parseQuery('(a NEAR b) NEAR/1 c')).toEqual(near(near(w('a'), w('b')), w('c'), 1));
  });

  it('refuses NEAR/ with no number, a bad one or one over 50, at the operator', () => {
    for (const bad of ['NEAR/', 'NEAR/x', 'NEAR/-1', 'NEAR/2.5', 'NEAR/3,'])
      expectError(`a ${bad} b`, 2, /whole number of words from 0 to 50/);
    expectError('a NEAR/51 b', 2, /at most 50/);
    expectError('a NEAR/99999999999 b', 2, /whole number|at most 50/);
  });
});

describe('precedence', () => {
  it('binds AND tighter than OR', () => {
    expect(parseQuery('a OR b c')).toEqual(or(w('a'), and(w('b'), w('c'))));
    expect(parseQuery('a b OR c')).toEqual(or(and(w('a'), w('b')), w('c')));
    expect(parseQuery('a AND b OR c AND d')).toEqual(or(and(w('a'), w('b')), and(w('c'), w('d'))));
  });

  it('binds NEAR tighter than AND and OR, left to right', () => {
    expect(parseQuery('a NEAR b c')).toEqual(and(near(w('a'), w('b')), w('c')));
    expect(parseQuery('a OR b NEAR c')).toEqual(or(w('a'), near(w('b'), w('c'))));
    expect(parseQuery('a NEAR/2 b NEAR/3 c')).toEqual(near(near(w('a'), w('b'), 2), w('c'), 3));
  });

  it('excludes each NOT part from the whole AND sequence it stands in', () => {
    expect(parseQuery('a b NOT c')).toEqual(not(and(w('a'), w('b')), w('c')));
    expect(parseQuery('a NOT b c')).toEqual(not(and(w('a'), w('c')), w('b')));
    expect(parseQuery('a NOT b OR c')).toEqual(or(not(w('a'), w('b')), w('c')));
    expect(parseQuery('(a b) NOT c')).toEqual(not(and(w('a'), w('b')), w('c')));
  });

  it('excludes several NOTs as one OR: a NOT b NOT c is a NOT (b OR c)', () => {
    expect(parseQuery('a NOT b NOT c')).toEqual(not(w('a'), or(w('b'), w('c'))));
    expect(parseQuery('a NOT b NOT c')).toEqual(parseQuery('a NOT (b OR c)'));
    expect(parseQuery('a NOT (b OR c) AND NOT d')).toEqual(not(w('a'), or(w('b'), w('c'), w('d'))));
  });

  it('lets NOT take a NEAR or a bracketed group', () => {
    expect(parseQuery('a NOT b NEAR c')).toEqual(not(w('a'), near(w('b'), w('c'))));
    expect(parseQuery('a NOT (b c)')).toEqual(not(w('a'), and(w('b'), w('c'))));
    expect(parseQuery('a NOT (b NOT c)')).toEqual(not(w('a'), not(w('b'), w('c'))));
  });
});

describe('flattening', () => {
  it('takes an OR inside an OR, and an AND inside an AND, into one', () => {
    expect(parseQuery('a OR (b OR c)')).toEqual(or(w('a'), w('b'), w('c')));
    expect(parseQuery('(a OR b) OR (c OR d)')).toEqual(or(w('a'), w('b'), w('c'), w('d')));
    expect(parseQuery('a AND (b c)')).toEqual(and(w('a'), w('b'), w('c')));
    expect(parseQuery('(a b) (c AND d)')).toEqual(and(w('a'), w('b'), w('c'), w('d')));
  });

  it('keeps a group of the other kind as it is', () => {
    expect(parseQuery('a OR (b c)')).toEqual(or(w('a'), and(w('b'), w('c'))));
    expect(parseQuery('a (b OR c)')).toEqual(and(w('a'), or(w('b'), w('c'))));
  });

  it('reads a group of one as that one', () => {
    expect(parseQuery('(a)')).toEqual(w('a'));
    expect(parseQuery('((a))')).toEqual(w('a'));
    expect(parseQuery('((a OR b))')).toEqual(or(w('a'), w('b')));
    expect(parseQuery('x (a)')).toEqual(and(w('x'), w('a')));
  });
});

describe('errors', () => {
  it('asks for something to search for when there is nothing', () => {
    for (const q of ['', '   ', ' - , ', '()', '( )']) expectError(q, 0, /^Type something to search for$/);
  });

  it('points at an unmatched opening bracket', () => {
    expectError('(a', 0, /never closed/);
    expectError('a (b (c)', 2);
    expectError('(a) (b', 4);
  });

  it('points at an unmatched closing bracket', () => {
    expectError('a)', 1, /no opening/);
    expectError('(a))', 3);
    expectError(') a (', 0);
  });

  it('points at empty brackets among words', () => {
    expectError('a ()', 2, /nothing inside/);
  });

  it('points at an operator with nothing before it', () => {
    expectError('OR a', 0, /^OR needs a word on each side$/);
    expectError('AND a', 0, /^AND needs a word on each side$/);
    expectError('NEAR a', 0, /^NEAR needs a word on each side$/);
    expectError('(OR a)', 1, /^OR needs/);
  });

  it('points at an operator with nothing after it', () => {
    expectError('a OR', 2, /^OR needs a word on each side$/);
    expectError('a AND', 2, /^AND needs/);
    expectError('a NEAR/3', 2, /^NEAR\/3 needs a word on each side$/);
    expectError('(a OR) b', 3, /^OR needs/);
  });

  it('points at the second of two operators in a row', () => {
    expectError('a OR OR b', 5, /^OR needs/);
    expectError('a AND OR b', 6, /^OR needs/);
    expectError('a OR AND b', 5, /^AND needs/);
    expectError('a NEAR OR b', 7, /^OR needs/);
    expectError('a NOT OR b', 6, /^OR needs/);
    expectError('a NOT NOT b', 6, /NOT twice/);
  });

  it('refuses an AND sequence made only of NOT parts, at its first NOT', () => {
    const message = /^NOT needs something to search for beside it \(e\.g\. police NOT court\)$/;
    expectError('NOT a', 0, message);
    expectError('(NOT a)', 1, message);
    expectError('x (NOT a)', 3, message);
    expectError('NOT a NOT b', 0, message);
    expectError('a OR NOT b', 5, message);
  });

  it('refuses NOT before a closing bracket or at the end', () => {
    expectError('NOT', 0, /NOT needs a word after it/);
    expectError('a NOT', 2, /NOT needs a word after it/);
    expectError('(a NOT) b', 3, /NOT needs a word after it/);
  });

  it('refuses AND or NOT beside NEAR, at the NEAR', () => {
    const message = /^NEAR joins words, phrases or \(a OR b\) groups, not AND or NOT$/;
    expectError('a NEAR (b c)', 2, message);
    expectError('(a b) NEAR c', 6, message);
    expectError('a NEAR (b NOT c)', 2, message);
    expectError('a b NEAR/2 (c AND d)', 4, message);
    expectError('(a OR b c) NEAR d', 11, message);
    expectError('a NEAR NOT b', 2, message);
  });

  it('reports the first problem from the left', () => {
    expectError('a OR "b', 5, /never closed/);
    expectError('* "b', 0, /wildcard/);
  });
});

describe('long and deep queries', () => {
  it('reads 100,000 characters of words', () => {
    const query = 'police court '.repeat(7693).slice(0, 100_000);
    const result = parseQuery(query);
    expect(result).not.toBeInstanceOf(QueryError);
    expect(!(result instanceof QueryError) && result.kind === 'and' && result.children.length).toBe(query.trim().split(' ').length);
  });

  it('reads 100,000 characters of ORs, and a single 100,000-letter word', () => {
    const result = parseQuery('a OR '.repeat(20_000) + 'a');
    expect(!(result instanceof QueryError) && result.kind === 'or' && result.children.length).toBe(20_001);
    expect(parseQuery('x'.repeat(100_000))).toEqual(w('x'.repeat(100_000)));
  });

  it('points at a quote or regex left open across 100,000 characters', () => {
    expectError('a "' + 'b '.repeat(50_000), 2);
    expectError('a /' + String.raw`\/`.repeat(50_000), 2);
  });

  it(`reads ${MAX_QUERY_DEPTH} brackets inside one another, and refuses 10,000 at the one too many`, () => {
    const depth = (n: number) => '('.repeat(n) + 'a' + ')'.repeat(n);
    expect(parseQuery(depth(MAX_QUERY_DEPTH))).toEqual(w('a'));
    expectError(depth(10_000), MAX_QUERY_DEPTH, /too deeply nested/);
    expectError('('.repeat(10_000) + 'a', MAX_QUERY_DEPTH, /too deeply nested/);
    expectError('a OR ('.repeat(10_000) + 'b', 5 + 6 * MAX_QUERY_DEPTH, /too deeply nested/);
  });

  it('refuses a chain of too many NEARs, which would nest the tree as deep', () => {
    expect(parseQuery('a' + ' NEAR a'.repeat(MAX_QUERY_DEPTH))).not.toBeInstanceOf(QueryError);
    expectError('a' + ' NEAR a'.repeat(10_000), 2 + 7 * MAX_QUERY_DEPTH, /Too many NEARs/);
  });
});

describe('QUERY_HELP', () => {
  it('gives examples that all parse', () => {
    for (const row of QUERY_HELP) expect(parseQuery(row.example), row.example).not.toBeInstanceOf(QueryError);
  });

  it('covers every feature and says what a researcher needs to know', () => {
    const examples = QUERY_HELP.map((r) => r.example).join(' ');
    for (const feature of ['AND', 'OR', 'NOT', 'NEAR ', 'NEAR/', '"', '*', '?', '-', '(', '/']) expect(examples).toContain(feature);
    const meanings = QUERY_HELP.map((r) => r.meaning).join(' ');
    for (const note of ['same speaker turn', 'capitals', 'stemming', 'accents removed', 'back-references'])
      expect(meanings).toContain(note);
  });
});

describe('properties', () => {
  /** Every word of a tree, walked without recursion (a tree may be deep). */
  function words(root: QueryNode): WordNode[] {
    const out: WordNode[] = [];
    const stack = [root];
    for (let node = stack.pop(); node; node = stack.pop()) {
      if (node.kind === 'word') out.push(node);
      else if (node.kind === 'phrase') out.push(...node.words);
      else if (node.kind === 'and' || node.kind === 'or') stack.push(...node.children);
      else if (node.kind === 'not') stack.push(node.include, node.exclude);
      else if (node.kind === 'near') stack.push(node.left, node.right);
    }
    return out;
  }

  function wellFormed(text: string): boolean {
    const result = parseQuery(text);
    if (result instanceof QueryError) return result.position >= 0 && result.position <= text.length && result.message.length > 0;
    return words(result).every((word) => word.text !== '' && /[^*?]/.test(word.text));
  }

  const TOKENS = [
    'a',
    'b',
    'Ü',
    ' ',
    ' ',
    '(',
    ')',
    '"',
    '“',
    '”',
    '/',
    '\\',
    '-',
    ',',
    "'",
    'AND',
    'OR',
    'NOT',
    'NEAR',
    'NEAR/2',
    '*',
    '?',
  ];
  const tokens = fc.array(fc.constantFrom(...TOKENS), { maxLength: 30 }).map((ts) => ts.join(''));
  const spaced = fc.array(fc.constantFrom(...TOKENS), { maxLength: 30 }).map((ts) => ts.join(' '));

  it('never throws, and gives an error inside the text or a tree with no empty word', () => {
    fc.assert(fc.property(fc.string(), wellFormed), { numRuns: 500 });
    fc.assert(fc.property(fc.string({ unit: 'binary' }), wellFormed), { numRuns: 500 });
    fc.assert(fc.property(tokens, wellFormed), { numRuns: 2000 });
    fc.assert(fc.property(spaced, wellFormed), { numRuns: 2000 });
  });
});
