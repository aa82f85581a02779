import { Client, cacheExchange, fetchExchange, subscriptionExchange, type ExecutionResult } from 'urql';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';

/**
 * The GraphQL client: queries and mutations POST to /graphql with the session cookie and the
 * X-CSRF-Token header the api requires on every POST; subscriptions use graphql-ws on the
 * same path, connecting only when the first subscription starts (lazy).
 */
let csrfToken: string | null = null;
let wsClient: WsClient | null = null;

export function setCsrfToken(token: string | null): void {
  if (token !== csrfToken) {
    // The socket authenticates once, at connection_init: a new session needs a new connection.
    wsClient?.dispose();
    wsClient = null;
  }
  csrfToken = token;
}

function webSocketUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss:' : 'ws:'}//${host}/graphql`;
}

const reconnectListeners = new Set<() => void>();

/**
 * Calls `listener` whenever the subscription socket connects again after dropping: what
 * happened in between was not pushed, so a page refetches what it shows. Returns the unsubscribe.
 */
export function onSubscriptionsReconnected(listener: () => void): () => void {
  reconnectListeners.add(listener);
  return () => {
    reconnectListeners.delete(listener);
  };
}

function subscriptions(): WsClient {
  // A session's socket must show its CSRF token in connection_init, or the api refuses it (4403).
  if (!wsClient) {
    let connectedBefore = false;
    wsClient = createWsClient({
      url: webSocketUrl(),
      lazy: true,
      retryAttempts: Infinity,
      connectionParams: () => (csrfToken ? { csrfToken } : {}),
      on: {
        connected: () => {
          if (connectedBefore) reconnectListeners.forEach((listener) => listener());
          connectedBefore = true;
        },
      },
    });
  }
  return wsClient;
}

let abortsIgnored = false;

/**
 * urql aborts the fetch of a query that is torn down while in flight (a component unmounts,
 * a refetch replaces it); the browser can then report the aborted fetch as an unhandled
 * rejection. A request we cancelled on purpose is not an error: only AbortErrors are dropped.
 */
function ignoreAbortedRequests(): void {
  if (abortsIgnored || typeof window === 'undefined') return;
  abortsIgnored = true;
  window.addEventListener('unhandledrejection', (event) => {
    if (event.reason instanceof DOMException && event.reason.name === 'AbortError') event.preventDefault();
  });
}

export function createGraphQLClient(): Client {
  ignoreAbortedRequests();
  return new Client({
    url: '/graphql',
    preferGetMethod: false,
    fetchOptions: () => ({
      credentials: 'same-origin',
      headers: csrfToken ? { 'X-CSRF-Token': csrfToken } : {},
    }),
    exchanges: [
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query ?? '' };
          return {
            subscribe(sink) {
              const unsubscribe = subscriptions().subscribe(input, {
                next: (result) => sink.next(result as ExecutionResult),
                error: (error: unknown) => sink.error(error),
                complete: () => sink.complete(),
              });
              return { unsubscribe };
            },
          };
        },
      }),
    ],
  });
}
