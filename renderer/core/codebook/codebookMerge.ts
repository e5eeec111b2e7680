// Bringing a codebook (the study's default, or a file) into a project as one undoable action.
// Codes already present (same name under the same parent, case-insensitive) are kept as they
// are, so importing the same codebook twice adds nothing; new codes go after their siblings.
import { created, type Action, type Change, type Code } from '../shared';
import { codesFromTree, type CodebookNode } from './codebook';

export function mergeCodebook(existing: readonly Code[], nodes: readonly CodebookNode[], label: string, newId: () => string): Action {
  const live = existing.filter((c) => c.deletedAt == null);
  const changes: Change[] = [];
  const walk = (list: readonly CodebookNode[], parentId: string | null) => {
    const siblings = () => [...live, ...changes.map((c) => c.after as Code)].filter((c) => c.parentId === parentId);
    for (const node of list) {
      const match = siblings().find((c) => c.name.toLowerCase() === node.name.trim().toLowerCase());
      if (match) {
        walk(node.children ?? [], match.id);
        continue;
      }
      const order = siblings().reduce((max, c) => Math.max(max, c.order + 1), 0);
      // codesFromTree gives colours and ids to the whole new subtree at once.
      const subtree = codesFromTree([node], newId);
      subtree[0] = { ...subtree[0]!, parentId, order };
      for (const code of subtree) changes.push(created('codes', code));
    }
  };
  walk(nodes, null);
  return { label, changes };
}
