import { render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SessionProvider, useSession } from './session';

function Status() {
  const { state } = useSession();
  return <p data-testid="status">{state.status}</p>;
}

afterEach(() => {
  vi.unstubAllGlobals();
  document.cookie = 'gov_signed_in=; Max-Age=0; path=/';
});

describe('the session', () => {
  it('does not ask for a session the browser does not hold, so a signed-out page logs no 401', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    render(<SessionProvider><Status /></SessionProvider>);
    await waitFor(() => expect(screen.getByTestId('status')).toHaveTextContent('signedOut'));
    expect(fetch).not.toHaveBeenCalled();
  });

  it('asks for it when the api says one is held', async () => {
    document.cookie = 'gov_signed_in=1; path=/';
    const session = { member: { id: 1, handle: 'ada', displayName: 'Ada', votingRight: true, roles: ['member'] }, csrfToken: 'c', expiresAt: '2030-01-01T00:00:00Z' };
    const fetch = vi.fn(async () => new Response(JSON.stringify(session), { headers: { 'Content-Type': 'application/json' } }));
    vi.stubGlobal('fetch', fetch);
    render(<SessionProvider><Status /></SessionProvider>);
    await waitFor(() => expect(screen.getByTestId('status')).toHaveTextContent('signedIn'));
    expect(fetch).toHaveBeenCalledWith('/api/account/session', expect.anything());
  });
});
