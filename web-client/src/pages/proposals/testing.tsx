import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { Provider as UrqlProvider } from 'urql';
import { vi } from 'vitest';
import { createGraphQLClient } from '../../graphql/client';
import { I18nProvider } from '../../i18n/i18n';
import type { Language } from '../../i18n/messages';
import { RouterProvider } from '../../router';
import type { Session } from '../../session/api';
import { SessionProvider } from '../../session/session';

type Handler = (variables: Record<string, unknown>) => unknown;

/**
 * Answers the client's GraphQL POSTs by operation name (the real urql client, only the network
 * replaced); records each request. An operation without a handler fails the test loudly.
 */
export function answerGraphQL(handlers: Record<string, Handler>) {
  const requests: { operationName: string; variables: Record<string, unknown> }[] = [];
  const fetch = vi.fn(async (_url: string, init: RequestInit) => {
    const body = JSON.parse(String(init.body)) as { operationName: string; query: string; variables: Record<string, unknown> };
    const operationName = body.operationName ?? /(?:query|mutation)\s+(\w+)/.exec(body.query)?.[1] ?? '';
    requests.push({ operationName, variables: body.variables ?? {} });
    const handler = handlers[operationName];
    if (!handler) throw new Error(`no answer for ${operationName}`);
    return new Response(JSON.stringify({ data: handler(body.variables ?? {}) }), { headers: { 'Content-Type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fetch);
  return requests;
}

export const ada: Session = {
  member: { id: 1, handle: 'ada', displayName: 'Ada Lovelace', votingRight: true, roles: ['member'] },
  csrfToken: 'csrf',
  expiresAt: '2030-01-01T00:00:00Z',
};

/** A page with a real GraphQL client, signed in as Ada unless `signedIn` is false. */
export function renderWithClient(page: ReactElement, { language = 'en', path = '/', signedIn = true }: { language?: Language; path?: string; signedIn?: boolean } = {}) {
  window.history.replaceState(null, '', path);
  return render(
    <I18nProvider language={language}>
      <UrqlProvider value={createGraphQLClient()}>
        <RouterProvider initialPath={path}>
          <SessionProvider initial={signedIn ? { status: 'signedIn', session: ada } : { status: 'signedOut' }}>{page}</SessionProvider>
        </RouterProvider>
      </UrqlProvider>
    </I18nProvider>,
  );
}

export const areas = [
  {
    __typename: 'Area',
    id: 'QXJlYTox',
    name: 'Party',
    children: [{ __typename: 'Area', id: 'QXJlYToy', name: 'Housing', children: [] }],
  },
];

/** A WebSocket that never connects: subscriptions stay pending, as while the socket is down. */
export function silenceWebSocket() {
  class SilentWebSocket {
    static readonly CONNECTING = 0;
    static readonly OPEN = 1;
    static readonly CLOSING = 2;
    static readonly CLOSED = 3;
    readyState = 0;
    protocol = '';
    onopen: unknown = null;
    onclose: unknown = null;
    onerror: unknown = null;
    onmessage: unknown = null;
    send() {}
    close() {}
  }
  vi.stubGlobal('WebSocket', SilentWebSocket);
}

export function proposalData(overrides: Record<string, unknown> = {}) {
  const member = (id: string, handle: string, displayName: string) => ({ __typename: 'Member', id, handle, displayName });
  return {
    proposal: {
      __typename: 'Proposal',
      id: 'UHJvcG9zYWw6MQ',
      title: 'Plant oaks',
      body: '## Why\n\nShade. <img src=x onerror="window.pwned=1">',
      status: 'OPEN',
      createdAt: '2026-11-01T10:00:00Z',
      editedAt: null,
      reworkUntil: null,
      mergedInto: null,
      score: 3,
      supporterCount: 2,
      mySupport: 0,
      myVote: null,
      area: { __typename: 'Area', id: 'QXJlYToy', name: 'Housing' },
      author: member('TWVtYmVyOjI', 'bob', 'Bob Builder'),
      statusHistory: [
        { __typename: 'StatusChange', status: 'OPEN', at: '2026-11-01T10:00:00Z', reason: null, appealOutcome: null, actor: member('TWVtYmVyOjI', 'bob', 'Bob Builder') },
      ],
      appeal: null,
      policy: policyData(),
      whereDoesMyVoteGo: {
        __typename: 'VotePath',
        outcome: 'CARRIED',
        arrivingWeight: 1,
        carrier: member('TWVtYmVyOjM', 'cy', 'Cy Twombly'),
        deadEnd: null,
        cycle: [],
        hops: [
          {
            __typename: 'VoteHop',
            rank: 2,
            scope: { __typename: 'DelegationScope', kind: 'GLOBAL' },
            from: member('TWVtYmVyOjE', 'ada', 'Ada Lovelace'),
            to: member('TWVtYmVyOjM', 'cy', 'Cy Twombly'),
          },
        ],
      },
      tally: null,
      ...overrides,
    },
    viewer: {
      __typename: 'Viewer',
      member: { __typename: 'Member', id: 'TWVtYmVyOjE', votingRight: true },
      allowance: 4,
      allowanceLeft: 3,
      maxPointsPerProposal: 1,
    },
  };
}

/** The organisation's default policy as Proposal.policy and Area.policy answer it. */
export function policyData(overrides: Record<string, unknown> = {}) {
  const fields = ['agendaQuorumShare', 'minimumSupporters', 'appealQuorumFactor', 'discussionDays', 'votingDays', 'voteQuorumShare', 'majority', 'viscosity', 'superDelegateShare', 'privacy', 'maxDelegates'];
  return {
    __typename: 'Policy',
    agendaQuorumMinimum: 10,
    agendaQuorumShare: 0.05,
    minimumSupporters: 3,
    minimumSupportersShare: 0.01,
    appealDays: 14,
    appealQuorumFactor: 2,
    discussionDays: 7,
    votingDays: 7,
    voteQuorumShare: 0.1,
    majority: 0.5,
    viscosity: 1,
    superDelegateShare: 0.1,
    privacy: 'DELEGATES_PUBLIC',
    delegationVisibility: 'MEMBERS',
    maxDelegates: 3,
    sources: fields.map((field) => ({ __typename: 'PolicySource', field, origin: field === 'maxDelegates' ? 'FIXED' : 'ORGANISATION', area: null })),
    ...overrides,
  };
}
