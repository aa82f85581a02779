import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DelegationsPage } from './DelegationsPage';
import { answerGraphQL, member, renderSignedIn } from './testing';

afterEach(() => vi.unstubAllGlobals());

const ann = member('M7', 'ann', 'Ann');
const bob = member('M8', 'bob', 'Bob Builder');
const cy = member('M9', 'cy', 'Cy Young');

function page(overrides: { delegations?: unknown[]; carried?: number | null; isSuper?: boolean; eligible?: number } = {}) {
  return {
    viewer: {
      __typename: 'Viewer',
      member: ann,
      delegations: overrides.delegations ?? [],
      delegators: [{ __typename: 'Delegator', member: cy, scope: { __typename: 'DelegationScope', kind: 'GLOBAL', area: null, proposal: null }, rank: 1 }],
      carriedWeight: overrides.carried === undefined ? 2 : overrides.carried,
      isSuperDelegate: overrides.isSuper ?? false,
    },
    concentration: { __typename: 'Concentration', area: { __typename: 'Area', id: 'A1', name: 'Party' }, eligible: overrides.eligible ?? 100 },
    policyInForce: { superDelegateShare: 0.1, maxDelegates: 3 },
  };
}

const search = () => ({ members: { __typename: 'MemberConnection', nodes: [{ ...bob, votingRight: true }, { ...cy, votingRight: true }] } });
const areas = () => ({ areas: [] });

