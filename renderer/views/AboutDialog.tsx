// Help > About: the app's version, where it keeps its data, and the licences of the packages it
// is built from. The licences are read from dist/licences.js (written by the build from what
// the bundles hold, scripts/licences.mjs) only when the dialog opens.
import { useEffect, useState } from 'react';
import { errorMessage } from '../core/shared';
import { getPlatform } from '../platform/platform';
import { Modal } from './common';

interface PackageLicence {
  name: string;
  version: string;
  licence: string;
  text: string;
}

async function loadLicences(): Promise<PackageLicence[]> {
  // A file beside the page, not a module of the build: not there when run from vite's dev server.
  const url = new URL('licences.js', document.baseURI).href;
  const module = (await import(/* @vite-ignore */ url)) as { default: PackageLicence[] };
  return module.default;
}

export function AboutDialog(props: { onClose(): void }) {
  const [licences, setLicences] = useState<PackageLicence[] | string | null>(null);
  const [where, setWhere] = useState<string | null>(null);
  const [runtime, setRuntime] = useState<string | null>(null);
  useEffect(() => {
    loadLicences().then(setLicences, (e: unknown) => setLicences(`The list of licences could not be read (${errorMessage(e)}).`));
    const platform = getPlatform();
    void platform.location().then(
      (l) => setWhere(l.data),
      () => setWhere(null),
    );
    setRuntime(
      platform.kind === 'electron'
        ? 'the desktop app'
        : `browser mode (${navigator.userAgent.match(/Chrome\/[\d.]+|Firefox\/[\d.]+/)?.[0] ?? 'a browser'})`,
    );
  }, []);
  return (
    <Modal title="About Mirabal Workbench" onClose={props.onClose} wide>
      <div className="modal-body about">
        <p>
          <strong>Mirabal Workbench {__APP_VERSION__}</strong>, running as {runtime ?? '…'}.
        </p>
        <p className="muted">
          Transcripts, codings and backups stay on this computer{where ? `: ${where}` : ''}. The app makes no network connections and sends
          nothing anywhere.
        </p>
        <h3>Licences</h3>
        {licences === null && <p className="muted">Reading…</p>}
        {typeof licences === 'string' && <p className="error">{licences}</p>}
        {Array.isArray(licences) && (
          <>
            <p className="muted small">
              Built from these {licences.length} open-source packages. The desktop app also contains Electron and Chromium, whose licences
              are in its installation folder (LICENSE and LICENSES.chromium.html).
            </p>
            <ul className="licences" aria-label="Licences">
              {licences.map((l) => (
                <li key={`${l.name}@${l.version}`}>
                  <details>
                    <summary>
                      {l.name} {l.version} <span className="muted">· {l.licence}</span>
                    </summary>
                    <pre>{l.text || 'No licence text comes with this package; its licence is named above.'}</pre>
                  </details>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </Modal>
  );
}
