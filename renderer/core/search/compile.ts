// A query read and made ready once for every transcript it runs over: its word tests and its
// regular expressions (refused here, with their place in the query, when they are not safe).
import type { CompiledQuery } from './evaluate';
import { parseQuery } from './query';
import { compilePattern } from './regex';
import { QueryError, type QueryNode, type SearchOptions } from './types';
import { wordTest } from './words';

export function compileQuery(query: string, options: SearchOptions): CompiledQuery {
  const node = parseQuery(query);
  if (node instanceof QueryError) throw node;
  const compiled: CompiledQuery = { node, tests: new Map(), patterns: new Map(), options };
  const visit = (n: QueryNode): void => {
    switch (n.kind) {
      case 'word':
        compiled.tests.set(n, wordTest(n, options));
        return;
      case 'phrase':
        n.words.forEach(visit);
        return;
      case 'regex': {
        const pattern = compilePattern(n.source, options);
        if (pattern instanceof QueryError) throw new QueryError(pattern.message, n.position);
        compiled.patterns.set(n, pattern);
        return;
      }
      case 'near':
        visit(n.left);
        visit(n.right);
        return;
      case 'not':
        visit(n.include);
        visit(n.exclude);
        return;
      case 'and':
      case 'or':
        n.children.forEach(visit);
    }
  };
  visit(node);
  return compiled;
}
