import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ProposalPage } from './ProposalPage';
import { answerGraphQL, proposalData, renderWithClient, silenceWebSocket } from './testing';

beforeEach(() => silenceWebSocket());
afterEach(() => vi.unstubAllGlobals());

const weight = () => ({ viewer: { __typename: 'Viewer', carriedWeight: 2, isSuperDelegate: false } });

describe('the proposal page', () => {
  it('shows the sanitised text, author, support, my allowance and where my vote goes', async () => {
    answerGraphQL({ ProposalPage: () => proposalData(), MyWeight: weight });
    renderWithClient(<ProposalPage id="UHJvcG9zYWw6MQ" />);

    expect(await screen.findByRole('heading', { level: 1, name: 'Plant oaks' })).toBeInTheDocument();
    expect(await screen.findByRole('heading', { level: 2, name: 'Why' })).toBeInTheDocument();
    expect(document.querySelector('.proposal-body img')).toBeNull();
    expect(document.querySelectorAll('[onerror]')).toHaveLength(0);
    expect(screen.getByText(/<img src=x onerror=/)).toBeInTheDocument();
    expect(document.querySelector('.proposal-meta')).toHaveTextContent(/By Bob Builder \(@bob\) in Housing/);
    expect(screen.getByTestId('proposal-score')).toHaveTextContent('3 points from 2 supporters');
    expect(screen.getByTestId('allowance')).toHaveTextContent('You have 3 of 4 points left; at most 1 on one proposal.');
    expect(screen.getByLabelText('Points')).toHaveAccessibleDescription('You have 3 of 4 points left; at most 1 on one proposal.');

    const path = screen.getByTestId('vote-path');
    expect(path).toHaveAttribute('data-outcome', 'CARRIED');
    expect(within(path).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['You', '→ Cy Twombly (@cy) (choice 2, whole organisation)']);
    expect(screen.getByTestId('vote-carrier')).toHaveTextContent('Carried by Cy Twombly (@cy), arriving with weight 1.');
    expect(await screen.findByTestId('my-weight')).toHaveTextContent('Weight you carry in Housing if nobody else votes: 2');
    // Not the author: no edit or withdraw.
    expect(screen.queryByRole('button', { name: 'Withdraw proposal' })).toBeNull();
  });

  it('isolates names, titles, areas and reasons, so a right-to-left override in old data cannot reverse the text around it', async () => {
    const rlo = '\u202E';
    const spoof = { __typename: 'Member', id: 'TWVtYmVyOjI', handle: 'bob', displayName: `Bob${rlo}` };
    answerGraphQL({
      ProposalPage: () =>
        proposalData({
          title: `Oaks${rlo}`,
          area: { __typename: 'Area', id: 'QXJlYToy', name: `Housing${rlo}` },
          author: spoof,
          statusHistory: [{ __typename: 'StatusChange', status: 'OPEN', at: '2026-11-01T10:00:00Z', reason: `Needs work${rlo}`, actor: spoof }],
        }),
      MyWeight: weight,
    });
    renderWithClient(<ProposalPage id="UHJvcG9zYWw6MQ" />);
    const heading = await screen.findByRole('heading', { level: 1 });
    expect(heading.querySelector('bdi')).toHaveTextContent(`Oaks${rlo}`);
    const isolated = (element: Element | null) => [...(element?.querySelectorAll('bdi') ?? [])].map((b) => b.textContent);
    expect(isolated(document.querySelector('.proposal-meta'))).toEqual([`Bob${rlo}`, `Housing${rlo}`]);
    expect(isolated(document.querySelector('.status-history li'))).toEqual([`Bob${rlo}`, `Needs work${rlo}`]);
    // Every override sits inside a <bdi>: none in the text between them.
    for (const node of document.querySelectorAll('main, body')) {
      const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
      for (let text = walker.nextNode(); text; text = walker.nextNode()) {
        if (text.textContent!.includes(rlo)) expect(text.parentElement!.closest('bdi'), JSON.stringify(text.textContent)).not.toBeNull();
      }
    }
  });

  it('tells a member without a voting right why they cannot vote instead of offering the vote form', async () => {
    const data = proposalData({ status: 'VOTING' });
    data.viewer.member = { ...data.viewer.member, votingRight: false };
    answerGraphQL({ ProposalPage: () => data, MyWeight: weight });
    renderWithClient(<ProposalPage id="UHJvcG9zYWw6MQ" />);
    expect(await screen.findByTestId('no-voting-right')).toHaveTextContent('You have no voting right at the moment, so you cannot vote.');
    expect(screen.queryByRole('button', { name: 'Cast vote' })).toBeNull();
    expect(screen.queryByRole('radio')).toBeNull();
  });

  it('says a returned proposal waits for an edit, and links a merged proposal to where it went', async () => {
    answerGraphQL({ ProposalPage: () => proposalData({ reworkUntil: '2026-11-20T10:00:00Z' }), MyWeight: weight });
    const { unmount } = renderWithClient(<ProposalPage id="UHJvcG9zYWw6MQ" />);
    expect(await screen.findByTestId('rework-notice')).toHaveTextContent(/returned this proposal for more work: it cannot go back on the agenda until its author edits it/);
    unmount();

    answerGraphQL({
      ProposalPage: () => proposalData({ status: 'MERGED', mergedInto: { __typename: 'Proposal', id: 'UHJvcG9zYWw6Mg', title: 'Plant trees' } }),
      MyWeight: weight,
    });
    renderWithClient(<ProposalPage id="UHJvcG9zYWw6MQ" />);
    const merged = await screen.findByTestId('merged-into');
    expect(within(merged).getByRole('link', { name: 'Plant trees' })).toHaveAttribute('href', '/proposals/UHJvcG9zYWw6Mg');
  });

  it('does not invite a vote or a delegation on a decided proposal', async () => {
    const path = { __typename: 'VotePath', outcome: 'DEAD_END', arrivingWeight: 0, carrier: null, deadEnd: null, cycle: [], hops: [] };
    answerGraphQL({
      ProposalPage: () => proposalData({ status: 'REJECTED', whereDoesMyVoteGo: path, tally: { __typename: 'Tally', yes: 1, no: 2, abstain: 0, quorumReached: true, passed: false } }),
      MyWeight: weight,
    });
    renderWithClient(<ProposalPage id="UHJvcG9zYWw6MQ" />);
    expect(await screen.findByTestId('vote-path')).toHaveTextContent('You neither voted nor delegated on this proposal.');
    expect(screen.queryByText(/counts only if you cast it/)).toBeNull();
    expect(screen.queryByRole('link', { name: 'Delegate for this proposal only' })).toBeNull();
  });

  it('refuses a fraction of a point with the rule instead of rounding it down', async () => {
    const requests = answerGraphQL({ ProposalPage: () => proposalData(), MyWeight: weight });
    renderWithClient(<ProposalPage id="UHJvcG9zYWw6MQ" />);
    const points = await screen.findByLabelText('Points');
    await userEvent.clear(points);
    await userEvent.type(points, '1.5');
    await userEvent.click(screen.getByRole('button', { name: 'Support' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Support comes in whole points: give 1 to 1.');
    expect(requests.some((r) => r.operationName === 'Support')).toBe(false);
  });

  it('shows the server refusal of a support in an alert that takes focus, and the success as a status', async () => {
    let refuse = true;
    answerGraphQL({
      ProposalPage: () => proposalData(),
      MyWeight: weight,
      Support: () => ({
        support: refuse
          ? {
              __typename: 'SupportPayload',
              points: null,
              allowanceLeft: null,
              proposal: null,
              errors: [{ __typename: 'ValidationError', code: 'PROPOSAL_CAP_EXCEEDED', field: null, message: 'At most 1 point on one proposal.' }],
            }
          : {
              __typename: 'SupportPayload',
              points: 1,
              allowanceLeft: 2,
              proposal: { __typename: 'Proposal', id: 'UHJvcG9zYWw6MQ', score: 4, supporterCount: 3, mySupport: 1 },
              errors: null,
            },
      }),
    });
    renderWithClient(<ProposalPage id="UHJvcG9zYWw6MQ" />);
    const points = await screen.findByLabelText('Points');
    await userEvent.clear(points);
    await userEvent.type(points, '2');
    await userEvent.click(screen.getByRole('button', { name: 'Support' }));

    const alert = await screen.findByRole('alert');
    await waitFor(() => expect(alert).toHaveTextContent('At most 1 point on one proposal.'));
    expect(alert).toHaveFocus();

    refuse = false;
    await userEvent.clear(points);
    await userEvent.type(points, '1');
    await userEvent.click(screen.getByRole('button', { name: 'Support' }));
    await waitFor(() => expect(screen.getByText('Your support is now 1 point.')).toBeInTheDocument());
    expect(screen.getByRole('alert')).toBeEmptyDOMElement();
  });

  it('lets me vote while voting is open and shows my vote', async () => {
    let myVote: string | null = null;
    const requests = answerGraphQL({
      ProposalPage: () => proposalData({ status: 'VOTING', myVote }),
      MyWeight: weight,
      Vote: (v) => {
        myVote = (v.input as { choice: string }).choice;
        return { vote: { __typename: 'VotePayload', choice: myVote, proposal: { __typename: 'Proposal', id: 'UHJvcG9zYWw6MQ', myVote }, errors: null } };
      },
    });
    renderWithClient(<ProposalPage id="UHJvcG9zYWw6MQ" />);

    expect(await screen.findByText('You have not voted.')).toBeInTheDocument();
    expect(screen.getByText('The tally is published when voting closes.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('radio', { name: 'No' }));
    await userEvent.click(screen.getByRole('button', { name: 'Cast vote' }));

    expect(await screen.findByText('Your vote is recorded: No.')).toBeInTheDocument();
    expect(requests.find((r) => r.operationName === 'Vote')?.variables).toEqual({ input: { proposal: 'UHJvcG9zYWw6MQ', choice: 'NO' } });
    await waitFor(() => expect(screen.getByTestId('my-vote')).toHaveTextContent('You voted: No.'));
    expect(screen.getByRole('button', { name: 'Change vote' })).toBeInTheDocument();
  });

  it('says when a decided proposal has no result on record, and shows nothing of a tally while open', async () => {
    answerGraphQL({ ProposalPage: () => proposalData({ status: 'ACCEPTED' }), MyWeight: weight });
    const { unmount } = renderWithClient(<ProposalPage id="UHJvcG9zYWw6MQ" />);
    expect(await screen.findByText('No result is on record for this vote.')).toBeInTheDocument();
    // Closing the vote changed the proposal, but nobody edited it.
    expect(screen.queryByText(/edited/)).not.toBeInTheDocument();
    unmount();

    answerGraphQL({ ProposalPage: () => proposalData({ status: 'OPEN' }), MyWeight: weight });
    renderWithClient(<ProposalPage id="UHJvcG9zYWw6MQ" />);
    expect(await screen.findByRole('heading', { level: 2, name: 'The vote' })).toBeInTheDocument();
    expect(screen.queryByText('No result is on record for this vote.')).not.toBeInTheDocument();
    expect(screen.queryByText('The tally is published when voting closes.')).not.toBeInTheDocument();
  });

  it('says when the author last edited the text', async () => {
    answerGraphQL({ ProposalPage: () => proposalData({ editedAt: '2026-11-02T10:00:00Z' }), MyWeight: weight });
    renderWithClient(<ProposalPage id="UHJvcG9zYWw6MQ" />);
    expect(await screen.findByText(/ · edited Nov 2, 2026/)).toBeInTheDocument();
  });

  it('offers the author edit and a withdraw that asks first', async () => {
    const data = proposalData();
    data.proposal.author = { __typename: 'Member', id: 'TWVtYmVyOjE', handle: 'ada', displayName: 'Ada Lovelace' };
    answerGraphQL({ ProposalPage: () => data, MyWeight: weight });
    renderWithClient(<ProposalPage id="UHJvcG9zYWw6MQ" />);

    expect(await screen.findByRole('link', { name: 'Edit' })).toHaveAttribute('href', '/proposals/UHJvcG9zYWw6MQ/edit');
    await userEvent.click(screen.getByRole('button', { name: 'Withdraw proposal' }));
    expect(screen.getByRole('button', { name: 'Yes, withdraw it' })).toHaveFocus();
    await userEvent.click(screen.getByRole('button', { name: 'Keep it' }));
    expect(screen.getByRole('button', { name: 'Withdraw proposal' })).toHaveFocus();
  });

  it('says there is no such proposal', async () => {
    answerGraphQL({ ProposalPage: () => ({ proposal: null, viewer: null }) });
    renderWithClient(<ProposalPage id="nope" />, { signedIn: false });
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getByText('There is no proposal at this address.')).toBeInTheDocument();
  });
});

describe('where my vote goes', () => {
  it('says I have not decided when the path ends at me, and names the dead end otherwise', async () => {
    silenceWebSocket();
    const me = { __typename: 'Member', id: 'TWVtYmVyOjE', handle: 'ada', displayName: 'Ada Lovelace' };
    const bob = { __typename: 'Member', id: 'TWVtYmVyOjI', handle: 'bob', displayName: 'Bob Builder' };
    let hops: unknown[] = [];
    answerGraphQL({
      ProposalPage: () =>
        proposalData({
          whereDoesMyVoteGo: {
            __typename: 'VotePath',
            outcome: 'DEAD_END',
            arrivingWeight: 0,
            carrier: null,
            deadEnd: hops.length ? bob : me,
            cycle: [],
            hops,
          },
        }),
      MyWeight: weight,
    });
    const { unmount } = renderWithClient(<ProposalPage id="UHJvcG9zYWw6MQ" />);
    expect(await screen.findByTestId('vote-path')).toHaveTextContent('You neither vote nor delegate here: your vote counts only if you cast it.');
    unmount();

    hops = [{ __typename: 'VoteHop', rank: 1, scope: { __typename: 'DelegationScope', kind: 'AREA' }, from: me, to: bob }];
    renderWithClient(<ProposalPage id="UHJvcG9zYWw6MQ" />);
    const path = await screen.findByTestId('vote-path');
    expect(path).toHaveTextContent('the chain ends at a member who neither votes nor delegates');
    expect(path).toHaveTextContent('→ Bob Builder (@bob) (choice 1, this area)');
    expect(path).toHaveTextContent('The chain ends at Bob Builder (@bob).');
  });
});

describe('the proposal page in German', () => {
  it('shows every part in German', async () => {
    silenceWebSocket();
    answerGraphQL({ ProposalPage: () => proposalData({ status: 'VOTING' }), MyWeight: weight });
    renderWithClient(<ProposalPage id="UHJvcG9zYWw6MQ" />, { language: 'de' });

    expect(await screen.findByRole('heading', { level: 2, name: 'Wohin geht meine Stimme?' })).toBeInTheDocument();
    expect(screen.getByTestId('proposal-status')).toHaveTextContent('In Abstimmung');
    expect(screen.getByTestId('proposal-score')).toHaveTextContent('3 Punkte von 2 Unterstützer*innen');
    expect(screen.getByRole('group', { name: 'Meine Stimme' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Enthaltung' })).toBeInTheDocument();
    expect(screen.getByTestId('vote-carrier')).toHaveTextContent('Getragen von Cy Twombly (@cy), kommt mit Gewicht 1 an.');
    expect(screen.getByText('Das Ergebnis wird veröffentlicht, wenn die Abstimmung endet.')).toBeInTheDocument();
  });
});

describe('the appeal, endorsing the author, and the rules in force', () => {
  const appeal = (outcome: string) => ({ __typename: 'Appeal', deadline: '2026-11-20T10:00:00Z', outcome, score: 3, supporterCount: 2, target: 20.8, minimumSupporters: 3 });

  it('takes support for a declined proposal while its appeal is open, and names an appeal’s outcome in the history', async () => {
    answerGraphQL({
      ProposalPage: () =>
        proposalData({
          status: 'DECLINED',
          appeal: appeal('PENDING'),
          statusHistory: [
            { __typename: 'StatusChange', status: 'DECLINED', at: '2026-11-06T10:00:00Z', reason: 'Not now', appealOutcome: null, actor: null },
            { __typename: 'StatusChange', status: 'DECLINED', at: '2026-11-20T10:00:00Z', reason: 'appeal lapsed: …', appealOutcome: 'LAPSED', actor: null },
          ],
        }),
      MyWeight: weight,
    });
    renderWithClient(<ProposalPage id="UHJvcG9zYWw6MQ" />);

    expect(await screen.findByTestId('appeal-progress')).toHaveTextContent('Appeal support: 3 of 20.8 points, from 2 of at least 3 supporters.');
    expect(screen.getByRole('button', { name: 'Support' })).toBeEnabled();
    const history = screen.getAllByRole('listitem').filter((li) => li.closest('.status-history'));
    expect(history.map((li) => li.querySelector('strong')?.textContent)).toEqual(['Declined', 'Appeal lapsed: the decline stands']);
  });

  it('has no support form for a declined proposal whose appeal lapsed', async () => {
    answerGraphQL({ ProposalPage: () => proposalData({ status: 'DECLINED', appeal: appeal('LAPSED') }), MyWeight: weight });
    renderWithClient(<ProposalPage id="UHJvcG9zYWw6MQ" />);

    expect(await screen.findByTestId('appeal')).toHaveTextContent('The appeal window closed');
    expect(screen.queryByRole('button', { name: 'Support' })).toBeNull();
  });

  it('shows an endorsement refusal beside the button, in German by its code', async () => {
    answerGraphQL({
      ProposalPage: () => proposalData(),
      MyWeight: weight,
      EndorsementAllowance: () => ({
        viewer: {
          __typename: 'Viewer',
          member: { __typename: 'Member', id: 'TWVtYmVyOjE' },
          endorsementAllowance: { __typename: 'EndorsementAllowance', perWeek: 5, left: 0, nextFreeAt: '2026-11-08T10:00:00Z', sameMemberDays: 30, recent: [] },
        },
      }),
      Endorse: () => ({
        endorse: {
          __typename: 'EndorsePayload',
          karmaAwarded: null,
          member: null,
          errors: [{ __typename: 'ValidationError', code: 'ENDORSEMENT_LIMIT', field: null, message: 'You have given 5 endorsements in the last 7 days.' }],
        },
      }),
    });
    renderWithClient(<ProposalPage id="UHJvcG9zYWw6MQ" />, { language: 'de' });

    // Stated beside the author line and beside the path.
    expect(await screen.findAllByText(/Du kannst diese Woche noch 0 Mitglieder empfehlen \(5 in 7 Tagen\), dasselbe Mitglied einmal in 30 Tagen\./)).toHaveLength(2);
    await userEvent.click(screen.getByRole('button', { name: /^Bob Builder empfehlen/ }));
    const meta = document.querySelector('.proposal-meta') as HTMLElement;
    expect(await within(meta).findByRole('alert')).toHaveTextContent('Du hast die Empfehlungen dieser Woche verbraucht.');
  });

  it('shows the rules the proposal follows and who set each, linked to their explanation', async () => {
    answerGraphQL({ ProposalPage: () => proposalData(), MyWeight: weight });
    renderWithClient(<ProposalPage id="UHJvcG9zYWw6MQ" />);

    const rules = await screen.findByTestId('rules-in-force');
    const row = (rule: string) => rules.querySelector(`tr[data-rule="${rule}"]`) as HTMLElement;
    expect(within(row('viscosity')).getAllByRole('cell').map((c) => c.textContent)).toEqual(['1 (every hop counts in full)', 'the organisation']);
    expect(within(row('maxDelegates')).getAllByRole('cell').map((c) => c.textContent)).toEqual(['1 to 3, in order of preference', 'the product (the same everywhere)']);
    expect(within(row('delegationVisibility')).getAllByRole('cell').map((c) => c.textContent)).toEqual(['every signed-in member', 'the organisation']);
    expect(within(row('viscosity')).getByRole('link', { name: 'Viscosity' })).toHaveAttribute('href', '/rules#viscosity');
    expect(within(rules).getByRole('link', { name: 'The rules in Housing now' })).toHaveAttribute('href', '/areas/QXJlYToy');
  });
});
