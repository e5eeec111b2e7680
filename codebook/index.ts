// The study's default codebook, offered when a project is set up. It goes through the same
// reader as a researcher's file, so a bad edit to the JSON fails loudly at load (and in the
// unit tests) rather than seeding projects with a broken codebook.
import { parseCodebookJson, type CodebookNode } from '../renderer/core/codebook/codebook';
import data from './default-codebook.json';

export const DEFAULT_CODEBOOK_NAME: string = data.name;

export const DEFAULT_CODEBOOK: CodebookNode[] = deepFreeze(parseCodebookJson(JSON.stringify(data), 'default-codebook.json'));

/** Shared by every project that starts from it, so nobody may edit it in place. */
function deepFreeze(nodes: CodebookNode[]): CodebookNode[] {
  for (const node of nodes) {
    if (node.children) deepFreeze(node.children);
    Object.freeze(node);
  }
  Object.freeze(nodes);
  return nodes;
}
