import { Client, cacheExchange, fetchExchange, subscriptionExchange, type ExecutionResult } from 'urql';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import { persistedExchange } from '@urql/exchange-persisted';

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
  let connectedBefore = false;
  wsClient ??= createWsClient({
    url: webSocketUrl(),
    lazy: true,
    // A session's socket must prove it is the page's: the api refuses it (4403) without the token.
    connectionParams: () => (csrfToken ? { csrfToken } : {}),
    retryAttempts: Infinity,
    // Retry soon, then back off to at most ~10 s: a dropped member should not wait a minute.
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, Math.min(10_000, 500 * 2 ** retries) + Math.random() * 500)),
    on: {
      connected: () => {
        setSocketState({ status: 'live', generation: socketState.generation + 1 });
        if (connectedBefore) reconnectListeners.forEach((listener) => listener());
        connectedBefore = true;
      },
      closed: () => {
        if (activeSubscriptions > 0) setSocketState({ ...socketState, status: 'reconnecting' });
        else setSocketState({ ...socketState, status: 'idle' });
      },
    },
  });
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

/** codegen's __meta__.hash: the SHA-256 of the document's text in persisted-documents.json. */
function documentHash(document: unknown): string | undefined {
  const meta = (document as { __meta__?: { hash?: unknown } } | null)?.__meta__;
  return typeof meta?.hash === 'string' ? meta.hash : undefined;
}

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

export function createGraphQLClient(): Client {
  ignoreAbortedRequests();
  return new Client({
    url: '/graphql',
    preferGetMethod: false,
    fetchOptions: () => ({
      credentials: 'same-origin',
      // Subscriptions go over the socket, not SSE: ask for one JSON response.
      headers: {
        accept: 'application/graphql-response+json, application/json',
        ...(csrfToken ? { 'X-CSRF-Token': csrfToken } : {}),
      },
    }),
    exchanges: [
      cacheExchange,
      // Queries and mutations name their document by the build's hash (trusted documents, APQ);
      // a server that does not know the hash answers PersistedQueryNotFound and the exchange
      // sends the text once more. A document the build did not see is hashed here.
      persistedExchange({
        enableForMutation: true,
        preferGetForPersistedQueries: false,
        generateHash: async (query, document) => documentHash(document) ?? sha256(query),
      }),
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request, operation) {
          // The socket protocol always carries the text; the hash lets a server that runs only
          // trusted documents recognise it.
          const hash = documentHash(operation.query);
          const input = {
            ...request,
            query: request.query ?? '',
            ...(hash ? { extensions: { ...request.extensions, persistedQuery: { version: 1, sha256Hash: hash } } } : {}),
          };
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
