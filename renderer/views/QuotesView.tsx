// Quotes for authors: find passages (codes in combination, people, waves, coders, words),
// keep the right ones in a basket with labels and cuts, and export them attributed and
// redacted. The whole project is held in memory here, as on the Time 1 / Time 2 tab.
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import type { QuoteQuery } from '../core/quotes';
import type { ProjectSetup } from '../store/projectRepo';
import { getProject } from '../store/projects';
import { loadQuoteConfig } from '../store/quoteStore';
import { loadBasket } from '../store/records';
import { SubTabs } from './common';
import { useProject } from './projectContext';
import { QuoteBasket } from './QuoteBasket';
import { QuoteFinder } from './QuoteFinder';
import { QuoteStyle } from './QuoteStyle';
import { useProjectSnapshot } from './useProjectSnapshot';

type Section = 'find' | 'basket' | 'style';

export function QuotesView(props: { setup: ProjectSetup }) {
  const { db, projectId } = useProject();
  // The project's name titles the basket's exports.
  const project = useProjectSnapshot(db);
  const name = useLiveQuery(async () => (await getProject(projectId))?.name, [projectId]);
  const snapshot = useMemo(() => project && { ...project, name }, [project, name]);
  const config = useLiveQuery(() => loadQuoteConfig(db), [db]);
  const items = useLiveQuery(() => loadBasket(db), [db], []);
  const [section, setSection] = useState<Section>('find');
  // Kept here so the query survives a visit to the basket.
  const [query, setQuery] = useState<QuoteQuery>({ match: 'any', includeChildren: true });
  const [setIds, setSetIds] = useState<string[]>([]);
  const tabs: [Section, string][] = [
    ['find', 'Find quotes'],
    ['basket', `Basket (${items.length})`],
    ['style', 'Style & redaction'],
  ];
  return (
    <section className="quotes pad scroll-pane" data-scroll-pane>
      <SubTabs label="Quotes" tabs={tabs} current={section} onChoose={setSection} />
      {!snapshot || !config ? (
        <p className="muted">Loading…</p>
      ) : section === 'find' ? (
        <QuoteFinder
          snapshot={snapshot}
          setup={props.setup}
          config={config}
          basket={items}
          query={query}
          onQuery={setQuery}
          setIds={setIds}
          onSets={setSetIds}
        />
      ) : section === 'basket' ? (
        <QuoteBasket snapshot={snapshot} config={config} items={items} />
      ) : (
        <QuoteStyle snapshot={snapshot} config={config} />
      )}
    </section>
  );
}
