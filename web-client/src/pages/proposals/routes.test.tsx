import { screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { proposalRoute } from './routes';
import { answerGraphQL, proposalData, renderWithClient, silenceWebSocket } from './testing';

afterEach(() => vi.unstubAllGlobals());

// Transforming the page and the markdown libraries takes seconds on a busy machine: do it
// once up front, so the test measures the route, not the transform.
beforeAll(async () => {
  await import('./ProposalPage');
}, 60_000);

describe('the proposal routes', () => {
  it('open a proposal by its encoded global id, loading the page on demand', async () => {
    silenceWebSocket();
    const requests = answerGraphQL({
      ProposalPage: () => proposalData(),
      MyWeight: () => ({ viewer: { __typename: 'Viewer', carriedWeight: 1, isSuperDelegate: false } }),
    });
    renderWithClient(proposalRoute('/proposals/UHJvcG9zYWw6OA%3D%3D')!);
    expect(await screen.findByRole('heading', { level: 1, name: 'Plant oaks' }, { timeout: 5000 })).toBeInTheDocument();
    expect(requests.find((r) => r.operationName === 'ProposalPage')?.variables).toEqual({ id: 'UHJvcG9zYWw6OA==' });
  }, 15_000);

  it('leave other paths and malformed ids to the not-found page', () => {
    expect(proposalRoute('/proposals')).toBeNull();
    expect(proposalRoute('/proposals/a/b')).toBeNull();
    expect(proposalRoute('/proposals/%E0%A4%A')).toBeNull();
    expect(proposalRoute('/propose')).not.toBeNull();
    expect(proposalRoute('/proposals/x/edit')).not.toBeNull();
  });
});
