import { bidi, isolate, personName } from '../../components/isolate';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useMutation, useQuery, useSubscription } from 'urql';
import { FormAlert } from '../../components/FormAlert';
import { LiveStatus, useSocketState } from '../../components/LiveStatus';
import { Markdown, preloadMarkdown } from '../../components/Markdown';
import { PageHeading } from '../../components/PageHeading';
import { graphql } from '../../gql';
import { useI18n } from '../../i18n/i18n';
import { Link } from '../../router';
import { useSession } from '../../session/session';
import { SupportPanel } from './SupportPanel';
import { formatDate, formatWeight } from '../../components/format';
import { useThrottled } from '../../components/throttle';
import { outcomeOf } from './userErrors';
import { VotePanel } from './VotePanel';
import { BallotsPanel } from './BallotsPanel';
import { PathEndorsements, VotePathView } from './VotePathView';
import { DelegationRouteView } from '../../components/DelegationRouteView';
import { AppealPanel } from './AppealPanel';
import { IssuePanel } from './IssuePanel';
import { AlternativeOfNotice } from './AlternativeOfNotice';
import { EndorseButton, EndorsementRule } from '../../components/Endorse';
import { PolicyPanel } from '../rules/PolicyPanel';
import { DeliberationTabs } from './DeliberationTabs';
import { EarlierVersionNotice } from './EarlierVersionNotice';

const ProposalQuery = graphql(`
  query ProposalPage($id: ID!) {
    proposal(id: $id) {
      id
      title
      body
      status
      createdAt
      editedAt
      reworkUntil
      mergedInto {
        id
        title
      }
      score
      supporterCount
      mySupport
      myVote
      issue {
        id
        ranked
      }
      appeal {
        deadline
        outcome
        score
        supporterCount
        target
        minimumSupporters
      }
      policy {
        ...PolicyPanel
      }
      area {
        id
        name
      }
      author {
        id
        handle
        displayName
      }
      statusHistory {
        status
        at
        reason
        appealOutcome
        actor {
          id
          handle
          displayName
        }
      }
      whereDoesMyVoteGo {
        outcome
        route {
          blocked
          applied {
            isBlock
            scope {
              kind
              area {
                id
                name
              }
            }
          }
          unused {
            isBlock
            scope {
              kind
              area {
                id
                name
              }
            }
          }
        }
        arrivingWeight
        carrier {
          id
          handle
          displayName
        }
        deadEnd {
          id
          handle
          displayName
        }
        cycle {
          id
          handle
          displayName
        }
        hops {
          rank
          scope {
            kind
          }
          from {
            id
            handle
            displayName
          }
          to {
            id
            handle
            displayName
          }
        }
      }
      tally {
        yes
        no
        abstain
        quorumReached
        passed
      }
    }
    viewer {
      member {
        id
        votingRight
      }
      allowance
      allowanceLeft
      maxPointsPerProposal
    }
  }
`);

const WeightQuery = graphql(`
  query MyWeight($area: ID!) {
    viewer {
      carriedWeight(area: $area)
      isSuperDelegate(area: $area)
    }
  }
`);

const ProposalChangedSubscription = graphql(`
  subscription ProposalChanged($id: ID!) {
    proposalChanged(id: $id) {
      id
    }
  }
`);

const TallyChangedSubscription = graphql(`
  subscription TallyChanged($id: ID!) {
    tallyChanged(id: $id) {
      yes
    }
  }
`);

const MyDelegationsChangedSubscription = graphql(`
  subscription ProposalPageDelegationsChanged {
    myDelegationsChanged {
      kind
    }
  }
`);

const WithdrawProposalMutation = graphql(`
  mutation WithdrawProposal($input: WithdrawProposalInput!) {
    withdrawProposal(input: $input) {
      proposal {
        id
        status
      }
      errors {
        __typename
        ... on UserError {
          message
          code
          field
        }
      }
    }
  }
`);

