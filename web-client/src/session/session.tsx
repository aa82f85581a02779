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

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children, initial }: { children: ReactNode; initial?: SessionState }) {
  const [state, setState] = useState<SessionState>(initial ?? { status: 'loading' });

  useEffect(() => {
    if (initial) return;
    let cancelled = false;
    void accountApi.session().then((result) => {
      if (cancelled) return;
      if (result.ok) {
        setCsrfToken(result.data.csrfToken);
        setState({ status: 'signedIn', session: result.data });
      } else {
        setState({ status: 'signedOut' });
      }
    });
    return () => {
      cancelled = true;
    };
  }, [initial]);

  const signedIn = useCallback((session: Session) => {
    setCsrfToken(session.csrfToken);
    setState({ status: 'signedIn', session });
  }, []);

  const signOut = useCallback(async () => {
    if (state.status === 'signedIn') await accountApi.signOut(state.session.csrfToken);
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
