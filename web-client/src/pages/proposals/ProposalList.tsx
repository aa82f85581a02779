import { bidi, isolate } from '../../components/isolate';
import { useEffect, useRef, useState } from 'react';
import { useQuery } from 'urql';
import { AreaSelect } from '../../components/AreaSelect';
import { graphql } from '../../gql';
import type { ProposalOrder } from '../../gql/graphql';
import { useI18n } from '../../i18n/i18n';
import { Link } from '../../router';
import { ProposalWindow, formatCount } from './ProposalWindow';

export const PageSize = 20;

const ProposalsQuery = graphql(`
  query ProposalList($area: ID, $orderBy: ProposalOrder!, $first: Int!, $after: String) {
    proposals(area: $area, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        title
        status
        score
        supporterCount
        votingStartsAt
        votingEndsAt
        expiresAt
        hidden {
          reason
        }
        agendaTarget {
          quorum
          minimumSupporters
        }
        area {
          id
          name
        }
      }
    }
  }
`);

const orders: ProposalOrder[] = ['HOT', 'NEW', 'TOP'];

/** One page of the list; "Show more" renders the next page after it (connection cursors). */
function ProposalPage({
  area,
  orderBy,
  after,
  last,
  onMore,
}: {
  area: string;
  orderBy: ProposalOrder;
  after: string | null;
  last: boolean;
  onMore: (cursor: string) => void;
}) {
  const { t, language } = useI18n();
  const [{ data, fetching, error }] = useQuery({
    query: ProposalsQuery,
    variables: { area: area || null, orderBy, first: PageSize, after },
  });
  const first = useRef<HTMLLIElement>(null);
  const loaded = data !== undefined;
  useEffect(() => {
    // After "Show more", focus moves to the first new proposal, not back to the top.
    if (after !== null && loaded) first.current?.querySelector('a')?.focus();
  }, [after, loaded]);
  if (error && !data) {
    return (
      <li className="proposal-list-note" role="alert">
        {t.proposalList.failed}
      </li>
    );
  }
  if (!data) return fetching ? <li className="proposal-list-note">{t.loading}</li> : null;
  const { nodes, pageInfo } = data.proposals;
  return (
    <>
      {nodes.map((p, i) => (
        <li key={p.id} ref={i === 0 ? first : undefined} className="proposal-item">
          <Link href={`/proposals/${encodeURIComponent(p.id)}`} className="proposal-title">
            {bidi(isolate(p.title))}
          </Link>
          <span className="proposal-facts">
            <span className={`status status-${p.status.toLowerCase()}`}>{t.proposalStatus[p.status]}</span>
            {p.agendaTarget ? (
              <>
                <span data-testid="score-progress">{t.progress.score(p.score, formatCount(p.agendaTarget.quorum, language))}</span>
                <span data-testid="supporter-progress">{t.progress.supporters(p.supporterCount, p.agendaTarget.minimumSupporters)}</span>
              </>
            ) : (
              <>
                <span>{t.proposalList.points(p.score)}</span>
                <span>{t.proposalList.supporters(p.supporterCount)}</span>
              </>
            )}
            <span>{bidi(isolate(p.area.name))}</span>
            {/* Listed only for its author and moderators (issue 17): say why others do not see it. */}
            {p.hidden ? (
              <span className="status status-hidden" data-testid="list-hidden">
                {bidi(t.deliberation.reports.listHidden(isolate(p.hidden.reason)))}
              </span>
            ) : null}
          </span>
          <ProposalWindow proposal={p} />
        </li>
      ))}
      {last && pageInfo.hasNextPage && pageInfo.endCursor ? (
        <li className="proposal-list-more">
          <MoreButton cursor={pageInfo.endCursor} onMore={onMore} />
        </li>
      ) : null}
    </>
  );
}

function MoreButton({ cursor, onMore }: { cursor: string; onMore: (cursor: string) => void }) {
  const { t } = useI18n();
  return (
    <button type="button" className="button button-secondary" onClick={() => onMore(cursor)}>
      {t.proposalList.more}
    </button>
  );
}

function TotalCount({ area, orderBy }: { area: string; orderBy: ProposalOrder }) {
  const { t } = useI18n();
  const [{ data }] = useQuery({ query: ProposalsQuery, variables: { area: area || null, orderBy, first: PageSize, after: null } });
  if (!data) return null;
  return data.proposals.totalCount === 0 ? <p>{t.proposalList.empty}</p> : null;
}

/** Hot, new and top proposals, filtered by area (a sub-area's proposals included), paginated. */
export function ProposalList() {
  const { t } = useI18n();
  const [orderBy, setOrderBy] = useState<ProposalOrder>('HOT');
  const [area, setArea] = useState('');
  const [cursors, setCursors] = useState<(string | null)[]>([null]);

  // A new order or area starts again from the first page.
  useEffect(() => setCursors([null]), [orderBy, area]);

  return (
    <div className="proposal-list">
      <div className="proposal-list-controls">
        <div role="group" aria-label={t.proposalList.order} className="order-buttons">
          {orders.map((o) => (
            <button
              key={o}
              type="button"
              className={o === orderBy ? 'toggle toggle-on' : 'toggle'}
              aria-pressed={o === orderBy}
              onClick={() => setOrderBy(o)}
            >
              {t.proposalList.orders[o]}
            </button>
          ))}
        </div>
        <div className="field field-inline">
          <AreaSelect label={t.proposalList.area} value={area} onChange={setArea} emptyLabel={t.proposalList.allAreas} />
        </div>
      </div>
      <TotalCount area={area} orderBy={orderBy} />
      <ul className="proposal-items">
        {cursors.map((after, i) => (
          <ProposalPage
            key={`${orderBy}|${area}|${after ?? ''}`}
            area={area}
            orderBy={orderBy}
            after={after}
            last={i === cursors.length - 1}
            onMore={(cursor) => setCursors((cs) => (cs.length === i + 1 ? [...cs, cursor] : cs))}
          />
        ))}
      </ul>
    </div>
  );
}
