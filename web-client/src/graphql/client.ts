import { Client, cacheExchange, fetchExchange, subscriptionExchange, type ExecutionResult } from 'urql';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';

/**
 * The GraphQL client: queries and mutations POST to /graphql with the session cookie and the
 * X-CSRF-Token header the api requires on every POST; subscriptions use graphql-ws on the
 * same path, connecting only when the first subscription starts (lazy).
 */
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

function webSocketUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss:' : 'ws:'}//${host}/graphql`;
}

/**
 * The live connection's state, for a small "reconnecting" notice: `live` once acknowledged,
 * `reconnecting` after it dropped while subscriptions still wanted it. `generation` counts
 * (re)connections, so a page can refetch what it may have missed while the socket was down.
 */
export interface SocketState {
  status: 'idle' | 'live' | 'reconnecting';
  generation: number;
}

let socketState: SocketState = { status: 'idle', generation: 0 };
const socketListeners = new Set<(state: SocketState) => void>();
let activeSubscriptions = 0;

function setSocketState(next: SocketState): void {
  socketState = next;
  for (const listener of socketListeners) listener(next);
}

export function getSocketState(): SocketState {
  return socketState;
}

export function onSocketState(listener: (state: SocketState) => void): () => void {
  socketListeners.add(listener);
  return () => socketListeners.delete(listener);
}

let wsClient: WsClient | null = null;
function subscriptions(): WsClient {
  wsClient ??= createWsClient({
    url: webSocketUrl(),
    lazy: true,
    // A session's socket must prove it is the page's: the api refuses it (4403) without the token.
    connectionParams: () => (csrfToken ? { csrfToken } : {}),
    retryAttempts: Infinity,
    // Retry soon, then back off to at most ~10 s: a dropped member should not wait a minute.
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, Math.min(10_000, 500 * 2 ** retries) + Math.random() * 500)),
    on: {
      connected: () => setSocketState({ status: 'live', generation: socketState.generation + 1 }),
      closed: () => {
        if (activeSubscriptions > 0) setSocketState({ ...socketState, status: 'reconnecting' });
        else setSocketState({ ...socketState, status: 'idle' });
      },
    },
  });
  return wsClient;
}

export function createGraphQLClient(): Client {
  return new Client({
    url: '/graphql',
    preferGetMethod: false,
    fetchOptions: () => ({
      credentials: 'same-origin',
      // urql also offers text/event-stream, which the api then prefers for a plain query: ask
      // for one JSON response (subscriptions go over the socket, not SSE).
      headers: {
        accept: 'application/graphql-response+json, application/json',
        ...(csrfToken ? { 'X-CSRF-Token': csrfToken } : {}),
      },
    }),
    exchanges: [
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query ?? '' };
          return {
            subscribe(sink) {
              activeSubscriptions++;
              let done = false;
              const finish = () => {
                if (!done) {
                  done = true;
                  activeSubscriptions--;
                }
              };
              const unsubscribe = subscriptions().subscribe(input, {
                next: (result) => sink.next(result as ExecutionResult),
                error: (error: unknown) => {
                  finish();
                  sink.error(error);
                },
                complete: () => {
                  finish();
                  sink.complete();
                },
              });
              return {
                unsubscribe: () => {
                  finish();
                  unsubscribe();
                },
              };
            },
          };
        },
      }),
    ],
  });
}