/** Statuses in which the proposal's vote is still to come or under way. */
const undecidedStatuses: string[] = ['OPEN', 'ON_AGENDA', 'SCHEDULED', 'VOTING'];

/** The weight I would carry in the proposal's area: it moves when someone delegates to me. */
function MyWeight({ areaId, areaName, refresh, votesHere }: { areaId: string; areaName: string; refresh: number; votesHere: boolean }) {
  const { t, language } = useI18n();
  const [{ data }, refetch] = useQuery({ query: WeightQuery, variables: { area: areaId } });
  useEffect(() => {
    if (refresh > 0) refetch({ requestPolicy: 'network-only' });
  }, [refresh, refetch]);
  const viewer = data?.viewer;
  // "In the area you pass your vote on" beside "you vote yourself" would contradict the path:
  // on this proposal my own vote counts, whatever I delegated for the area.
  if (!viewer || (viewer.carriedWeight == null && votesHere)) return null;
  return (
    <>
      <p data-testid="my-weight">
        {bidi(viewer.carriedWeight == null ? t.votePath.passesOn(areaName) : t.votePath.weight(formatWeight(viewer.carriedWeight, language), areaName))}
      </p>
      {viewer.isSuperDelegate ? <p className="notice">{t.votePath.superDelegate}</p> : null}
    </>
  );
}

