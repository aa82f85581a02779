import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EditProposalPage, ProposePage } from './ProposalForm';
import { answerGraphQL, areas, renderWithClient } from './testing';

afterEach(() => vi.unstubAllGlobals());

describe('proposing', () => {
  it('previews the markdown as it is typed, sanitised', async () => {
    answerGraphQL({ AreaTree: () => ({ areas }) });
    renderWithClient(<ProposePage />, { path: '/propose' });

    const preview = screen.getByRole('region', { name: 'Preview' });
    expect(within(preview).getByText('The preview appears here as you type.')).toBeInTheDocument();
    await userEvent.click(screen.getByLabelText('Text'));
    await userEvent.paste('## Why\n\n**Shade** <script>window.pwned=1</script>[x](javascript:alert(1)) [ok](https://example.org)');

    expect(await within(preview).findByRole('heading', { level: 2, name: 'Why' })).toBeInTheDocument();
    expect(within(preview).getByText('Shade').tagName).toBe('STRONG');
    expect(within(preview).getByRole('link', { name: 'ok' })).toHaveAttribute('href', 'https://example.org');
    expect(preview.innerHTML).not.toMatch(/<script|href="javascript:/i);
  });

  it('asks for an area before sending, then puts the server refusal beside its field with focus on it', async () => {
    const requests = answerGraphQL({
      AreaTree: () => ({ areas }),
      Propose: () => ({
        propose: {
          __typename: 'ProposePayload',
          proposal: null,
          errors: [{ __typename: 'ValidationError', code: 'INVALID_INPUT', field: 'title', message: 'A title must have 1 to 200 characters (this one has 0).' }],
        },
      }),
    });
    renderWithClient(<ProposePage />, { path: '/propose' });
    await userEvent.click(screen.getByRole('button', { name: 'Publish proposal' }));

    const area = screen.getByLabelText('Area');
    await waitFor(() => expect(area).toHaveFocus());
    expect(area).toHaveAccessibleDescription('Choose an area.');
    expect(requests.filter((r) => r.operationName === 'Propose')).toHaveLength(0);

    await screen.findByRole('option', { name: /Housing/ });
    await userEvent.selectOptions(area, 'QXJlYToy');
    await userEvent.click(screen.getByRole('button', { name: 'Publish proposal' }));
    const title = screen.getByLabelText('Title');
    await waitFor(() => expect(title).toHaveFocus());
    expect(title).toHaveAttribute('aria-invalid', 'true');
    expect(title).toHaveAccessibleDescription('1 to 200 characters. A title must have 1 to 200 characters (this one has 0).');
  });

  it('refuses a title over 200 characters with a message instead of cutting it, and counts down', async () => {
    const requests = answerGraphQL({ AreaTree: () => ({ areas }) });
    renderWithClient(<ProposePage />, { path: '/propose' });
    await screen.findByRole('option', { name: /Housing/ });
    await userEvent.selectOptions(screen.getByLabelText('Area'), 'QXJlYToy');
    const title = screen.getByLabelText('Title');
    await userEvent.click(title);
    await userEvent.paste('x'.repeat(201));
    // Nothing is cut off: the field keeps all 201 characters and says by how much it is over.
    expect(title).toHaveValue('x'.repeat(201));
    expect(screen.getByText('1 characters over the limit of 200.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Publish proposal' }));
    await waitFor(() => expect(title).toHaveFocus());
    expect(title).toHaveAccessibleDescription(/A title may have at most 200 characters; this one has 201\./);
    expect(requests.filter((r) => r.operationName === 'Propose')).toHaveLength(0);
    expect(screen.getByText('100,000 of 100,000 characters left.')).toBeInTheDocument();
  });

  it('says a text too large for the server (413) is too large, not that the connection failed', async () => {
    answerGraphQL({ AreaTree: () => ({ areas }) });
    const fetch = globalThis.fetch as unknown as { getMockImplementation: () => (url: string, init: RequestInit) => Promise<Response> };
    const answer = fetch.getMockImplementation();
    vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
      const body = JSON.parse(String(init.body)) as { operationName?: string };
      if (body.operationName === 'Propose')
        return new Response(JSON.stringify({ type: 'about:blank', title: 'Payload Too Large', status: 413 }), { status: 413, headers: { 'Content-Type': 'application/problem+json' } });
      return answer(url, init);
    }));
    renderWithClient(<ProposePage />, { path: '/propose' });
    await screen.findByRole('option', { name: /Housing/ });
    await userEvent.selectOptions(screen.getByLabelText('Area'), 'QXJlYToy');
    await userEvent.type(screen.getByLabelText('Title'), 'Plant oaks');
    await userEvent.click(screen.getByRole('button', { name: 'Publish proposal' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('larger than the server accepts');
    expect(screen.queryByText(/could not be reached/)).toBeNull();
  });

  it('opens the new proposal once published', async () => {
    answerGraphQL({
      AreaTree: () => ({ areas }),
      Propose: () => ({ propose: { __typename: 'ProposePayload', proposal: { __typename: 'Proposal', id: 'UHJvcG9zYWw6OQ' }, errors: null } }),
    });
    renderWithClient(<ProposePage />, { path: '/propose' });
    await screen.findByRole('option', { name: /Housing/ });
    await userEvent.selectOptions(screen.getByLabelText('Area'), 'QXJlYToy');
    await userEvent.type(screen.getByLabelText('Title'), 'Plant oaks');
    await userEvent.click(screen.getByRole('button', { name: 'Publish proposal' }));
    await waitFor(() => expect(window.location.pathname).toBe('/proposals/UHJvcG9zYWw6OQ'));
  });

  it('asks a signed-out visitor to sign in', () => {
    renderWithClient(<ProposePage />, { signedIn: false, language: 'de' });
    expect(screen.getByText('Melde dich an, um einen Antrag zu stellen.')).toBeInTheDocument();
  });
});

