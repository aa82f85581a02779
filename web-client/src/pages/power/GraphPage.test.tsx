import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GraphPage } from './GraphPage';
import { answerGraphQL, member, renderSignedIn } from './testing';

afterEach(() => vi.unstubAllGlobals());

const node = (id: string, weight: number, extra: Partial<{ isSuperDelegate: boolean; inCycle: boolean }> = {}) => ({
  __typename: 'GraphNode',
  member: member(id, id, id.toUpperCase()),
  weight,
  isHolder: weight > 0,
  isSuperDelegate: extra.isSuperDelegate ?? false,
  inCycle: extra.inCycle ?? false,
});
const edge = (from: string, to: string) => ({ __typename: 'GraphEdge', from: { __typename: 'Member', id: from }, to: { __typename: 'Member', id: to }, rank: 1, scope: 'GLOBAL' });

describe('GraphPage', () => {
  it('draws members sized by weight, marks super-delegates and cycles, and lists the largest carriers', async () => {
    answerGraphQL({
      AreaTree: () => ({ areas: [] }),
      DelegationGraphPage: () => ({
        delegationGraph: {
          __typename: 'DelegationGraph',
          area: { __typename: 'Area', id: 'A1', name: 'Party' },
          nodes: [node('dee', 3, { isSuperDelegate: true }), node('ann', 0), node('bob', 0), node('x', 0, { inCycle: true }), node('y', 0, { inCycle: true })],
          edges: [edge('ann', 'dee'), edge('bob', 'dee'), edge('x', 'y'), edge('y', 'x')],
        },
      }),
    });
    const { container } = renderSignedIn(<GraphPage />, { path: '/graph' });

    const svg = await screen.findByRole('img', { name: /Delegation graph of Party/ });
    const circles = container.querySelectorAll('g.node circle');
    expect(circles).toHaveLength(5);
    const radius = (handle: string) => Number(container.querySelector(`g[data-member="${handle}"] circle`)!.getAttribute('r'));
    expect(radius('dee')).toBeGreaterThan(radius('ann'));
    expect(container.querySelector('g[data-member="dee"]')).toHaveClass('node-super');
    expect(container.querySelector('g[data-member="x"]')).toHaveClass('node-cycle');
    expect(svg.querySelectorAll('line.edge-cycle')).toHaveLength(2);
    const table = screen.getByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(within(rows[0]!).getAllByRole('cell').map((c) => c.textContent)).toEqual(['DEE (@dee)', '3', 'yes', 'no']);
  });
});
