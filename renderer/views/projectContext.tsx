// What every coding screen needs: the database, who is coding on this machine, blind mode,
// and `act`, which applies a core Action (undoable) and reports a refusal to the researcher.
import { useLiveQuery } from 'dexie-react-hooks';
import { createContext, useContext } from 'react';
import { errorMessage, type Action, type Code, type Coder, type Memo } from '../core/shared';
import { applyAction, undoState, type UndoState } from '../store/actions';
import type { ProjectDb } from '../store/projectDb';
import { loadRecords } from '../store/records';
import { trackWork } from './runningWork';

export interface ProjectContextValue {
  db: ProjectDb;
  projectId: string;
  coderId: string | null;
  blind: boolean;
  codes: Code[];
  coders: Coder[];
  memos: Memo[];
  /** Applies an action as one undo step; resolves false (with the message shown) if refused. */
  act(action: Action): Promise<boolean>;
  /**
   * Builds an action from the records as they are in the database now (not as last rendered:
   * two quick edits must not trip over each other), then applies it. The builder may throw a
   * ValidationError; its message is shown and nothing changes.
   */
  actWith(build: (fresh: FreshRecords) => Action): Promise<boolean>;
}

export interface FreshRecords {
  codes: Code[];
  coders: Coder[];
  memos: Memo[];
}

export const ProjectContext = createContext<ProjectContextValue | null>(null);

export function useProject(): ProjectContextValue {
  const value = useContext(ProjectContext);
  if (!value) throw new Error('useProject outside a project');
  return value;
}

export function useProjectRecords(db: ProjectDb): { codes: Code[]; coders: Coder[]; memos: Memo[]; undo: UndoState } | undefined {
  return useLiveQuery(async () => {
    const [records, undo] = await Promise.all([loadRecords(db), undoState(db)]);
    return { ...records, undo };
  }, [db]);
}

export function makeAct(db: ProjectDb, actor: string, report: (message: string | null) => void) {
  const act = async (action: Action) => {
    try {
      await trackWork('a change being saved', () => applyAction(db, action, actor));
      report(null);
      return true;
    } catch (e) {
      report(errorMessage(e));
      return false;
    }
  };
  const actWith = async (build: (fresh: FreshRecords) => Action) => {
    let action: Action;
    try {
      action = build(await loadRecords(db));
    } catch (e) {
      report(errorMessage(e));
      return false;
    }
    return act(action);
  };
  return { act, actWith };
}
