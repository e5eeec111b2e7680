// The whole project for a view, from the shared in-memory model (store/projectModel.ts): the
// first view to ask loads it, the others (and a return to the tab) find it ready, and a write
// changes only the lists it touched, so memoised analyses of the rest stay valid.
import { useSyncExternalStore } from 'react';
import type { ProjectSnapshot } from '../core/shared';
import type { ProjectDb } from '../store/projectDb';
import { projectModel } from '../store/projectModel';

/** The project's snapshot, or undefined while it is first read. */
export function useProjectSnapshot(db: ProjectDb): ProjectSnapshot | undefined {
  const model = projectModel(db);
  return useSyncExternalStore(model.subscribe, model.current);
}
