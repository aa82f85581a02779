import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import fixture from '../../lottery/draw.fixture.json';
import { KarmaPage } from './KarmaPage';
import { answerGraphQL, member, renderSignedIn } from './testing';

afterEach(() => vi.unstubAllGlobals());

// The fixture's draw, published as the api would: its entries, with member 3 as the viewer.
function draw(entries = fixture.entries) {
  return {
    __typename: 'LotteryDraw',
    periodId: fixture.periodId,
    periodEnd: '2026-11-23T00:00:00Z',
    headSeq: 41,
    headHash: fixture.headHash,
    seed: fixture.seed,
    eligible: entries.length,
    drawn: entries.filter((e) => e.drawn).map((e) => member(`M${e.memberNumber}`, `m${e.memberNumber}`, `Member ${e.memberNumber}`)),
    entries: entries.map((e) => ({ __typename: 'LotteryEntry', member: { __typename: 'Member', id: `M${e.memberNumber}` }, memberNumber: e.memberNumber, probability: e.probability, drawn: e.drawn })),
  };
}

function karma(draws: unknown[]) {
  return {
    viewer: {
      __typename: 'Viewer',
      member: { __typename: 'Member', id: 'M3' },
      karma: 30,
      level: 2,
      allowance: 16,
      allowanceLeft: 12,
      maxPointsPerProposal: 4,
      lotteryChance: 0.04,
      nextDrawAt: '2026-11-30T00:00:00Z',
      endorsementsGiven: [],
      endorsementsReceived: [{ __typename: 'Endorsement', from: member('M8', 'bob', 'Bob'), at: '2026-11-20T10:00:00Z', karmaAwarded: 2 }],
    },
    policyInForce: { karmaHalfLifeDays: 60, levelThresholds: [10, 25, 40] },
    lotteryDraws: draws,
  };
}

describe('KarmaPage', () => {
  it('shows my level, allowance, lottery chance, endorsements and the decay forecast', async () => {
    answerGraphQL({ KarmaPage: () => karma([]) });
    renderSignedIn(<KarmaPage />, { path: '/karma' });

    expect(await screen.findByTestId('karma')).toHaveTextContent('30.0');
    expect(screen.getByText('12 of 16 free')).toBeInTheDocument();
    expect(screen.getByText('4.0 %')).toBeInTheDocument();
    expect(screen.getByRole('cell', { name: 'Bob (@bob)' })).toBeInTheDocument();
    expect(screen.getByText('You have not endorsed anyone yet.')).toBeInTheDocument();
    // 30 · 2^(−56/60) after 8 weeks: 15.8, level 1.
    const week8 = screen.getAllByRole('row').find((row) => within(row).queryAllByRole('cell')[0]?.textContent === '8')!;
    expect(within(week8).getAllByRole('cell').map((c) => c.textContent)).toEqual(['8', (30 * 2 ** (-56 / 60)).toFixed(1), '1']);
    expect(screen.getByText('No draw has taken place yet.')).toBeInTheDocument();
    // The week axis label ends inside the chart's box rather than starting 40 px from its edge.
    const label = screen.getByTestId('forecast-week-label');
    expect(label).toHaveAttribute('text-anchor', 'end');
    expect(Number(label.getAttribute('x'))).toBeLessThanOrEqual(320);
  });

  it('verifies a published draw in the browser and says whether I was in it', async () => {
    answerGraphQL({ KarmaPage: () => karma([draw()]) });
    renderSignedIn(<KarmaPage />, { path: '/karma' });

    await userEvent.click(await screen.findByRole('button', { name: `Verify the draw of ${fixture.periodId}` }));
    const drawn = fixture.entries.filter((e) => e.drawn).length;
    expect(await screen.findByText(new RegExp(`all ${fixture.entries.length} outcomes follow from it \\(${drawn} drawn\\)`))).toBeInTheDocument();
    expect(screen.getByText('You were in this draw and not drawn.')).toBeInTheDocument();
  });

  it('names the member whose published outcome does not follow from the seed', async () => {
    const tampered = fixture.entries.map((e) => (e.memberNumber === '5' ? { ...e, drawn: !e.drawn } : e));
    answerGraphQL({ KarmaPage: () => karma([draw(tampered)]) });
    renderSignedIn(<KarmaPage />, { path: '/karma' });

    await userEvent.click(await screen.findByRole('button', { name: `Verify the draw of ${fixture.periodId}` }));
    expect(await screen.findByText(/does not match its public data: the published outcome differs for member\(s\) 5$/)).toBeInTheDocument();
  });
});
