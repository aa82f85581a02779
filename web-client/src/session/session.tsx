import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { accountApi, type Session } from './api';
import { setCsrfToken } from '../graphql/client';

type SessionState = { status: 'loading' } | { status: 'signedOut' } | { status: 'signedIn'; session: Session };

interface SessionContextValue {
  state: SessionState;
  /** After a successful sign-in or registration. */
  signedIn: (session: Session) => void;
  signOut: () => Promise<void>;
}

/** Whether the api's gov_signed_in hint says the browser holds a session cookie. */
export function hasSessionHint(): boolean {
  return document.cookie.split(';').some((c) => c.trim().startsWith('gov_signed_in='));
}

function setSessionHint(signedIn: boolean): void {
  document.cookie = signedIn ? 'gov_signed_in=1; path=/; samesite=strict' : 'gov_signed_in=; path=/; max-age=0; samesite=strict';
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children, initial }: { children: ReactNode; initial?: SessionState }) {
  const [state, setState] = useState<SessionState>(initial ?? { status: 'loading' });

  useEffect(() => {
    if (initial) return;
    // The api sets a readable hint cookie while the browser holds a session (the session cookie
    // itself is HttpOnly): without it there is no session to ask for, and asking would only
    // log a 401 on every signed-out page.
    if (!hasSessionHint()) {
      setState({ status: 'signedOut' });
      return;
    }
    let cancelled = false;
    void accountApi.session().then((result) => {
      if (cancelled) return;
      if (result.ok) {
        setCsrfToken(result.data.csrfToken);
        setState({ status: 'signedIn', session: result.data });
      } else {
        setSessionHint(false);
        setState({ status: 'signedOut' });
      }
    });
    return () => {
      cancelled = true;
    };
  }, [initial]);

  const signedIn = useCallback((session: Session) => {
    setSessionHint(true);
    setCsrfToken(session.csrfToken);
    setState({ status: 'signedIn', session });
  }, []);

  const signOut = useCallback(async () => {
    if (state.status === 'signedIn') await accountApi.signOut(state.session.csrfToken);
    setSessionHint(false);
    setCsrfToken(null);
    setState({ status: 'signedOut' });
  }, [state]);

  const value = useMemo(() => ({ state, signedIn, signOut }), [state, signedIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const context = useContext(SessionContext);
  if (!context) throw new Error('useSession outside <SessionProvider>');
  return context;
}
