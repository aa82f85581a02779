import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ModerationPage } from './ModerationPage';
import { answerGraphQL, renderSignedIn } from './testing';

afterEach(() => vi.unstubAllGlobals());

const item = {
  __typename: 'Proposal',
  id: 'P1',
  title: 'Free public transport',
  agendaSupport: { __typename: 'AgendaSupport', score: 24, supporterCount: 5 },
  status: 'ON_AGENDA',
  area: { __typename: 'Area', id: 'A1', name: 'Party' },
  statusHistory: [
    { __typename: 'StatusChange', status: 'OPEN', at: '2026-11-01T09:00:00Z', actor: { __typename: 'Member', handle: 'ann' }, reason: null },
    { __typename: 'StatusChange', status: 'ON_AGENDA', at: '2026-11-05T09:00:00Z', actor: null, reason: null },
  ],
};

const answers = (extra: Record<string, (v: Record<string, unknown>) => unknown> = {}) => ({
  ModerationAgenda: () => ({ agenda: [item], policyInForce: { discussionDays: 7, votingDays: 7 } }),
  MergeTargets: () => ({ proposals: { __typename: 'ProposalConnection', nodes: [{ __typename: 'Proposal', id: 'P2', title: 'Cheaper buses' }] } }),
  ModerationLog: () => ({
    events: {
      __typename: 'EventConnection',
      totalCount: 1,
      pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: 'c1' },
      nodes: [
        {
          __typename: 'Event',
          id: 'E1',
          seq: 9,
          at: '2026-11-02T10:00:00Z',
          type: 'proposal.declined',
          actor: { __typename: 'Member', handle: 'mo', displayName: 'Mo' },
          payload: JSON.stringify({ proposal: 4, reason: 'Off topic', abuse: false }),
        },
      ],
    },
  }),
  ...extra,
});

