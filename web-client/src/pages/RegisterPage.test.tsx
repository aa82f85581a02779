import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { answerWith, renderPage } from '../test-utils';
import { RegisterPage } from './RegisterPage';

afterEach(() => vi.unstubAllGlobals());

describe('RegisterPage', () => {
  it('shows the server validation errors next to their fields and focuses the first one', async () => {
    answerWith(400, {
      title: 'The registration is not valid.',
      status: 400,
      errors: {
        email: ['An email address looks like name@example.org.'],
        handle: ['A handle is 3 to 30 characters.'],
      },
    });
    renderPage(<RegisterPage />, { path: '/register' });
    await userEvent.type(screen.getByLabelText('Display name'), 'Ada');
    await userEvent.click(screen.getByRole('button', { name: 'Register' }));

    const handle = screen.getByLabelText('Handle');
    await waitFor(() => expect(handle).toHaveFocus());
    expect(handle).toHaveAttribute('aria-invalid', 'true');
    expect(handle).toHaveAccessibleDescription(expect.stringContaining('A handle is 3 to 30 characters.'));
    expect(screen.getByLabelText('Email address')).toHaveAccessibleDescription('An email address looks like name@example.org.');
    expect(screen.getByLabelText('Display name')).not.toHaveAttribute('aria-invalid');
  });

  it('sends the form as JSON to the register endpoint', async () => {
    const fetch = answerWith(201, {
      member: { id: 1, handle: 'ada', displayName: 'Ada', votingRight: true, roles: [] },
      csrfToken: 'token',
      expiresAt: '2030-01-01T00:00:00Z',
    });
    renderPage(<RegisterPage />, { path: '/register' });
    await userEvent.type(screen.getByLabelText('Handle'), 'ada');
    await userEvent.type(screen.getByLabelText('Display name'), 'Ada');
    await userEvent.type(screen.getByLabelText('Email address'), 'ada@example.org');
    await userEvent.type(screen.getByLabelText('Password'), 'correct horse');
    await userEvent.click(screen.getByRole('button', { name: 'Register' }));

    await waitFor(() => expect(window.location.pathname).toBe('/'));
    expect(fetch).toHaveBeenCalledWith('/api/account/register', expect.objectContaining({ method: 'POST' }));
    const init = (fetch.mock.calls[0] as unknown as [string, RequestInit])[1];
    expect(JSON.parse(init.body as string)).toEqual({ handle: 'ada', displayName: 'Ada', email: 'ada@example.org', password: 'correct horse' });
  });

  it('is labelled in German when German is chosen', () => {
    renderPage(<RegisterPage />, { path: '/register', language: 'de' });
    expect(screen.getByRole('heading', { level: 1, name: 'Registrieren' })).toBeInTheDocument();
    expect(screen.getByLabelText('Anzeigename')).toBeInTheDocument();
  });
});
