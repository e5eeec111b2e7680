// The desktop window's application menu, kept in step with what the views can do (commandBus),
// and the files the system asks the app to open (a double-click on a .mirabal archive or a
// .qdpx): each goes to the command that reads such a file, which shows what it holds before
// anything is written. In browser mode there is no menu; Help's items are on the projects screen.
import { useEffect, useRef, useState } from 'react';
import { applicationMenu, COMMANDS, type CommandId } from '../core/commands';
import { errorMessage } from '../core/shared';
import { getPlatform, type PickedFile } from '../platform/platform';
import { AboutDialog } from './AboutDialog';
import { canRun, commandLabel, runCommand, useCommand, useCommandsVersion } from './commandBus';
import { Modal } from './common';
import { navigate } from './route';
import { isMac, showShortcutSheet } from './ShortcutSheet';

const aboutOpeners = new Set<() => void>();

/** Opens Help > About (also from the projects screen, for browser mode). */
export function showAbout(): void {
  for (const open of aboutOpeners) open();
}

/** The command that takes a file the system asked the app to open. */
export function commandForFile(name: string): CommandId | null {
  const lower = name.toLowerCase();
  if (lower.endsWith('.mirabal')) return 'restoreArchive';
  if (lower.endsWith('.qdpx')) return 'importQdpx';
  return null;
}

const toProjects = () => navigate({ screen: 'projects' });

export function AppMenu() {
  const [about, setAbout] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const version = useCommandsVersion();
  const shown = useRef('');

  useCommand('shortcutSheet', showShortcutSheet);
  useCommand('about', () => setAbout(true));
  // Commands of the projects screen, asked for from inside a project: go there first.
  useCommand('newProject', toProjects, { fallback: true });
  useCommand('openSample', toProjects, { fallback: true });
  useCommand('importQdpx', toProjects, { fallback: true });
  useCommand('restoreArchive', toProjects, { fallback: true });

  useEffect(() => {
    const open = () => setAbout(true);
    aboutOpeners.add(open);
    return () => void aboutOpeners.delete(open);
  }, []);

  // The menu as the views allow it now; sent only when it looks different.
  useEffect(() => {
    const menu = getPlatform().menu;
    if (!menu) return;
    const labels: Partial<Record<CommandId, string>> = {};
    for (const id of Object.keys(COMMANDS) as CommandId[]) {
      const label = commandLabel(id);
      if (label) labels[id] = label;
    }
    const menus = applicationMenu(canRun, { mac: isMac(), labels });
    const json = JSON.stringify(menus);
    if (json === shown.current) return;
    shown.current = json;
    menu.show(menus).catch((e: unknown) => console.error('The menu could not be shown:', e));
  }, [version]);

  useEffect(() => {
    const platform = getPlatform();
    platform.menu?.onCommand((command) => {
      if (command in COMMANDS) runCommand(command as CommandId);
    });
    const opened = platform.openedFiles;
    if (!opened) return;
    const take = async () => {
      try {
        const { files, problems: unread } = await opened.take();
        const refused: string[] = [];
        for (const file of files) if (!offer(file)) refused.push(`${file.name} is not a project archive (.mirabal) or a .qdpx.`);
        if (unread.length || refused.length) setProblems((p) => [...p, ...unread, ...refused]);
      } catch (e) {
        setProblems((p) => [...p, `The files could not be opened: ${errorMessage(e)}`]);
      }
    };
    opened.onOpened(() => void take());
    void take(); // a file the app was started with
  }, []);

  return (
    <>
      {about && <AboutDialog onClose={() => setAbout(false)} />}
      {problems.length > 0 && (
        <Modal title="Some files could not be opened" onClose={() => setProblems([])}>
          <div className="modal-body">
            <ul>
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </div>
          <footer className="modal-foot">
            <button type="button" onClick={() => setProblems([])}>
              Close
            </button>
          </footer>
        </Modal>
      )}
    </>
  );
}

function offer(file: PickedFile): boolean {
  const command = commandForFile(file.name);
  return command !== null && runCommand(command, file);
}