describe('ModerationPage', () => {
  it('shows everyone the queue with score, supporters and history, and the public log, but no actions to members', async () => {
    const requests = answerGraphQL(answers());
    renderSignedIn(<ModerationPage />, { path: '/moderation' });

    const agenda = await screen.findByTestId('agenda-item');
    // The support that carried it there: leaving Open released the points themselves.
    expect(within(within(agenda).getByText('Points on arrival').closest('div')!).getByText('24')).toBeInTheDocument();
    expect(within(within(agenda).getByText('Supporters on arrival').closest('div')!).getByText('5')).toBeInTheDocument();
    expect(within(agenda).getByText(/^On the agenda, /)).toBeInTheDocument();
    expect(await screen.findByRole('cell', { name: 'Off topic' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Schedule' })).not.toBeInTheDocument();
    expect(requests.find((r) => r.operationName === 'ModerationLog')!.variables).toEqual({
      types: ['proposal.scheduled', 'proposal.returned', 'proposal.merged', 'proposal.declined', 'content.hidden', 'content.restored', 'content.hide-upheld', 'content.appealed'],
      after: null,
    });
  });

  it('refuses to decline without a reason, before asking the server', async () => {
    const requests = answerGraphQL(answers());
    renderSignedIn(<ModerationPage />, { path: '/moderation', roles: ['member', 'moderator'] });

    await userEvent.click(await screen.findByRole('button', { name: 'Decline' }));
    const reason = screen.getByLabelText('Public reason');
    await waitFor(() => expect(reason).toHaveFocus());
    expect(reason).toHaveAttribute('aria-invalid', 'true');
    expect(reason).toHaveAccessibleDescription(/Give a reason: every moderator action is public and explained\./);
    expect(requests.some((r) => r.operationName === 'DeclineProposal')).toBe(false);
  });

  it('schedules with a reason and shows the server\u2019s refusal beside the reason', async () => {
    const requests = answerGraphQL(
      answers({
        ScheduleProposal: () => ({
          scheduleProposal: {
            __typename: 'ModerateProposalPayload',
            proposal: null,
            errors: [{ __typename: 'ValidationError', message: 'The reason is too long.', code: 'INVALID_INPUT', field: 'reason' }],
          },
        }),
      }),
    );
    renderSignedIn(<ModerationPage />, { path: '/moderation', roles: ['moderator'] });
    await userEvent.type(await screen.findByLabelText('Public reason'), 'Ready for a vote');
    await userEvent.click(screen.getByRole('button', { name: 'Schedule' }));

    await waitFor(() => expect(screen.getByLabelText('Public reason')).toHaveAccessibleDescription(/The reason is too long\./));
    expect(requests.find((r) => r.operationName === 'ScheduleProposal')!.variables).toEqual({ input: { proposal: 'P1', reason: 'Ready for a vote' } });
  });

  it('merges into a target found by searching its title', async () => {
    const requests = answerGraphQL(
      answers({ MergeProposal: () => ({ mergeProposal: { __typename: 'ModerateProposalPayload', proposal: { __typename: 'Proposal', id: 'P1', status: 'MERGED' }, errors: null } }) }),
    );
    renderSignedIn(<ModerationPage />, { path: '/moderation', roles: ['moderator'] });
    await userEvent.type(await screen.findByLabelText('Public reason'), 'Duplicate');
    await userEvent.type(screen.getByLabelText('Search the proposal to merge into'), 'bus');
    await userEvent.selectOptions(screen.getByLabelText('Merge into'), 'Cheaper buses');
    await userEvent.click(screen.getByRole('button', { name: 'Merge into…' }));

    // A merge cannot be undone: it asks first, naming both proposals and what happens.
    const confirm = await screen.findByTestId('moderation-confirm');
    expect(confirm).toHaveTextContent('Merge “Free public transport” into “Cheaper buses”? It closes for good, and its support moves to “Cheaper buses”');
    expect(requests.some((r) => r.operationName === 'MergeProposal')).toBe(false);
    await waitFor(() => expect(within(confirm).getByRole('button', { name: 'Yes, merge it' })).toHaveFocus());
    await userEvent.click(within(confirm).getByRole('button', { name: 'Yes, merge it' }));

    expect(await screen.findByText(/is merged\./)).toHaveTextContent('“Free public transport” is merged.');
    expect(requests.find((r) => r.operationName === 'MergeProposal')!.variables).toEqual({ input: { proposal: 'P1', into: 'P2', reason: 'Duplicate' } });
  });

  it('asks before declining, spelling out the karma it costs and the appeal, and sends nothing on cancel', async () => {
    const requests = answerGraphQL(
      answers({
        ModerationAgenda: () => ({ agenda: [item], policyInForce: { __typename: 'Policy', discussionDays: 7, votingDays: 7, appealDays: 14, appealQuorumFactor: 2, abusePenalty: 10 } }),
        DeclineProposal: () => ({ declineProposal: { __typename: 'ModerateProposalPayload', proposal: { __typename: 'Proposal', id: 'P1', status: 'DECLINED' }, errors: null } }),
      }),
    );
    renderSignedIn(<ModerationPage />, { path: '/moderation', roles: ['moderator'] });
    await userEvent.type(await screen.findByLabelText('Public reason'), 'Advertising');
    await userEvent.click(screen.getByLabelText('Spam or abuse (costs the author karma)'));
    await userEvent.click(screen.getByRole('button', { name: 'Decline' }));
    const confirm = await screen.findByTestId('moderation-confirm');
    expect(confirm).toHaveTextContent('its author loses 10 karma');
    expect(confirm).toHaveTextContent('2 × the quorum of support within 14 days. This cannot be undone.');
    await userEvent.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByTestId('moderation-confirm')).toBeNull();
    expect(requests.some((r) => r.operationName === 'DeclineProposal')).toBe(false);

    await userEvent.click(screen.getByRole('button', { name: 'Decline' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Yes, decline it' }));
    expect(await screen.findByText(/is declined\./)).toBeInTheDocument();
    expect(requests.find((r) => r.operationName === 'DeclineProposal')!.variables).toEqual({ input: { proposal: 'P1', reason: 'Advertising', abuse: true } });
  });

  it('names proposals in the log and the queue by title, linked to their pages', async () => {
    const merged = {
      __typename: 'Event',
      id: 'E2',
      seq: 10,
      at: '2026-11-03T10:00:00Z',
      type: 'proposal.merged',
      actor: { __typename: 'Member', handle: 'mo', displayName: 'Mo' },
      payload: JSON.stringify({ proposal: 56, into: 53, reason: 'Same idea' }),
      proposal: { __typename: 'Proposal', id: 'UDU2', title: 'Night buses' },
      mergedInto: { __typename: 'Proposal', id: 'UDUz', title: 'Cheaper buses' },
    };
    answerGraphQL(
      answers({
        ModerationLog: () => ({ events: { __typename: 'EventConnection', totalCount: 1, pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: 'c' }, nodes: [merged] } }),
      }),
    );
    renderSignedIn(<ModerationPage />, { path: '/moderation' });
    const log = await screen.findByTestId('moderation-log');
    expect(within(log).getByRole('link', { name: 'Night buses' })).toHaveAttribute('href', '/proposals/UDU2');
    expect(within(log).getByRole('link', { name: 'Cheaper buses' })).toHaveAttribute('href', '/proposals/UDUz');
    expect(log).not.toHaveTextContent('#56');
    const card = screen.getByTestId('agenda-item');
    expect(within(card).getByRole('link', { name: 'Free public transport' })).toHaveAttribute('href', '/proposals/P1');
  });

  it('drops a refusal shown beside one item once another item is acted on', async () => {
    const other = { ...item, id: 'P3', title: 'Bike lanes' };
    answerGraphQL(
      answers({
        ModerationAgenda: () => ({ agenda: [item, other], policyInForce: { __typename: 'Policy', discussionDays: 7, votingDays: 7, appealDays: 14, appealQuorumFactor: 2, abusePenalty: 10 } }),
        ScheduleProposal: (v) =>
          (v.input as { proposal: string }).proposal === 'P1'
            ? { scheduleProposal: { __typename: 'ModerateProposalPayload', proposal: null, errors: [{ __typename: 'ValidationError', message: 'The discussion cannot start in the past.', code: 'INVALID_INPUT', field: null }] } }
            : { scheduleProposal: { __typename: 'ModerateProposalPayload', proposal: { __typename: 'Proposal', id: 'P3', status: 'SCHEDULED' }, errors: null } },
      }),
    );
    renderSignedIn(<ModerationPage />, { path: '/moderation', roles: ['moderator'] });
    const [first, second] = await screen.findAllByTestId('agenda-item');
    await userEvent.type(within(first!).getByLabelText('Public reason'), 'Ready');
    await userEvent.click(within(first!).getByRole('button', { name: 'Schedule' }));
    expect(await within(first!).findByText('The discussion cannot start in the past.')).toBeInTheDocument();
    await userEvent.type(within(second!).getByLabelText('Public reason'), 'Ready too');
    await userEvent.click(within(second!).getByRole('button', { name: 'Schedule' }));
    expect(await screen.findByText(/is scheduled\./)).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByText('The discussion cannot start in the past.')).toBeNull());
  });

  it('follows the log to its end and lists the newest action first', async () => {
    const entry = (seq: number, reason: string) => ({
      __typename: 'Event',
      id: `E${seq}`,
      seq,
      at: `2026-11-0${seq}T10:00:00Z`,
      type: 'proposal.returned',
      actor: { __typename: 'Member', handle: 'mo', displayName: 'Mo' },
      payload: JSON.stringify({ proposal: seq, reason }),
    });
    answerGraphQL(
      answers({
        ModerationLog: (variables) => ({
          events: {
            __typename: 'EventConnection',
            totalCount: 2,
            pageInfo: { __typename: 'PageInfo', hasNextPage: variables.after === null, endCursor: variables.after === null ? 'page1' : 'page2' },
            nodes: [variables.after === null ? entry(1, 'Older reason') : entry(2, 'Newer reason')],
          },
        }),
      }),
    );
    renderSignedIn(<ModerationPage />, { path: '/moderation' });

    const log = await screen.findByTestId('moderation-log');
    await waitFor(() => expect(within(log).getAllByRole('row')).toHaveLength(3));
    expect(within(log).getAllByRole('row').slice(1).map((row) => within(row).getAllByRole('cell')[4]!.textContent)).toEqual(['Newer reason', 'Older reason']);
  });
});
