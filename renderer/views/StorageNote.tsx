// Where the researcher's data lives, whether the browser has promised to keep it, and how much
// space is left: on the projects screen (one line) and on the Project tab (a card). Browser mode
// asks for persistent storage once there is a project to protect.
import { useEffect, useState } from 'react';
import { getPlatform, type DataLocation } from '../platform/platform';
import { isPersisted, requestPersistence } from '../platform/storage';
import { estimateSpace, type SpaceEstimate } from '../store/space';
import { formatSize } from '../core/shared';
import { formatDate } from './common';

function useLocation(): DataLocation | null {
  const [where, setWhere] = useState<DataLocation | null>(null);
  useEffect(() => {
    void getPlatform()
      .location()
      .then(setWhere)
      .catch(() => setWhere(null));
  }, []);
  return where;
}

/**
 * Asked once there is a project, and again if the answer was no (browsers may say yes later, as
 * a site is used more); the answer is shown, not hidden.
 */
function usePersistence(hasProjects: boolean): boolean | null | undefined {
  const [persisted, setPersisted] = useState<boolean | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void (async () => {
      const already = await isPersisted();
      const answer = already === false && hasProjects ? await requestPersistence() : already;
      if (live) setPersisted(answer);
    })();
    return () => {
      live = false;
    };
  }, [hasProjects]);
  return persisted;
}

function persistenceText(persisted: boolean | null | undefined): string {
  if (persisted === true) return 'The browser has agreed to keep it even when disk space runs low.';
  if (persisted === false)
    return 'The browser has not promised to keep it when disk space runs low: keep backups and save archives of your projects.';
  return '';
}

export function StorageLine(props: { hasProjects: boolean }) {
  const where = useLocation();
  const persisted = usePersistence(props.hasProjects);
  if (!where) return null;
  return (
    <p className="muted small storage-line" aria-label="Where your data lives">
      Your projects are kept {where.data}.{' '}
      {getPlatform().kind === 'browser' && 'Another browser, profile or address has its own, separate store. '}
      {props.hasProjects && persistenceText(persisted)}
    </p>
  );
}

export function StorageCard(props: { lastBackupAt: number | null | undefined }) {
  const where = useLocation();
  const persisted = usePersistence(true);
  const [space, setSpace] = useState<SpaceEstimate | null | undefined>(undefined);
  useEffect(() => {
    void estimateSpace().then(setSpace);
  }, []);
  return (
    <section className="card storage" aria-labelledby="storage-title">
      <h2 id="storage-title">Where this project lives</h2>
      <p>
        Kept {where?.data ?? '…'}. {persistenceText(persisted)}
      </p>
      <p className="muted">
        {space
          ? `Using ${formatSize(space.usage)}; about ${formatSize(Math.max(0, space.quota - space.usage))} more can be stored here.`
          : space === null
            ? 'This browser does not say how much space is left.'
            : ''}{' '}
        Last backup: {props.lastBackupAt ? formatDate(props.lastBackupAt) : 'none yet'}.
      </p>
    </section>
  );
}
