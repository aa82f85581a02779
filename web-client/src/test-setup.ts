import { preloadMarkdown } from './components/Markdown';
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => {
  cleanup();
  localStorage.clear();
});

// The markdown renderer loads on first use in the app; the component tests have it at hand,
// as a page that has been open for a moment does.
await preloadMarkdown();
