import { createHashRouter, RouterProvider } from 'react-router';
import { Home, Layout } from './components/Layout';
import { SignInPage } from './pages/SignInPage';
import { InstancesPage } from './pages/InstancesPage';
import { CreateInstancePage } from './pages/CreateInstancePage';
import { InstancePage } from './pages/InstancePage';
import { EmptyState } from './components/EmptyState';

// Hash routing: the control plane serves one static index.html at `/`, so every deep link and
// reload works without a server-side fallback route.
const router = createHashRouter([
  { path: '/sign-in', element: <SignInPage /> },
  {
    element: <Layout />,
    children: [
      { path: '/', element: <Home /> },
      { path: '/projects/:projectId/instances', element: <InstancesPage /> },
      { path: '/projects/:projectId/instances/new', element: <CreateInstancePage /> },
      { path: '/projects/:projectId/instances/:instanceId/:tab?', element: <InstancePage /> },
      { path: '/projects/:projectId/instances/:instanceId/topics/:topic/:topicTab?', element: <InstancePage /> },
      { path: '/projects/:projectId/instances/:instanceId/consumer-groups/:group', element: <InstancePage /> },
      { path: '/projects/:projectId/instances/:instanceId/security/:securitySection', element: <InstancePage /> },
      { path: '*', element: <EmptyState title="Page not found">There is nothing at this address.</EmptyState> },
    ],
  },
]);

export function App() {
  return <RouterProvider router={router} />;
}
