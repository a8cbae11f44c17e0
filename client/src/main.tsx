/**
 * Entry of the dashboard (index.html). The TV page is a page of its own (tv.html, src/tv/main.tsx,
 * built on preact/compat by tv.vite.config.ts), reached by a full page load: the dashboard's
 * "TV mode" is a plain link, so the two never share a runtime or a bundle.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import DashboardApp from './dashboard/DashboardApp.tsx';
import './styles/base.css';

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');
createRoot(container).render(
  <StrictMode>
    <DashboardApp />
  </StrictMode>,
);
