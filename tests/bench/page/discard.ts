// Copies a bench step makes only to time making them (a .qdpx import, an archive restore) are
// deleted once timed: at ten times the study each holds about 500 MB, and a full run that kept
// them all had the browser's quota refuse the last step's transcripts (the app's own space
// check said so, as it should).
import Dexie from 'dexie';
import { closeProjectDb } from '../../../renderer/store/projectDb';
import { deleteForever, deleteProject } from '../../../renderer/store/projects';
import { projectDbName } from '../../../renderer/store/registry';

/** A listed project: to the bin, then deleted for ever, as a researcher would. */
export async function discardProject(id: string): Promise<void> {
  await deleteProject(id);
  await deleteForever(id);
}

/** A database written without being listed as a project (a restore timed step by step). */
export async function discardDatabase(id: string): Promise<void> {
  closeProjectDb(id);
  await Dexie.delete(projectDbName(id));
}
