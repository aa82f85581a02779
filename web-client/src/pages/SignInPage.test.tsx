import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { answerWith, renderPage } from '../test-utils';
import { SignInPage } from './SignInPage';

afterEach(() => vi.unstubAllGlobals());

describe('SignInPage', () => {
  it('announces a wrong password with the server detail and moves focus to it', async () => {
    answerWith(401, { title: 'Sign-in failed', status: 401, detail: 'The handle, email address or password is wrong.' });
    renderPage(<SignInPage />, { path: '/sign-in' });
    await userEvent.type(screen.getByLabelText('Handle or email address'), 'ada');
    await userEvent.type(screen.getByLabelText('Password'), 'not my password');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    const alert = await screen.findByRole('alert');
    await waitFor(() => expect(alert).toHaveTextContent('The handle, email address or password is wrong.'));
    expect(alert).toHaveFocus();
    expect(window.location.pathname).toBe('/sign-in');
  });

  it('shows a missing-field error next to the field and focuses it', async () => {
    answerWith(400, { status: 400, errors: { handleOrEmail: ['Give your handle or email address and your password.'] } });
    renderPage(<SignInPage />, { path: '/sign-in' });
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    const field = screen.getByLabelText('Handle or email address');
    await waitFor(() => expect(field).toHaveFocus());
    expect(field).toHaveAccessibleDescription('Give your handle or email address and your password.');
  });

  it('says when the server cannot be reached', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    renderPage(<SignInPage />, { path: '/sign-in' });
    await userEvent.type(screen.getByLabelText('Handle or email address'), 'ada');
    await userEvent.keyboard('{Enter}');

    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('The server could not be reached'));
  });

  it('signs in with Enter and goes home', async () => {
    const fetch = answerWith(200, {
      member: { id: 1, handle: 'ada', displayName: 'Ada', votingRight: true, roles: [] },
      csrfToken: 'token',
      expiresAt: '2030-01-01T00:00:00Z',
    });
    renderPage(<SignInPage />, { path: '/sign-in' });
    await userEvent.type(screen.getByLabelText('Handle or email address'), 'ada');
    await userEvent.type(screen.getByLabelText('Password'), 'correct horse{Enter}');

    await waitFor(() => expect(window.location.pathname).toBe('/'));
    expect(fetch).toHaveBeenCalledWith('/api/account/sign-in', expect.objectContaining({ method: 'POST' }));
  });
});
