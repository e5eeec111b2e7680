import { useEffect } from 'react';
import { sweepIncompleteProjects } from '../store/projects';
import { ProjectGate } from './LockGate';
import { ProjectsScreen } from './ProjectsScreen';
import { AppMenu } from './AppMenu';
import { ClosingGuard } from './ClosingGuard';
import { ShortcutSheetKey } from './ShortcutSheet';
import { useRoute } from './route';

export function App() {
  const route = useRoute();
  // An import or restore cut off by a closed window leaves an unlisted, unfinished project:
  // removed at the next start (store/projects.ts).
  useEffect(() => {
    void sweepIncompleteProjects().catch((e: unknown) => console.error('Unfinished projects could not be removed:', e));
  }, []);
  return (
    <>
      {route.screen === 'project' ? <ProjectGate key={route.projectId} route={route} /> : <ProjectsScreen />}
      <ShortcutSheetKey />
      <AppMenu />
      <ClosingGuard />
    </>
  );
}