describe('editing', () => {
  const editable = (authorId: string, status = 'OPEN') => ({
    proposal: { __typename: 'Proposal', id: 'UHJvcG9zYWw6MQ', title: 'Plant oaks', body: 'Shade.', status, author: { __typename: 'Member', id: authorId } },
    viewer: { __typename: 'Viewer', member: { __typename: 'Member', id: 'TWVtYmVyOjE' } },
  });

  it('fills the form with the current text and sends only what the author changed', async () => {
    const requests = answerGraphQL({
      EditableProposal: () => editable('TWVtYmVyOjE'),
      EditProposal: (v) => ({
        editProposal: {
          __typename: 'EditProposalPayload',
          proposal: { __typename: 'Proposal', id: 'UHJvcG9zYWw6MQ', ...(v.input as object), editedAt: '2026-11-02T10:00:00Z' },
          errors: null,
        },
      }),
    });
    renderWithClient(<EditProposalPage id="UHJvcG9zYWw6MQ" />, { path: '/proposals/UHJvcG9zYWw6MQ/edit' });

    const title = await screen.findByLabelText('Title');
    expect(title).toHaveValue('Plant oaks');
    expect(screen.queryByLabelText('Area')).toBeNull();
    await userEvent.type(title, ' now');
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));

    await waitFor(() => expect(window.location.pathname).toBe('/proposals/UHJvcG9zYWw6MQ'));
    expect(requests.find((r) => r.operationName === 'EditProposal')?.variables).toEqual({
      input: { proposal: 'UHJvcG9zYWw6MQ', title: 'Plant oaks now', body: 'Shade.' },
    });
  });

  it('refuses another member and a proposal that is no longer open', async () => {
    answerGraphQL({ EditableProposal: () => editable('TWVtYmVyOjI') });
    const { unmount } = renderWithClient(<EditProposalPage id="UHJvcG9zYWw6MQ" />);
    expect(await screen.findByRole('alert')).toHaveTextContent('Only the author can edit this proposal.');
    expect(screen.queryByLabelText('Title')).toBeNull();
    unmount();

    answerGraphQL({ EditableProposal: () => editable('TWVtYmVyOjE', 'ON_AGENDA') });
    renderWithClient(<EditProposalPage id="UHJvcG9zYWw6MQ" />);
    expect(await screen.findByRole('alert')).toHaveTextContent('Only an open proposal can be edited.');
  });
});
