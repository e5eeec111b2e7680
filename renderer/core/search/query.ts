// The search box's query language: words, "phrases", /regexes/, AND OR NOT NEAR/n and brackets,
// read into the tree of types.ts. Bad input gives a QueryError (returned, never thrown) with a
// message for a researcher and the offset of the problem, so the box can point at it.
//
// Grammar, loosest first (a hand-written descent over a token list: linear time, and depth is
// capped so a pasted wall of brackets cannot overflow the stack):
//   or   := and (OR and)*
//   and  := part (AND? part)*        adjacent parts are ANDed
//   part := NOT? near                NOT marks its part as excluded from the whole AND sequence
//   near := atom (NEAR/n atom)*      left-associative
//   atom := word | "phrase" | /regex/ | ( or )
// An AND sequence with excluded parts becomes NotNode{include: AND of the rest, exclude: OR of
// the excluded}: `a NOT b NOT c` excludes b OR c (one NotNode, not nested ones).
import { QueryError, type NearNode, type QueryNode, type WordNode } from './types';

/** Brackets inside brackets (and NEARs in a chain) beyond this are refused: the tree stays shallow. */
export const MAX_QUERY_DEPTH = 100;
/** NEAR with no number. */
export const DEFAULT_NEAR = 5;
export const MAX_NEAR = 50;

export const QUERY_HELP: readonly { example: string; meaning: string }[] = [
  { example: 'police', meaning: 'the word police, in any case (Police, POLICE) unless you choose to match case' },
  { example: 'police court', meaning: 'both words, in the same speaker turn: the same as police AND court' },
  { example: 'police AND court', meaning: 'both words in the same speaker turn (or the same transcript, if you choose)' },
  { example: 'police OR court', meaning: 'either word' },
  { example: 'police NOT court', meaning: 'police, in turns where court is not said (or transcripts, if you choose)' },
  { example: 'police NEAR court', meaning: 'police and court, either order, with at most 5 words between them' },
  { example: 'police NEAR/2 court', meaning: 'the same with at most 2 words between them (any whole number from 0 to 50)' },
  { example: '"police station"', meaning: 'these words in a row, as written: quotes also switch stemming off ("" or “”)' },
  { example: 'polic*', meaning: '* is any run of letters, or none: police, policing, policy' },
  { example: 'wom?n', meaning: '? is exactly one letter: woman, women' },
  { example: 'well-being', meaning: 'well then being: punctuation inside a word splits it, as in the text' },
  { example: '(police OR officer) NEAR court', meaning: 'brackets group: police or officer, near court' },
  { example: 'police OR court station', meaning: 'police, or court and station together: AND binds tighter than OR' },
  {
    example: '/colou?r/',
    meaning: 'a regular expression, run over the text with accents removed; back-references such as \\1 are not allowed',
  },
  { example: 'and or not near', meaning: 'ordinary words: operators are written in capitals (AND, OR, NOT, NEAR)' },
];

type Token =
  | { type: 'term'; pos: number; node: QueryNode }
  | { type: 'open' | 'close'; pos: number }
  | { type: 'op'; pos: number; op: 'AND' | 'OR' | 'NOT' | 'NEAR'; text: string; distance: number };

const SPACE = /\s/u;
const LETTER = /[\p{L}\p{N}\p{M}]/u;
const QUOTES = '"“”';
const APOSTROPHES = "'’‘";
const OPERATORS = new Set(['AND', 'OR', 'NOT']);

const isWordChar = (ch: string | undefined) => ch !== undefined && (ch === '*' || ch === '?' || LETTER.test(ch));

/**
 * The words in `raw` (text starting at offset `start`): runs of letters, digits, marks and
 * wildcards, keeping an apostrophe between two of them as '. Everything else splits (as tokens.ts
 * splits the text), so `(police,` is police and `well-being` is well, being.
 */
function wordsOf(raw: string, start: number, exact: boolean): WordNode[] {
  const chars = Array.from(raw);
  const words: WordNode[] = [];
  let current = '';
  let currentPos = start;
  let offset = start;
  const finish = () => {
    if (current === '') return;
    if (/^[*?]+$/.test(current)) throw new QueryError('A wildcard needs at least one letter beside it (e.g. polic*)', currentPos);
    words.push({ kind: 'word', text: current, wildcard: /[*?]/.test(current), exact });
    current = '';
  };
  chars.forEach((ch, i) => {
    if (isWordChar(ch)) {
      if (current === '') currentPos = offset;
      current += ch;
    } else if (APOSTROPHES.includes(ch) && isWordChar(chars[i - 1]) && isWordChar(chars[i + 1])) current += "'";
    else finish();
    offset += ch.length;
  });
  finish();
  return words;
}

