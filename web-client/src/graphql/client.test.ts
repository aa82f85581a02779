import { gql } from 'urql';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createGraphQLClient, setCsrfToken } from './client';

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
