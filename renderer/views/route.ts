// The place in the app lives in the URL hash, so a reload (or a crash and restart) comes
// back to the same project, tab and transcript.
import { useEffect, useState } from 'react';

export type Tab = 'transcripts' | 'participants' | 'setup';

export type Route =
  | { screen: 'projects' }
  | { screen: 'project'; projectId: string; tab: Tab; sourceId: string | null };

const TABS: Tab[] = ['transcripts', 'participants', 'setup'];

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'project' && parts[1]) {
    const tab = TABS.includes(parts[2] as Tab) ? (parts[2] as Tab) : 'transcripts';
    return { screen: 'project', projectId: parts[1], tab, sourceId: tab === 'transcripts' ? parts[3] ?? null : null };
  }
  return { screen: 'projects' };
}

export function routeHash(route: Route): string {
  if (route.screen === 'projects') return '#/';
  const tail = route.sourceId ? `/${encodeURIComponent(route.sourceId)}` : '';
  return `#/project/${encodeURIComponent(route.projectId)}/${route.tab}${tail}`;
}

export function navigate(route: Route): void {
  window.location.hash = routeHash(route);
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