/** A word token as a node: one word, a phrase when punctuation split it, or nothing. */
function termOf(words: WordNode[]): QueryNode | null {
  if (words.length === 0) return null;
  return words.length === 1 ? words[0]! : { kind: 'phrase', words };
}

function operatorOf(raw: string, pos: number): Token | null {
  if (OPERATORS.has(raw)) return { type: 'op', pos, op: raw as 'AND' | 'OR' | 'NOT', text: raw, distance: 0 };
  if (raw !== 'NEAR' && !raw.startsWith('NEAR/')) return null;
  const digits = raw.slice(5);
  if (raw !== 'NEAR' && !/^\d{1,9}$/.test(digits))
    throw new QueryError(`NEAR/ needs a whole number of words from 0 to ${MAX_NEAR} after it (e.g. NEAR/5)`, pos);
  const distance = raw === 'NEAR' ? DEFAULT_NEAR : Number(digits);
  if (distance > MAX_NEAR) throw new QueryError(`${raw} is too far: NEAR allows at most ${MAX_NEAR} words between (NEAR/${MAX_NEAR})`, pos);
  return { type: 'op', pos, op: 'NEAR', text: raw, distance };
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (SPACE.test(ch)) i += 1;
    else if (ch === '(' || ch === ')') tokens.push({ type: ch === '(' ? 'open' : 'close', pos: i++ });
    else if (QUOTES.includes(ch)) {
      // Any double quote closes: keyboards and pasted text mix straight and curly ones.
      let end = i + 1;
      while (end < text.length && !QUOTES.includes(text[end]!)) end += 1;
      if (end === text.length) throw new QueryError('This quote is never closed', i);
      const node = termOf(wordsOf(text.slice(i + 1, end), i + 1, true)); // spaces split like punctuation
      if (!node) throw new QueryError('These quotes have no words in them', i);
      tokens.push({ type: 'term', pos: i, node });
      i = end + 1;
    } else if (ch === '/') {
      // Backslash escapes are kept as written for the regex module; only the closing / is found here.
      let end = i + 1;
      while (end < text.length && text[end] !== '/') end += text[end] === '\\' ? 2 : 1;
      if (end >= text.length) throw new QueryError('This regular expression has no closing /', i);
      if (end === i + 1) throw new QueryError('This regular expression is empty: put a pattern between the slashes', i);
      if (isWordChar(text[end + 1]))
        throw new QueryError('Put a space after the closing / of a regular expression (flags such as /i are not used)', end + 1);
      tokens.push({ type: 'term', pos: i, node: { kind: 'regex', source: text.slice(i + 1, end), position: i } });
      i = end + 1;
    } else {
      let end = i;
      while (end < text.length && !SPACE.test(text[end]!) && !'()'.includes(text[end]!) && !QUOTES.includes(text[end]!)) end += 1;
      const raw = text.slice(i, end);
      const token = operatorOf(raw, i);
      const node = token ? null : termOf(wordsOf(raw, i, false));
      if (token) tokens.push(token);
      else if (node) tokens.push({ type: 'term', pos: i, node });
      i = end;
    }
  }
  return tokens;
}

/** Brackets pair up and nest at most MAX_QUERY_DEPTH deep: checked first, so the descent below stays shallow. */
function checkBrackets(tokens: Token[]): void {
  const open: number[] = [];
  for (const t of tokens) {
    if (t.type === 'open') {
      open.push(t.pos);
      if (open.length > MAX_QUERY_DEPTH)
        throw new QueryError(`This query is too deeply nested: at most ${MAX_QUERY_DEPTH} brackets inside one another`, t.pos);
    } else if (t.type === 'close' && open.pop() === undefined) throw new QueryError('This closing bracket has no opening one', t.pos);
  }
  if (open.length > 0) throw new QueryError('This bracket is never closed', open[0]!);
}

/** AND or OR of `children`, taking in children of the same kind; a group of one is that one. */
function group(kind: 'and' | 'or', children: QueryNode[]): QueryNode {
  if (children.length === 1) return children[0]!;
  const flat: QueryNode[] = [];
  for (const child of children) {
    // A loop, not push(...): spreading a 50,000-word group would overflow the argument list.
    if ((child.kind === 'and' || child.kind === 'or') && child.kind === kind) for (const c of child.children) flat.push(c);
    else flat.push(child);
  }
  return { kind, children: flat };
}

