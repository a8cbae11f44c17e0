import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// findBy*/waitFor wait for an event, not a deadline: 1 s (the default) is what a busy CI host can
// spend rendering a page of 50 entries in jsdom; a test that never sees its element still fails
configure({ asyncUtilTimeout: 15_000 });

afterEach(() => cleanup());
