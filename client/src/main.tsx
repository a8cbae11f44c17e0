/**
 * Entry: picks the screen from the path. The dashboard and the TV page are separate chunks, so an
 * office TV never downloads the dashboard, its editor or the chart library.
 */
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { usePathname } from './lib/router.ts';
import './styles/base.css';

const DashboardApp = lazy(() => import('./dashboard/DashboardApp.tsx'));
const TvApp = lazy(() => import('./tv/TvApp.tsx'));

function Root() {
  const path = usePathname();
  const tv = path === '/tv' || path.startsWith('/tv/');
  return (
    <Suspense fallback={<p className="loading-screen">Loading…</p>}>
      {tv ? <TvApp /> : <DashboardApp />}
    </Suspense>
  );
}

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');
createRoot(container).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
