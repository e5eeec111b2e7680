import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash, type Route } from '../../renderer/views/route';

describe('routes', () => {
  it('round-trips every kind of place', () => {
    const routes: Route[] = [
      { screen: 'projects' },
      { screen: 'project', projectId: 'p 1', tab: 'setup', sourceId: null, range: null },
      { screen: 'project', projectId: 'p', tab: 'coding', sourceId: 's/1', range: { start: 3, end: 40 } },
      { screen: 'project', projectId: 'p', tab: 'transcripts', sourceId: 's', range: null },
    ];
    for (const r of routes) expect(parseRoute(routeHash(r))).toEqual(r);
  });
  it('falls back safely on odd hashes', () => {
    expect(parseRoute('#/nonsense')).toEqual({ screen: 'projects' });
    expect(parseRoute('#/project/p/unknown')).toMatchObject({ tab: 'transcripts', sourceId: null });
    expect(parseRoute('#/project/p/codebook/s/1-2')).toMatchObject({ sourceId: null, range: null });
  });
});
