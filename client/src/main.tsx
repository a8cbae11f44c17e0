/**
 * Entry: picks the screen from the path. The dashboard and the TV page are separate chunks, so an
 * office TV never downloads the dashboard, its editor, Apollo or the chart library.
 *
 * The first screen's chunk is awaited before the first render, and the screen then rendered as
 * the component it is: a React.lazy screen would suspend on that render, React would commit the
 * fallback, and React 19 then holds the screen back until the fallback has been up for its
 * throttle (300 ms) — most of a TV's cold load was that wait (BENCHMARKS.md, M7). React.lazy only
 * serves a switch to the other screen later (a link from the dashboard to /tv, or back).
 */
import { createElement, lazy, StrictMode, Suspense, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import { usePathname } from './lib/router.ts';
import './styles/base.css';

type ScreenName = 'tv' | 'dashboard';

const load: Record<ScreenName, () => Promise<{ default: ComponentType }>> = {
  tv: () => import('./tv/TvApp.tsx'),
  dashboard: () => import('./dashboard/DashboardApp.tsx'),
};
const lazyScreens: Record<ScreenName, ComponentType> = { tv: lazy(load.tv), dashboard: lazy(load.dashboard) };
const loaded = new Map<ScreenName, ComponentType>();

const screenOf = (path: string): ScreenName =>
  path === '/tv' || path.startsWith('/tv/') ? 'tv' : 'dashboard';

function Root() {
  const screen = screenOf(usePathname());
  // module-level components, the same two objects on every render (nothing is created here)
  return (
    <Suspense fallback={<p className="loading-screen">Loading…</p>}>
      {createElement(loaded.get(screen) ?? lazyScreens[screen])}
    </Suspense>
  );
}

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');
const first = screenOf(window.location.pathname);
const render = () =>
  createRoot(container).render(
    <StrictMode>
      <Root />
    </StrictMode>,
  );
// a chunk that fails to load is tried again by React.lazy, whose error then shows
load[first]().then((module) => {
  loaded.set(first, module.default);
  render();
}, render);
