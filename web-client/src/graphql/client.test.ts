import { gql } from 'urql';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createGraphQLClient, onSubscriptionsReconnected, setCsrfToken } from './client';

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

function stubFetch() {
  const mock = vi.fn(async () => new Response(JSON.stringify({ data: { __typename: 'Query' } }), { headers: { 'Content-Type': 'application/json' } }));
  vi.stubGlobal('fetch', mock);
  return mock;
}

const query = gql`
  query Ping {
    __typename
  }
`;

describe('the GraphQL client', () => {
  it('POSTs to /graphql with the session CSRF token, as the api requires', async () => {
    const fetch = stubFetch();
    setCsrfToken('csrf-123');

    const result = await createGraphQLClient().query(query, {}).toPromise();

    expect(result.data).toEqual({ __typename: 'Query' });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/graphql');
    expect(init.method).toBe('POST');
    expect(new Headers(init.headers).get('X-CSRF-Token')).toBe('csrf-123');
  });

  it('asks for one JSON response, not an event stream', async () => {
    const fetch = stubFetch();

    await createGraphQLClient().query(query, {}).toPromise();

    const [, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(new Headers(init.headers).get('Accept')).toBe('application/graphql-response+json, application/json');
  });

  it('sends no CSRF header when signed out', async () => {
    const fetch = stubFetch();

    await createGraphQLClient().query(query, {}).toPromise();

    const [, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(new Headers(init.headers).has('X-CSRF-Token')).toBe(false);
  });
});

/** A WebSocket that opens at once and records what the client sends. */
class RecordingSocket {
  static sent: string[] = [];
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  readonly protocol = 'graphql-transport-ws';
  readyState = 0;
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: string }) => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onerror: (() => void) | null = null;
  constructor() {
    RecordingSocket.sockets.push(this);
    queueMicrotask(() => {
      this.readyState = 1;
      this.onopen?.();
    });
  }
  static sockets: RecordingSocket[] = [];
  send(data: string) {
    RecordingSocket.sent.push(data);
    // The api accepts the connection: graphql-ws counts it connected on the ack.
    if ((JSON.parse(data) as { type: string }).type === 'connection_init') {
      queueMicrotask(() => this.onmessage?.({ data: JSON.stringify({ type: 'connection_ack' }) }));
    }
  }
  /** The network drops the connection. */
  drop() {
    this.readyState = 3;
    this.onclose?.({ code: 1006, reason: '' });
  }
  close() {
    this.readyState = 3;
  }
}

describe('the GraphQL client\u2019s subscriptions', () => {
  const subscription = gql`
    subscription Changes {
      myDelegationsChanged {
        kind
      }
    }
  `;

  it('shows the session\u2019s CSRF token in connection_init, and reconnects for a new session', async () => {
    RecordingSocket.sent = [];
    vi.stubGlobal('WebSocket', RecordingSocket);
    setCsrfToken('csrf-abc');
    const first = createGraphQLClient().subscription(subscription, {}).subscribe(() => undefined);
    await vi.waitFor(() => expect(RecordingSocket.sent.length).toBeGreaterThan(0));
    expect(JSON.parse(RecordingSocket.sent[0]!)).toEqual({ type: 'connection_init', payload: { csrfToken: 'csrf-abc' } });
    first.unsubscribe();

    RecordingSocket.sent = [];
    setCsrfToken('csrf-new');
    const second = createGraphQLClient().subscription(subscription, {}).subscribe(() => undefined);
    await vi.waitFor(() => expect(RecordingSocket.sent.length).toBeGreaterThan(0));
    expect(JSON.parse(RecordingSocket.sent[0]!)).toEqual({ type: 'connection_init', payload: { csrfToken: 'csrf-new' } });
    second.unsubscribe();
  });

  it('tells the page when the socket is back after a drop, so it can refetch what it missed', async () => {
    RecordingSocket.sockets = [];
    vi.stubGlobal('WebSocket', RecordingSocket);
    setCsrfToken('csrf-drop');
    const reconnected = vi.fn();
    const stop = onSubscriptionsReconnected(reconnected);
    const subscription$ = createGraphQLClient().subscription(subscription, {}).subscribe(() => undefined);
    await vi.waitFor(() => expect(RecordingSocket.sockets).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(reconnected).not.toHaveBeenCalled();

    RecordingSocket.sockets[0]!.drop();
    // graphql-ws retries after a randomised back-off of a few seconds.
    await vi.waitFor(() => expect(reconnected).toHaveBeenCalledTimes(1), { timeout: 9000, interval: 100 });
    expect(RecordingSocket.sockets.length).toBeGreaterThanOrEqual(2);
    subscription$.unsubscribe();
    stop();
  }, 12000);
});
