import { createBrowserRouter, type RouteObject } from 'react-router';
import { HomePage } from '../features/home/components/home-page.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';
import { RootErrorPage, RouteErrorPage } from './pages/route-error-page.tsx';
import { paths } from './routes.ts';
import { AppLayout } from './shell/app-shell.tsx';

/** The route tree: every page inside the app shell, each with its own error boundary. */
export const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    errorElement: <RootErrorPage />,
    children: [
      { path: paths.home.path, element: <HomePage />, errorElement: <RouteErrorPage /> },
      { path: '*', element: <NotFoundPage />, errorElement: <RouteErrorPage /> },
    ],
  },
];

/** The browser router of the running app (tests use a memory router over the same routes). */
export function createAppRouter() {
  return createBrowserRouter(routes);
}
