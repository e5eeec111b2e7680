// The place in the app lives in the URL hash, so a reload (or a crash and restart) comes
// back to the same project, tab, transcript and passage.
import { useEffect, useState } from 'react';

export type Tab =
  | 'transcripts'
  | 'coding'
  | 'codebook'
  | 'search'
  | 'retrieval'
  | 'quotes'
  | 'compare'
  | 'surveys'
  | 'analysis'
  | 'agreement'
  | 'participants'
  | 'setup';

export interface ProjectRoute {
  screen: 'project';
  projectId: string;
  tab: Tab;
  sourceId: string | null;
  /** A passage to show, e.g. when opened from retrieval. */
  range?: { start: number; end: number } | null;
}

export type Route = { screen: 'projects' } | ProjectRoute;

export const TABS: Tab[] = [
  'transcripts',
  'coding',
  'codebook',
  'search',
  'retrieval',
  'quotes',
  'compare',
  'surveys',
  'analysis',
  'agreement',
  'participants',
  'setup',
];
const WITH_SOURCE: Tab[] = ['transcripts', 'coding'];

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'project' && parts[1]) {
    const tab = TABS.includes(parts[2] as Tab) ? (parts[2] as Tab) : 'transcripts';
    const sourceId = WITH_SOURCE.includes(tab) ? (parts[3] ?? null) : null;
    const m = /^(\d+)-(\d+)$/.exec(parts[4] ?? '');
    const range = sourceId && m ? { start: Number(m[1]), end: Number(m[2]) } : null;
    return { screen: 'project', projectId: parts[1], tab, sourceId, range };
  }
  return { screen: 'projects' };
}

export function routeHash(route: Route): string {
  if (route.screen === 'projects') return '#/';
  let tail = route.sourceId && WITH_SOURCE.includes(route.tab) ? `/${encodeURIComponent(route.sourceId)}` : '';
  if (tail && route.range) tail += `/${route.range.start}-${route.range.end}`;
  return `#/project/${encodeURIComponent(route.projectId)}/${route.tab}${tail}`;
}

export function navigate(route: Route): void {
  window.location.hash = routeHash(route);
}

/** Opens a passage of a transcript on the coding tab. */
export function openPassage(projectId: string, passage: { sourceId: string; start: number; end: number }): void {
  navigate({ screen: 'project', projectId, tab: 'coding', sourceId: passage.sourceId, range: { start: passage.start, end: passage.end } });
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
