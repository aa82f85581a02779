/**
 * The api refuses a cookie-authenticated POST without the session's X-CSRF-Token
 * (api/Auth/CsrfProtection.cs). GraphiQL cannot know the token, so every request asks the
 * REST session endpoint for it first: signed out there is none (401) and none is sent.
 * Asking each time keeps the page right when the member signs in or out in another tab.
 */
type Fetch = typeof window.fetch;

export async function sessionToken(fetch: Fetch): Promise<string | null> {
  try {
    const response = await fetch('/api/account/session', {
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
    });
    if (!response.ok) return null;
    const session = (await response.json()) as { csrfToken?: unknown };
    return typeof session.csrfToken === 'string' ? session.csrfToken : null;
  } catch {
    return null;
  }
}

export function withSessionToken(fetch: Fetch): Fetch {
  return async (input, init) => {
    const token = await sessionToken(fetch);
    const headers = new Headers(init?.headers);
    if (token) headers.set('X-CSRF-Token', token);
    return fetch(input, { ...init, headers, credentials: 'same-origin' });
  };
}
