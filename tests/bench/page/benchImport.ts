// A read batch of transcripts written into a bench project as the import dialog writes it: planned
// against the project's participants and waves, the interviewer's label mapped, one transaction.
import { buildImport, planBatch, type FailedFile, type PreparedFile } from '../../../renderer/core/transcripts';
import type { ProjectDb } from '../../../renderer/store/projectDb';
import { commitImport, loadSetup } from '../../../renderer/store/projectRepo';

export async function commitBenchImport(db: ProjectDb, prepared: readonly (PreparedFile | FailedFile)[]): Promise<void> {
  const setup = await loadSetup(db);
  const rows = planBatch(prepared, { participants: setup.participants, sources: [], waves: setup.waves });
  await commitImport(
    db,
    buildImport(rows, { Interviewer: 'interviewer' }, setup.participants, () => crypto.randomUUID(), Date.now()),
  );
}
