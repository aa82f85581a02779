import { useCallback, useEffect, useState } from 'react';
import { useClient } from 'urql';
import type { SearchMembersQuery } from '../../../gql/graphql';
import { SearchMembers } from './memberQueries';

export type { Role } from '../../../gql/graphql';

/** A member as the search selects it (the role and voting-right mutations answer the same fields). */
export type MemberRow = SearchMembersQuery['members']['nodes'][number];

const pageSize = 20;

/**
 * Members found by handle or display name, a page at a time: `search` starts over, `more`
 * appends the page after the last cursor, `replace` puts a member changed by a mutation in place.
 */
export function useMemberSearch() {
  const client = useClient();
  const [state, setState] = useState<{ rows: MemberRow[]; total: number; endCursor: string | null; hasMore: boolean; loading: boolean; error: string | null; query: string }>({
    rows: [],
    total: 0,
    endCursor: null,
    hasMore: false,
    loading: true,
    error: null,
    query: '',
  });

  const load = useCallback(
    async (query: string, after: string | null) => {
      setState((s) => ({ ...s, loading: true, error: null }));
      const result = await client.query(SearchMembers, { search: query || null, first: pageSize, after }, { requestPolicy: 'network-only' }).toPromise();
      if (result.error || !result.data) {
        setState((s) => ({ ...s, loading: false, error: result.error?.message ?? '' }));
        return;
      }
      const page = result.data.members;
      setState((s) => ({
        rows: after ? [...s.rows, ...page.nodes] : [...page.nodes],
        total: page.totalCount,
        endCursor: page.pageInfo.endCursor ?? null,
        hasMore: page.pageInfo.hasNextPage,
        loading: false,
        error: null,
        query,
      }));
    },
    [client],
  );

  useEffect(() => {
    void load('', null);
  }, [load]);

  return {
    ...state,
    search: (query: string) => load(query.trim(), null),
    more: () => load(state.query, state.endCursor),
    replace: (member: MemberRow) => setState((s) => ({ ...s, rows: s.rows.map((r) => (r.id === member.id ? member : r)) })),
  };
}