export function ProposalPage({ id }: { id: string }) {
  const { t, language } = useI18n();
  const { state } = useSession();
  const signedIn = state.status === 'signedIn';
  const [{ data, error, fetching }, refetch] = useQuery({ query: ProposalQuery, variables: { id } });
  void preloadMarkdown();
  const socket = useSocketState();
  const [refresh, setRefresh] = useState(0);

  const reload = useCallback(() => {
    refetch({ requestPolicy: 'network-only' });
    setRefresh((n) => n + 1);
  }, [refetch]);

  // Live: someone's support, vote or a status change; the result at close; a delegation to or
  // from me. Each refetches the page, at most once a second: on the night of a vote a change
  // arrives with every vote, and a thousand open pages must not each refetch ten times a second.
  const reloadLive = useThrottled(reload, 1000);
  useSubscription({ query: ProposalChangedSubscription, variables: { id } }, (_, event) => {
    reloadLive();
    return event;
  });
  useSubscription({ query: TallyChangedSubscription, variables: { id } }, (_, event) => {
    reloadLive();
    return event;
  });
  useSubscription({ query: MyDelegationsChangedSubscription, pause: !signedIn }, (_, event) => {
    reloadLive();
    return event;
  });

  // After a dropped socket reconnects, fetch what may have changed meanwhile.
  const generation = useRef(socket.generation);
  useEffect(() => {
    if (socket.generation > 1 && socket.generation !== generation.current) reload();
    generation.current = socket.generation;
  }, [socket.generation, reload]);

  if (!data) {
    if (error) {
      return (
        <>
          <PageHeading>{t.appName}</PageHeading>
          <p role="alert">{t.proposal.failed}</p>
        </>
      );
    }
    return fetching ? <p className="loading">{t.loading}</p> : null;
  }
  const proposal = data.proposal;
  if (!proposal) {
    return (
      <>
        <PageHeading>{t.notFound.title}</PageHeading>
        <p>{t.proposal.notFound}</p>
        <p>
          <Link href="/">{t.notFound.back}</Link>
        </p>
      </>
    );
  }

  const viewer = data.viewer;
  const isAuthor = viewer?.member.id === proposal.author.id;
  const author = personName(proposal.author);

  return (
    <article className="proposal">
      <PageHeading>{isolate(proposal.title)}</PageHeading>
      <AlternativeOfNotice proposalId={proposal.id} />
      <LiveStatus state={socket} />
      <p className="proposal-meta">
        <span className={`status status-${proposal.status.toLowerCase()}`} data-testid="proposal-status">
          {t.proposalStatus[proposal.status]}
        </span>{' '}
        {bidi(t.proposal.byline(author, isolate(proposal.area.name)))} · {t.proposal.created(formatDate(proposal.createdAt, language))}
        {/* Only the author's edits: a status change (a vote closing) is in the history, not an edit. */}
        {proposal.editedAt ? ` · ${t.proposal.edited(formatDate(proposal.editedAt, language))}` : null}
        {viewer ? <EndorseButton member={proposal.author} describedBy="author-endorsement-rule" /> : null}
      </p>

      {viewer && !isAuthor ? <EndorsementRule id="author-endorsement-rule" /> : null}
      {proposal.reworkUntil ? (
        <p className="notice" data-testid="rework-notice">
          {isAuthor ? t.proposal.reworkAuthor(formatDate(proposal.reworkUntil, language)) : t.proposal.rework(formatDate(proposal.reworkUntil, language))}
        </p>
      ) : null}
      {proposal.status === 'MERGED' && proposal.mergedInto ? (
        <p className="notice" data-testid="merged-into">
          {t.proposal.mergedInto}{' '}
          <Link href={`/proposals/${encodeURIComponent(proposal.mergedInto.id)}`}>{bidi(isolate(proposal.mergedInto.title))}</Link>
        </p>
      ) : null}

      {isAuthor && proposal.status === 'OPEN' ? <AuthorActions proposalId={proposal.id} /> : null}

      <Markdown text={proposal.body} className="proposal-body" />

      <section aria-labelledby="support-heading" className="panel">
        <h2 id="support-heading">{t.proposal.scoreTitle}</h2>
        <p data-testid="proposal-score">{t.proposal.score(proposal.score, proposal.supporterCount)}</p>
        {proposal.appeal ? <AppealPanel appeal={proposal.appeal} /> : null}
        {viewer ? <EarlierVersionNotice proposalId={proposal.id} refreshKey={`${proposal.mySupport ?? 0}:${proposal.editedAt ?? ''}`} /> : null}
        {viewer ? (
          <SupportPanel
            proposalId={proposal.id}
            open={proposal.status === 'OPEN' || proposal.appeal?.outcome === 'PENDING'}
            mine={proposal.mySupport ?? 0}
            allowance={viewer.allowance}
            allowanceLeft={viewer.allowanceLeft}
            cap={viewer.maxPointsPerProposal}
          />
        ) : (
          <p>{t.proposal.signInToTakePart}</p>
        )}
      </section>

      {proposal.issue ? <IssuePanel proposalId={proposal.id} signedIn={Boolean(viewer)} /> : null}

      <section aria-labelledby="vote-heading" className="panel">
        <h2 id="vote-heading">{t.vote.title}</h2>
        {viewer && !proposal.issue?.ranked ? <VotePanel proposalId={proposal.id} status={proposal.status} myVote={proposal.myVote ?? null} votingRight={viewer.member.votingRight} /> : null}
        {proposal.tally && !proposal.issue?.ranked ? (
          <div data-testid="tally">
            <h3>{t.vote.tallyTitle}</h3>
            <p>{t.vote.tally(proposal.tally.yes, proposal.tally.no, proposal.tally.abstain)}</p>
            <p>{!proposal.tally.quorumReached ? t.vote.quorumMissed : proposal.tally.passed ? t.vote.passed : t.vote.failed}</p>
          </div>
        ) : ['SCHEDULED', 'VOTING'].includes(proposal.status) ? (
          <p>{t.vote.tallyHidden}</p>
        ) : proposal.issue?.ranked ? (
          <p>{t.issue.rankedVote}</p>
        ) : ['ACCEPTED', 'REJECTED'].includes(proposal.status) ? (
          // Decided before results were stored (an import): say so rather than nothing.
          <p>{t.vote.tallyMissing}</p>
        ) : null}
      </section>

      <BallotsPanel proposalId={proposal.id} status={proposal.status} refresh={refresh} />

      {viewer ? (
        <section aria-labelledby="path-heading" className="panel">
          <h2 id="path-heading">{t.votePath.title}</h2>
          {proposal.whereDoesMyVoteGo ? <VotePathView path={proposal.whereDoesMyVoteGo} decided={!undecidedStatuses.includes(proposal.status)} /> : <p>{t.votePath.noPath}</p>}
          {proposal.whereDoesMyVoteGo?.route ? (
            <DelegationRouteView route={proposal.whereDoesMyVoteGo.route} votedDirectly={proposal.whereDoesMyVoteGo.outcome === 'VOTES_DIRECTLY'} />
          ) : null}
          {proposal.whereDoesMyVoteGo ? <PathEndorsements path={proposal.whereDoesMyVoteGo} /> : null}
          <MyWeight areaId={proposal.area.id} areaName={isolate(proposal.area.name)} refresh={refresh} votesHere={proposal.whereDoesMyVoteGo?.outcome === 'VOTES_DIRECTLY'} />
          {/* A delegation for this proposal only matters while its vote is still to come. */}
          {undecidedStatuses.includes(proposal.status) ? (
            <p>
              <Link href={`/delegations?proposal=${encodeURIComponent(proposal.id)}`}>{t.votePath.delegateForProposal}</Link>
            </p>
          ) : null}
        </section>
      ) : null}

      <DeliberationTabs proposalId={proposal.id} viewerId={viewer?.member.id ?? null} />

      <PolicyPanel policy={proposal.policy} lead={t.rules.forProposal} area={proposal.area} />

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t.proposal.historyTitle}</h2>
        <ol className="status-history">
          {proposal.statusHistory.map((h, i) => (
            <li key={i}>
              <strong>{h.appealOutcome ? t.appeal.history[h.appealOutcome] : t.proposalStatus[h.status]}</strong> · <time dateTime={h.at}>{formatDate(h.at, language)}</time>
              {h.actor ? bidi(` · ${t.proposal.historyBy(personName(h.actor))}`) : null}
              {h.reason ? bidi(` · ${isolate(h.reason)}`) : null}
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}

/** Edit, and withdraw after a confirmation step; the author's only, while the proposal is open. */
function AuthorActions({ proposalId }: { proposalId: string }) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [{ fetching }, withdraw] = useMutation(WithdrawProposalMutation);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const withdrawButton = useRef<HTMLButtonElement>(null);
  const alert = useRef<HTMLDivElement>(null);
  const wasConfirming = useRef(false);
  const [refusals, setRefusals] = useState(0);
  useEffect(() => {
    if (refusals > 0) alert.current?.focus();
  }, [refusals]);

  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
    else if (wasConfirming.current) withdrawButton.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  async function confirm() {
    const result = await withdraw({ input: { proposal: proposalId } });
    const outcome = outcomeOf(t, result.data?.withdrawProposal.errors, result.error);
    setConfirming(false);
    const refusal = outcome.form ?? Object.values(outcome.fields)[0] ?? null;
    setMessage(refusal);
    if (refusal) setRefusals((n) => n + 1);
    // Withdrawn, these controls go away: keep focus on the page rather than lose it to <body>.
    else document.querySelector<HTMLElement>('main h1')?.focus();
  }

  return (
    <div className="author-actions">
      <FormAlert ref={alert} message={message} />
      {confirming ? (
        <div role="group" aria-labelledby="withdraw-confirm" className="confirm">
          <p id="withdraw-confirm">{t.proposal.withdrawConfirm}</p>
          <button ref={confirmButton} type="button" className="button button-danger" disabled={fetching} onClick={() => void confirm()}>
            {t.proposal.withdrawYes}
          </button>{' '}
          <button type="button" className="button button-secondary" onClick={() => setConfirming(false)}>
            {t.proposal.withdrawNo}
          </button>
        </div>
      ) : (
        <p className="actions-row">
          <Link href={`/proposals/${encodeURIComponent(proposalId)}/edit`} className="button button-secondary">
            {t.proposal.edit}
          </Link>{' '}
          <button ref={withdrawButton} type="button" className="button button-secondary" onClick={() => setConfirming(true)}>
            {t.proposal.withdraw}
          </button>
        </p>
      )}
    </div>
  );
}
