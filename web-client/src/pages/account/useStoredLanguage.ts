import { useEffect, useRef } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { useI18n } from '../../i18n/i18n';
import { languages, type Language } from '../../i18n/messages';
import { useSession } from '../../session/session';

const StoredLanguage = graphql(`
  query StoredLanguage {
    viewer {
      language
    }
  }
`);

/** Once per sign-in, switches the client to the language stored with the account, if any. */
export function useStoredLanguage() {
  const { state } = useSession();
  const { setLanguage } = useI18n();
  const handle = state.status === 'signedIn' ? state.session.member.handle : null;
  const [{ data }] = useQuery({ query: StoredLanguage, pause: handle === null });
  const applied = useRef<string | null>(null);
  const stored = data?.viewer?.language;
  useEffect(() => {
    if (handle === null || applied.current === handle || data === undefined) return;
    applied.current = handle;
    if (stored && (languages as string[]).includes(stored)) setLanguage(stored as Language);
  }, [handle, data, stored, setLanguage]);
}
