import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { vi } from 'vitest';
import { I18nProvider } from './i18n/i18n';
import type { Language } from './i18n/messages';
import { RouterProvider } from './router';
import { SessionProvider } from './session/session';

/** Renders a page signed out, in the given language, with the router at `path`. */
export function renderPage(page: ReactElement, { language = 'en', path = '/' }: { language?: Language; path?: string } = {}) {
  window.history.replaceState(null, '', path);
  return render(
    <I18nProvider language={language}>
      <RouterProvider initialPath={path}>
        <SessionProvider initial={{ status: 'signedOut' }}>{page}</SessionProvider>
      </RouterProvider>
    </I18nProvider>,
  );
}

/** Replaces fetch with one answering every request with `status` and `body`; returns the mock. */
export function answerWith(status: number, body: unknown) {
  const mock = vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/problem+json' } }));
  vi.stubGlobal('fetch', mock);
  return mock;
}