/** What NEAR can measure a distance from: single stretches of text (an OR of them is still one). */
function nearSide(node: QueryNode): boolean {
  if (node.kind === 'and' || node.kind === 'not') return false;
  return node.kind !== 'or' || node.children.every(nearSide);
}

const NOT_AFTER = 'NOT needs a word after it (e.g. police NOT court)';
const NEAR_SIDES = 'NEAR joins words, phrases or (a OR b) groups, not AND or NOT';

const isOp = (t: Token | undefined, op: string): t is Token & { type: 'op' } => t?.type === 'op' && t.op === op;

class Parser {
  private next = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly length: number,
  ) {}

  parseOr(): QueryNode {
    const children = [this.parseAnd()];
    while (isOp(this.tokens[this.next], 'OR')) {
      this.next += 1;
      children.push(this.parseAnd());
    }
    return group('or', children);
  }

  /** Parts joined by AND or by nothing; the NOT parts are excluded from the rest. */
  private parseAnd(): QueryNode {
    const include: QueryNode[] = [];
    const exclude: QueryNode[] = [];
    let firstNot: number | null = null;
    for (;;) {
      const t = this.tokens[this.next];
      if (isOp(t, 'NOT')) {
        firstNot ??= t.pos;
        this.next += 1;
        exclude.push(this.parseNear());
      } else include.push(this.parseNear());
      const after = this.tokens[this.next];
      if (isOp(after, 'AND')) this.next += 1;
      else if (!after || after.type === 'close' || isOp(after, 'OR')) break;
    }
    if (include.length === 0) throw new QueryError('NOT needs something to search for beside it (e.g. police NOT court)', firstNot ?? 0);
    const kept = group('and', include);
    return exclude.length === 0 ? kept : { kind: 'not', include: kept, exclude: group('or', exclude) };
  }

  private parseNear(): QueryNode {
    let left = this.parseAtom();
    let chain = 0;
    for (let t = this.tokens[this.next]; isOp(t, 'NEAR'); t = this.tokens[this.next]) {
      this.next += 1;
      // Each NEAR nests the tree one deeper; whatever walks it later must not overflow either.
      chain += 1;
      if (chain > MAX_QUERY_DEPTH) throw new QueryError(`Too many NEARs in a row: at most ${MAX_QUERY_DEPTH}`, t.pos);
      const right = this.parseAtom();
      if (!nearSide(left) || !nearSide(right)) throw new QueryError(NEAR_SIDES, t.pos);
      const near: NearNode = { kind: 'near', distance: t.distance, left, right };
      left = near;
    }
    return left;
  }

  private parseAtom(): QueryNode {
    const t = this.tokens[this.next];
    if (t?.type === 'term') {
      this.next += 1;
      return t.node;
    }
    if (t?.type !== 'open') throw this.missingWord(t);
    this.next += 1;
    const inner = this.parseOr();
    this.next += 1; // its ')': checkBrackets made sure there is one
    return inner;
  }

  /** The error for a word expected at `t` (an operator, a ')' or the end), naming what lacks it. */
  private missingWord(t: Token | undefined): QueryError {
    const prev = this.tokens[this.next - 1];
    if (t?.type === 'op' && t.op !== 'NOT') return new QueryError(`${t.text} needs a word on each side`, t.pos);
    if (prev?.type === 'op') {
      // t is NOT, ')' or the end: what is missing is the word prev wants after it.
      if (prev.op === 'NOT')
        return t?.type === 'op' ? new QueryError('NOT twice in a row: one is enough', t.pos) : new QueryError(NOT_AFTER, prev.pos);
      if (prev.op === 'NEAR' && t?.type === 'op') return new QueryError(NEAR_SIDES, prev.pos);
      return new QueryError(`${prev.text} needs a word on each side`, prev.pos);
    }
    if (prev?.type === 'open') return new QueryError('These brackets have nothing inside them', prev.pos);
    return new QueryError('A word is missing here', t?.pos ?? this.length);
  }
}

/** The tree of a query typed in the search box, or a QueryError saying what is wrong and where. */
export function parseQuery(text: string): QueryNode | QueryError {
  try {
    const tokens = tokenize(text);
    if (tokens.every((t) => t.type === 'open' || t.type === 'close')) return new QueryError('Type something to search for', 0);
    checkBrackets(tokens);
    return new Parser(tokens, text.length).parseOr();
  } catch (e) {
    if (e instanceof QueryError) return e;
    throw e;
  }
}
