/** The REST account api (openapi.yaml): JSON in, JSON or RFC 9457 problem details out. */

export interface Member {
  id: number;
  handle: string;
  displayName: string;
  votingRight: boolean;
  roles: string[];
}

export interface Session {
  member: Member;
  csrfToken: string;
  expiresAt: string;
}

export interface Problem {
  status: number;
  title?: string;
  detail?: string;
  /** Field name (camelCase, as in the request) to the server's messages. */
  errors?: Record<string, string[]>;
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; problem: Problem } | { ok: false; networkError: true };

async function request<T>(method: 'GET' | 'POST', path: string, body?: unknown, csrfToken?: string): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch {
    return { ok: false, networkError: true };
  }
  const text = await response.text();
  const json: unknown = text ? safeParse(text) : undefined;
  if (response.ok) return { ok: true, data: json as T };
  const problem = (json && typeof json === 'object' ? json : {}) as Partial<Problem>;
  return { ok: false, problem: { ...problem, status: response.status } };
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export const accountApi = {
  session: () => request<Session>('GET', '/api/account/session'),
  signIn: (handleOrEmail: string, password: string) =>
    request<Session>('POST', '/api/account/sign-in', { handleOrEmail, password }),
  register: (input: { handle: string; displayName: string; email: string; password: string; invitationCode?: string; memberNumber?: string }) =>
    request<Session>('POST', '/api/account/register', input),
  signOut: (csrfToken: string) => request<undefined>('POST', '/api/account/sign-out', undefined, csrfToken),
};
