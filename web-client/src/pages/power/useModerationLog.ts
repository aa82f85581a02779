import { useCallback, useEffect, useState } from 'react';
import { useClient } from 'urql';
import { formatDate } from '../../components/format';
import type { ModerationAgendaQuery, ModerationLogQuery } from '../../gql/graphql';
import { useI18n } from '../../i18n/i18n';
import { ModerationLog, moderationKinds } from './moderationDocuments';

/** An agenda entry as the agenda query and its live subscription both select it (generated type). */
export type AgendaItem = ModerationAgendaQuery['agenda'][number];

export type LogEntry = ModerationLogQuery['events']['nodes'][number];
export type ProposalRef = LogEntry['proposal'];

/** How many pages of the log to follow to reach its newest entries (the log is oldest first). */
const maxLogPages = 40;
const shownLogEntries = 50;

/**
 * The public moderation log, newest first: events of the moderation kinds, paged to the end
 * (the api lists the trail oldest first), keeping the latest 50.
 */
export function useModerationLog() {
  const client = useClient();
  const [state, setState] = useState<{ entries: LogEntry[]; total: number; loaded: boolean; error: string | null }>({ entries: [], total: 0, loaded: false, error: null });
  const reload = useCallback(() => {
    void (async () => {
      let after: string | null = null;
      let kept: LogEntry[] = [];
      let total = 0;
      for (let page = 0; page < maxLogPages; page++) {
        const result = await client.query(ModerationLog, { types: moderationKinds, after }, { requestPolicy: 'network-only' }).toPromise();
        if (result.error || !result.data) {
          setState((s) => ({ ...s, error: result.error?.message ?? '' }));
          return;
        }
        total = result.data.events.totalCount;
        kept = [...kept, ...result.data.events.nodes].slice(-shownLogEntries);
        if (!result.data.events.pageInfo.hasNextPage || !result.data.events.pageInfo.endCursor) break;
        after = result.data.events.pageInfo.endCursor;
      }
      setState({ entries: kept.reverse(), total, loaded: true, error: null });
    })();
  }, [client]);
  useEffect(() => reload(), [reload]);
  return { ...state, reload };
}

export function useDate() {
  const { language } = useI18n();
  return (iso: string) => formatDate(iso, language);
}
