/**
 * Entry of the TV page (tv.html, built by tv.vite.config.ts into dist/tv-app and served at /tv).
 * A page of its own rather than a screen of the dashboard's entry: the production build runs these
 * same React components on preact/compat (about 5 KB gzip instead of React's 60), so an office TV
 * downloads a third of what it did (BENCHMARKS.md, M7). The dashboard's "TV mode" is a plain link,
 * a full page load, so nothing switches between the two runtimes inside one page.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../styles/base.css';
import TvApp from './TvApp.tsx';

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from tv.html');
createRoot(container).render(
  <StrictMode>
    <TvApp />
  </StrictMode>,
);
