import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { Client, fetchExchange, Provider, subscriptionExchange } from 'urql';
import { vi } from 'vitest';
import { I18nProvider } from '../../i18n/i18n';
import type { Language } from '../../i18n/messages';
import { RouterProvider } from '../../router';
import { SessionProvider } from '../../session/session';

type Handler = (variables: Record<string, unknown>) => unknown;

/**
 * Answers the page's GraphQL over a stubbed fetch, by operation name, with what the server
 * would send; records every request so a test can check what the page sent. The urql client
 * is the real one; subscriptions are accepted and stay silent (no socket in jsdom).
 */
export function answerGraphQL(handlers: Record<string, Handler>) {
  const requests: { operationName: string; variables: Record<string, unknown> }[] = [];
  const mock = vi.fn(async (_url: string, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body)) as { query: string; operationName?: string; variables?: Record<string, unknown> };
    const operationName = body.operationName ?? /(?:query|mutation)\s+(\w+)/.exec(body.query)?.[1] ?? '';
    const variables = body.variables ?? {};
    requests.push({ operationName, variables });
    const handler = handlers[operationName];
    const payload = handler ? { data: handler(variables) } : { errors: [{ message: `no test answer for ${operationName}` }] };
    return new Response(JSON.stringify(payload), { status: 200, headers: { 'Content-Type': 'application/json' } });
  });
  vi.stubGlobal('fetch', mock);
  return requests;
}

export function renderSignedIn(page: ReactElement, { roles = ['member'], language = 'en' as Language, path = '/' } = {}) {
  window.history.replaceState(null, '', path);
  const client = new Client({ url: 'http://localhost/graphql', exchanges: [
      fetchExchange,
      subscriptionExchange({ forwardSubscription: () => ({ subscribe: () => ({ unsubscribe: () => undefined }) }) }),
    ],
  });
  return render(
    <I18nProvider language={language}>
      <Provider value={client}>
        <RouterProvider initialPath={path}>
          <SessionProvider
            initial={{
              status: 'signedIn',
              session: { member: { id: 7, handle: 'ann', displayName: 'Ann', votingRight: true, roles }, csrfToken: 'csrf', expiresAt: '2030-01-01T00:00:00Z' },
            }}
          >
            {page}
          </SessionProvider>
        </RouterProvider>
      </Provider>
    </I18nProvider>,
  );
}

export const member = (id: string, handle: string, displayName: string) => ({ __typename: 'Member', id, handle, displayName });
