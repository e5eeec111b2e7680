// Regular expressions in a search run on the browser's own engine, which is fast (tens of ms
// over the study's 20 MB, where the linear-time re2js took 1.5-2 s: measured, see the README)
// but backtracks. So a pattern is read first (regexpp, the parser ESLint uses) and refused when
// it could run for ever: back-references, lookarounds, a repeated part that itself repeats
// ((a+)+), a repeated choice whose branches can start alike ((a|ab)*), or more than two
// unbounded runs of "anything". The search worker also stops a pattern that takes too long.
import { RegExpParser, type AST } from '@eslint-community/regexpp';
import { foldAccentsSameLength } from './fold';
import { QueryError, type SearchOptions } from './types';

/** A pattern ready to run over a transcript's text: [start, end) of each match, in order. */
export interface TextPattern {
  matches(text: string): Iterable<[number, number]>;
}

type Node = AST.Node;

function children(node: Node): Node[] {
  switch (node.type) {
    case 'Pattern':
    case 'Group':
    case 'CapturingGroup':
      return node.alternatives;
    case 'Assertion':
      return node.kind === 'lookahead' || node.kind === 'lookbehind' ? node.alternatives : [];
    case 'Alternative':
      return node.elements;
    case 'Quantifier':
      return [node.element];
    default:
      return [];
  }
}

function some(node: Node, test: (n: Node) => boolean): boolean {
  return test(node) || children(node).some((c) => some(c, test));
}

const repeats = (n: Node): n is AST.Quantifier => n.type === 'Quantifier' && n.max > 1;

/** "Anything" sets: ., \w, \S, \D, negated classes: runs of them overlap almost everything. */
function wide(n: Node): boolean {
  if (n.type === 'CharacterSet') return n.kind === 'any' || (n.kind !== 'property' && n.negate) || n.kind === 'word';
  if (n.type === 'CharacterClass') return n.negate;
  return false;
}

/** The literal text of an alternative made only of characters, or null. */
function literal(alt: Node): string | null {
  if (alt.type !== 'Alternative') return null;
  return alt.elements.every((e) => e.type === 'Character') ? alt.elements.map((e) => e.raw).join('') : null;
}

/** Alternation under a repeat is safe only as distinct literals with distinct first letters (he|she)+. */
function ambiguousChoice(n: Node): boolean {
  if ((n.type !== 'Group' && n.type !== 'CapturingGroup') || n.alternatives.length < 2) return false;
  const words = n.alternatives.map(literal);
  if (words.some((w) => w === null || w === '')) return true;
  const firsts = words.map((w) => w!.charAt(0).toLowerCase());
  return new Set(firsts).size !== firsts.length;
}

function problem(pattern: AST.Pattern): string | null {
  if (some(pattern, (n) => n.type === 'Backreference'))
    return 'Back-references (\\1, \\k<name>) are not allowed in a search: they can make it run for ever.';
  if (some(pattern, (n) => n.type === 'Assertion' && (n.kind === 'lookahead' || n.kind === 'lookbehind')))
    return 'Lookarounds ((?=…), (?!…), (?<=…), (?<!…)) are not allowed in a search; use AND, NOT or NEAR instead.';
  if (some(pattern, (n) => repeats(n) && children(n).some((c) => some(c, repeats))))
    return 'A repeated part that repeats inside, such as (a+)+, can make a search run for ever; write it with one repeat.';
  if (some(pattern, (n) => repeats(n) && some(n.element, ambiguousChoice)))
    return 'A repeated choice whose branches can start the same way, such as (a|ab)*, can make a search run for ever.';
  let wideRuns = 0;
  some(pattern, (n) => {
    if (n.type === 'Quantifier' && n.max === Infinity && wide(n.element)) wideRuns += 1;
    return false;
  });
  if (wideRuns > 2)
    return 'More than two open-ended runs of any character (.* \\w+ [^x]*) can make a search very slow; use NEAR between words instead.';
  return null;
}

/**
 * The pattern of a /regular expression/ in a query, or the QueryError (position 0: the caller
 * places it in the query) saying why it is refused. Case is ignored unless asked; accents are
 * taken off the text unless asked, so a pattern is written without them.
 */
export function compilePattern(source: string, options: SearchOptions): TextPattern | QueryError {
  let ast: AST.Pattern;
  try {
    ast = new RegExpParser({ ecmaVersion: 2024 }).parsePattern(source, 0, source.length, { unicode: true });
  } catch (error) {
    const message = error instanceof Error ? error.message.replace(/^Invalid regular expression: /, '') : String(error);
    return new QueryError(`This regular expression cannot be read: ${message}`, 0);
  }
  const refused = problem(ast);
  if (refused) return new QueryError(refused, 0);
  const regex = new RegExp(source, options.matchCase ? 'gu' : 'giu');
  return {
    *matches(text) {
      const searched = options.matchAccents ? text : foldAccentsSameLength(text);
      regex.lastIndex = 0;
      for (let m = regex.exec(searched); m; m = regex.exec(searched)) {
        if (m[0].length === 0) {
          // An empty match is no hit; step past it (a whole code point) so the search goes on.
          regex.lastIndex += searched.codePointAt(regex.lastIndex)! > 0xffff ? 2 : 1;
          continue;
        }
        yield [m.index, m.index + m[0].length];
      }
    },
  };
}