describe('DelegationsPage', () => {
  it('shows who delegates to me, the weight I carry, and warns when one more vote makes me a super-delegate', async () => {
    answerGraphQL({ DelegationsPage: () => page({ carried: 2, eligible: 25 }), AreaTree: areas });
    renderSignedIn(<DelegationsPage />, { path: '/delegations' });

    expect(await screen.findByTestId('carried-weight')).toHaveTextContent('In Party you carry 2 votes (your own included) if nobody else votes.');
    expect(screen.getByRole('cell', { name: 'Cy Young (@cy)' })).toBeInTheDocument();
    expect(screen.getByText(/one more vote delegated to you would make you a super-delegate/)).toBeInTheDocument();
  });

  it('warns that a delegation to a member without a voting right is skipped', async () => {
    const delegations = [
      {
        __typename: 'Delegation',
        id: 'D1',
        isBlock: false,
        scope: { __typename: 'DelegationScope', kind: 'GLOBAL', area: null, proposal: null },
        delegates: [
          { ...bob, votingRight: false },
          { ...cy, votingRight: true },
        ],
      },
    ];
    answerGraphQL({ DelegationsPage: () => page({ delegations }), AreaTree: areas });
    renderSignedIn(<DelegationsPage />, { path: '/delegations' });
    const banner = await screen.findByTestId('skipped-delegates');
    expect(banner).toHaveTextContent('Your delegation to them is skipped');
    expect(banner).toHaveTextContent('Bob Builder (@bob) has no voting right.');
    expect(banner).not.toHaveTextContent('Cy Young');
  });

  it('says nothing of super-delegates far below the line, and says so once flagged', async () => {
    answerGraphQL({ DelegationsPage: () => page({ carried: 2, eligible: 100 }), AreaTree: areas });
    const { unmount } = renderSignedIn(<DelegationsPage />, { path: '/delegations' });
    await screen.findByTestId('carried-weight');
    expect(screen.queryByText(/super-delegate here/)).not.toBeInTheDocument();
    unmount();

    answerGraphQL({ DelegationsPage: () => page({ carried: 12, eligible: 100, isSuper: true }), AreaTree: areas });
    renderSignedIn(<DelegationsPage />, { path: '/delegations' });
    expect(await screen.findByText(/You are a super-delegate here/)).toBeInTheDocument();
  });

  it('saves ranked delegates in the order chosen, after reordering', async () => {
    const requests = answerGraphQL({
      DelegationsPage: () => page(),
      AreaTree: areas,
      DelegateSearch: search,
      Delegate: () => ({ delegate: { __typename: 'DelegatePayload', delegation: { __typename: 'Delegation', id: 'D1' }, errors: null } }),
    });
    renderSignedIn(<DelegationsPage />, { path: '/delegations' });
    const box = await screen.findByLabelText('Search members by name');
    await userEvent.type(box, 'bo');
    await userEvent.click(await screen.findByRole('button', { name: 'Add Bob Builder' }));
    await userEvent.type(box, 'cy');
    await userEvent.click(await screen.findByRole('button', { name: 'Add Cy Young' }));
    await userEvent.click(screen.getByRole('button', { name: 'Move Cy Young up' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save delegation' }));

    await waitFor(() => expect(requests.some((r) => r.operationName === 'Delegate')).toBe(true));
    const sent = requests.find((r) => r.operationName === 'Delegate')!;
    expect(sent.variables).toEqual({ input: { scope: { global: true }, delegates: ['M9', 'M8'] } });
    expect(await screen.findByText('Your delegation is saved.')).toBeInTheDocument();
  });

  it('shows a refused delegation in a focused alert and keeps the choice', async () => {
    answerGraphQL({
      DelegationsPage: () => page(),
      AreaTree: areas,
      DelegateSearch: search,
      Delegate: () => ({
        delegate: {
          __typename: 'DelegatePayload',
          delegation: null,
          errors: [{ __typename: 'ValidationError', message: 'Bob Builder has no voting right.', code: 'NO_VOTING_RIGHT', field: 'delegates' }],
        },
      }),
    });
    renderSignedIn(<DelegationsPage />, { path: '/delegations' });
    await userEvent.type(await screen.findByLabelText('Search members by name'), 'bo');
    await userEvent.click(await screen.findByRole('button', { name: 'Add Bob Builder' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save delegation' }));

    const alert = screen.getByRole('alert');
    await waitFor(() => expect(alert).toHaveTextContent('Bob Builder has no voting right.'));
    await waitFor(() => expect(alert).toHaveFocus());
    expect(within(screen.getByRole('list', { name: 'Chosen, in order of preference' })).getByText(/Bob Builder/)).toBeInTheDocument();
  });

  it('shows a block for the scope and offers to revoke it', async () => {
    const requests = answerGraphQL({
      DelegationsPage: () =>
        page({ delegations: [{ __typename: 'Delegation', id: 'D2', isBlock: true, scope: { __typename: 'DelegationScope', kind: 'GLOBAL', area: null, proposal: null }, delegates: [] }] }),
      AreaTree: areas,
      RevokeDelegation: () => ({ revokeDelegation: { __typename: 'RevokeDelegationPayload', revoked: true, errors: null } }),
    });
    renderSignedIn(<DelegationsPage />, { path: '/delegations' });
    expect(await screen.findByText('Blocked: nobody carries your vote here, and nothing is inherited.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Revoke' }));
    expect(await screen.findByText('Your delegation for this scope is revoked; it inherits again.')).toBeInTheDocument();
    expect(requests.find((r) => r.operationName === 'RevokeDelegation')!.variables).toEqual({ input: { scope: { global: true } } });
  });

  it('opens on the proposal named by ?proposal= and delegates for that proposal alone', async () => {
    const requests = answerGraphQL({
      DelegationsPage: () => page(),
      AreaTree: areas,
      DelegationProposal: () => ({ proposal: { __typename: 'Proposal', id: 'P5', title: 'Car-free centre', area: { __typename: 'Area', id: 'A2' } } }),
      DelegateSearch: search,
      Delegate: () => ({ delegate: { __typename: 'DelegatePayload', delegation: { __typename: 'Delegation', id: 'D9' }, errors: null } }),
    });
    renderSignedIn(<DelegationsPage />, { path: '/delegations?proposal=P5' });

    expect(await screen.findByText(/For the proposal/)).toHaveTextContent('For the proposal “Car-free centre”');
    expect(screen.getByRole('radio', { name: 'One proposal' })).toBeChecked();
    await userEvent.type(screen.getByLabelText('Search members by name'), 'bo');
    await userEvent.click(await screen.findByRole('button', { name: 'Add Bob Builder' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save delegation' }));

    await waitFor(() => expect(requests.some((r) => r.operationName === 'Delegate')).toBe(true));
    expect(requests.find((r) => r.operationName === 'Delegate')!.variables).toEqual({ input: { scope: { proposal: 'P5' }, delegates: ['M8'] } });
    // The weight shown is the proposal's area's.
    expect(requests.filter((r) => r.operationName === 'DelegationsPage').at(-1)!.variables).toEqual({ area: 'A2' });
  });
});
