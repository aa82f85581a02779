import { useEffect, useRef } from 'react';
import { useQuery } from 'urql';
import { formatDate } from '../../components/format';
import { graphql } from '../../gql';
import { useI18n } from '../../i18n/i18n';

const MySupportVersionQuery = graphql(`
  query MySupportVersion($id: ID!) {
    proposal(id: $id) {
      id
      version
      mySupportVersion
      mySupportReleasesAt
    }
  }
`);

/**
 * "You supported an earlier version": shown to a supporter once the author edited the text
 * their points were given to, with what the supportAfterEdit policy means for them.
 */
export function EarlierVersionNotice({ proposalId, refreshKey }: { proposalId: string; refreshKey: string }) {
  const { t, language } = useI18n();
  const v = t.deliberation.versions;
  const [{ data }, refetch] = useQuery({ query: MySupportVersionQuery, variables: { id: proposalId }, requestPolicy: 'cache-and-network' });
  // My points or the text changed (the page's data says so): ask again.
  const seen = useRef(refreshKey);
  useEffect(() => {
    if (seen.current !== refreshKey) refetch({ requestPolicy: 'network-only' });
    seen.current = refreshKey;
  }, [refreshKey, refetch]);
  const p = data?.proposal;
  if (!p || p.mySupportVersion == null || p.mySupportVersion >= p.version) return null;
  return (
    <p className="notice" data-testid="earlier-version">
      {v.earlier(p.mySupportVersion, p.version)} {p.mySupportReleasesAt ? v.reconfirm(formatDate(p.mySupportReleasesAt, language)) : v.keep}
    </p>
  );
}
