// The reference search: every transcript scanned word by word, without an index. It defines
// what a query finds; the index (searchIndex.ts) is tested against it on generated corpora.
import type { ProjectSnapshot } from '../shared';
import { evaluate, unitBounds, type CompiledQuery, type DocView } from './evaluate';
import { codeFilteredHits, filteredSources, speakerUnits, type SearchFilter } from './filters';
import { compileQuery } from './compile';
import { tokenize } from './tokens';
import type { SearchHit, SearchOptions } from './types';

export type SearchTextOptions = SearchOptions & SearchFilter;

/** Hits as `searchText` gives them: per transcript in the filter's reading order, by place. */
export function hitsOf(sourceId: string, spans: readonly { start: number; end: number }[]): SearchHit[] {
  return spans.map((s) => ({ sourceId, start: s.start, end: s.end }));
}

/**
 * Every hit of `query` in the project's live transcripts that pass the filters, in reading
 * order (transcripts as a write-up reads them, then by place). Throws the QueryError of a
 * query that cannot be read, or of a regular expression that is refused.
 */
export function searchText(project: ProjectSnapshot, query: string, options: SearchTextOptions = {}): SearchHit[] {
  const compiled: CompiledQuery = compileQuery(query, options);
  const hits: SearchHit[] = [];
  for (const source of filteredSources(project, options)) {
    const tokens = tokenize(source.text);
    const units = speakerUnits(source, options.speaker);
    const doc: DocView = {
      text: source.text,
      starts: tokens.starts,
      ends: tokens.ends,
      units,
      bounds: unitBounds(units),
      words: (test) => {
        const out: number[] = [];
        for (let i = 0; i < tokens.keys.length; i += 1) if (test.matchesKey(tokens.keys[i]!)) out.push(i);
        return out;
      },
    };
    hits.push(...hitsOf(source.id, evaluate(compiled, doc)));
  }
  return codeFilteredHits(project, hits, options);
}
