import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ProposalList } from './ProposalList';
import { answerGraphQL, areas, renderWithClient } from './testing';

afterEach(() => vi.unstubAllGlobals());

function page(prefix: string, count: number, hasNextPage: boolean, total: number) {
  return {
    proposals: {
      __typename: 'ProposalConnection',
      totalCount: total,
      pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor: hasNextPage ? `${prefix}-end` : null },
      nodes: Array.from({ length: count }, (_, i) => ({
        __typename: 'Proposal',
        id: `${prefix}-${i}`,
        title: `${prefix} proposal ${i}`,
        status: i === 0 ? 'VOTING' : 'OPEN',
        score: i,
        supporterCount: i === 1 ? 1 : 2,
        area: { __typename: 'Area', id: 'QXJlYToy', name: 'Housing' },
      })),
    },
  };
}

describe('the proposal list', () => {
  it('shows each proposal with its status, score, supporters and area, hot first', async () => {
    const requests = answerGraphQL({ AreaTree: () => ({ areas }), ProposalList: () => page('hot', 2, false, 2) });
    renderWithClient(<ProposalList />);

    const first = (await screen.findByRole('link', { name: 'hot proposal 0' })).closest('li')!;
    expect(within(first).getByText('Voting')).toBeInTheDocument();
    expect(within(first).getByText('0 points')).toBeInTheDocument();
    expect(within(first).getByText('2 supporters')).toBeInTheDocument();
    expect(within(first).getByText('Housing')).toBeInTheDocument();
    const second = screen.getByRole('link', { name: 'hot proposal 1' });
    expect(second).toHaveAttribute('href', '/proposals/hot-1');
    expect(within(second.closest('li')!).getByText('1 supporter')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Hot' })).toHaveAttribute('aria-pressed', 'true');
    expect(requests.find((r) => r.operationName === 'ProposalList')?.variables).toMatchObject({ orderBy: 'HOT', area: null, after: null });
  });

  it('asks for another order and for an area when chosen', async () => {
    const requests = answerGraphQL({
      AreaTree: () => ({ areas }),
      ProposalList: (v) => page(`${String(v.orderBy)}-${String(v.area)}`, 1, false, 1),
    });
    renderWithClient(<ProposalList />);
    await screen.findByRole('link', { name: 'HOT-null proposal 0' });

    await userEvent.click(screen.getByRole('button', { name: 'New' }));
    await screen.findByRole('link', { name: 'NEW-null proposal 0' });
    expect(screen.getByRole('button', { name: 'New' })).toHaveAttribute('aria-pressed', 'true');

    await screen.findByRole('option', { name: /Housing/ });
    await userEvent.selectOptions(screen.getByLabelText('Area'), 'QXJlYToy');
    await screen.findByRole('link', { name: 'NEW-QXJlYToy proposal 0' });
    expect(requests.at(-1)?.variables).toMatchObject({ orderBy: 'NEW', area: 'QXJlYToy' });
  });

  it('pages on with the cursor and moves focus to the first new proposal', async () => {
    answerGraphQL({
      AreaTree: () => ({ areas }),
      ProposalList: (v) => (v.after ? page('second', 1, false, 21) : page('first', 20, true, 21)),
    });
    renderWithClient(<ProposalList />);

    await userEvent.click(await screen.findByRole('button', { name: 'Show more' }));

    const next = await screen.findByRole('link', { name: 'second proposal 0' });
    await waitFor(() => expect(next).toHaveFocus());
    expect(screen.getAllByRole('link')).toHaveLength(21);
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();
  });

  it('says so when there are no proposals, in German too', async () => {
    answerGraphQL({ AreaTree: () => ({ areas }), ProposalList: () => page('none', 0, false, 0) });
    renderWithClient(<ProposalList />, { language: 'de' });
    expect(await screen.findByText('Hier gibt es noch keine Anträge.')).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Reihenfolge' })).toBeInTheDocument();
  });
});
