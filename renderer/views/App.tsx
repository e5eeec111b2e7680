import { ProjectScreen } from './ProjectScreen';
import { ProjectsScreen } from './ProjectsScreen';
import { useRoute } from './route';

export function App() {
  const route = useRoute();
  return route.screen === 'project' ? <ProjectScreen key={route.projectId} route={route} /> : <ProjectsScreen />;
}
