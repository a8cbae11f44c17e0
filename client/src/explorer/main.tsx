/**
 * Entry of the API explorer page (explorer.html, its own Vite build: explorer.vite.config.ts), so
 * GraphiQL, Monaco and their workers load on this page only, never with the dashboard or a TV.
 * Monaco's workers are bundled by Vite (graphiql/setup-workers/vite): nothing comes from elsewhere.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { ExplorerApp } from './ExplorerApp.tsx';
import './explorer.css';

const container = document.getElementById('explorer');
if (!container) throw new Error('#explorer is missing from explorer.html');
createRoot(container).render(
  <StrictMode>
    <ExplorerApp />
  </StrictMode>,
);
