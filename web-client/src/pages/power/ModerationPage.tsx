import { transportMessage } from '../../components/transportError';
import { bidi, isolate } from '../../components/isolate';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { formatDate } from '../../components/format';
import { useClient, useMutation, useQuery, useSubscription } from 'urql';
import { ReportQueue } from './ReportQueue';
import { FormAlert } from '../../components/FormAlert';
import { useFocusAfterRender } from '../../components/focusAfterRender';
import { PageHeading } from '../../components/PageHeading';
import { firstUserError } from '../../components/userErrors';
import { graphql } from '../../gql';
import { useOnReconnect } from '../../graphql/useReconnected';
import type { ProposalStatus } from '../../gql/graphql';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../../session/session';
import { Link } from '../../router';

const AgendaQuery = graphql(`
  query ModerationAgenda {
    agenda {
      id
      title
      agendaSupport {
        score
        supporterCount
      }
      status
      area {
        id
        name
      }
      statusHistory {
        status
        at
        actor {
          handle
        }
        reason
      }
    }
    policyInForce {
      discussionDays
      votingDays
      appealDays
      appealQuorumFactor
      abusePenalty
    }
  }
`);

const AgendaChanged = graphql(`
  subscription ModerationAgendaChanged {
    agendaChanged {
      id
      title
      agendaSupport {
        score
        supporterCount
      }
      status
      area {
        id
        name
      }
      statusHistory {
        status
        at
        actor {
          handle
        }
        reason
      }
    }
  }
`);

const MergeTargets = graphql(`
  query MergeTargets {
    proposals(status: OPEN, orderBy: NEW, first: 50) {
      nodes {
        id
        title
      }
    }
  }
`);

const ModerationLog = graphql(`
  query ModerationLog($types: [String!], $after: String) {
    events(first: 50, after: $after, types: $types) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        seq
        at
        type
        actor {
          handle
          displayName
        }
        payload
        proposal {
          id
          title
        }
        mergedInto {
          id
          title
        }
      }
    }
  }
`);


const Schedule = graphql(`
  mutation ScheduleProposal($input: ScheduleProposalInput!) {
    scheduleProposal(input: $input) {
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

const Return = graphql(`
  mutation ReturnProposal($input: ReturnProposalInput!) {
    returnProposal(input: $input) {
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

const Decline = graphql(`
  mutation DeclineProposal($input: DeclineProposalInput!) {
    declineProposal(input: $input) {
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

const Merge = graphql(`
  mutation MergeProposal($input: MergeProposalInput!) {
    mergeProposal(input: $input) {
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

export const moderationKinds = ['proposal.scheduled', 'proposal.returned', 'proposal.merged', 'proposal.declined', 'content.hidden', 'content.restored', 'content.hide-upheld', 'content.appealed'];

interface AgendaItem {
  id: string;
  title: string;
  agendaSupport?: { score: number; supporterCount: number } | null;
  status: ProposalStatus;
  area: { id: string; name: string };
  statusHistory: { status: ProposalStatus; at: string; actor?: { handle: string } | null; reason?: string | null }[];
}

type ProposalRef = { id: string; title: string } | null | undefined;
type LogEntry = { id: string; seq: number; at: string; type: string; actor?: { handle: string; displayName: string } | null; payload: string; proposal?: ProposalRef; mergedInto?: ProposalRef };

/** A proposal named by its title, linked to its page; its number when the log names no proposal we can read. */
function ProposalName({ proposal, fallback }: { proposal: ProposalRef; fallback: number | undefined }) {
  if (!proposal) return <>{fallback === undefined ? '' : `#${fallback}`}</>;
  return <Link href={`/proposals/${encodeURIComponent(proposal.id)}`}>{bidi(isolate(proposal.title))}</Link>;
}

/** How many pages of the log to follow to reach its newest entries (the log is oldest first). */
const maxLogPages = 40;
const shownLogEntries = 50;

/**
 * The public moderation log, newest first: events of the moderation kinds, paged to the end
 * (the api lists the trail oldest first), keeping the latest 50.
 */
function useModerationLog() {
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

function useDate() {
  const { language } = useI18n();
  return (iso: string) => formatDate(iso, language);
}

export function ModerationPage() {
  const { t } = useI18n();
  const m = t.power.moderation;
  const { state } = useSession();
  const isModerator = state.status === 'signedIn' && state.session.member.roles.some((r) => r.toLowerCase() === 'moderator');
  const [{ data, error }, refetchAgenda] = useQuery({ query: AgendaQuery, requestPolicy: 'cache-and-network' });
  const [live] = useSubscription({ query: AgendaChanged });
  const log = useModerationLog();
  // Loaded once for the page, not per item: an item leaving the queue must not cut a request short.
  const [{ data: targets }] = useQuery({ query: MergeTargets, pause: !isModerator, requestPolicy: 'cache-and-network' });
  const agenda: AgendaItem[] = live.data?.agendaChanged ?? data?.agenda ?? [];
  const policy: ModerationPolicy = data?.policyInForce ?? {};
  const date = useDate();

  // Someone else's action changes the queue: the log follows.
  useEffect(() => {
    if (live.data) log.reload();
  }, [live.data, log.reload]);

  // The item leaves the queue when acted on, so the outcome is announced here, outside it,
  // and focus moves to the announcement rather than being lost with the item.
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const [announcementRef, focusAnnouncement] = useFocusAfterRender<HTMLParagraphElement>();
  useOnReconnect(() => {
    refetchAgenda({ requestPolicy: 'network-only' });
    log.reload();
  });
  // Each action done on the page; every item's form drops its last alert when it moves, so a
  // refusal of one action does not linger beside later ones.
  const [actions, setActions] = useState(0);
  const acted = (message: string) => {
    setActions((n) => n + 1);
    setAnnouncement(message);
    focusAnnouncement();
    refetchAgenda({ requestPolicy: 'network-only' });
    log.reload();
  };

  const entries = log.entries;
  return (
    <>
      <PageHeading>{m.title}</PageHeading>
      <p className="lead">{m.intro}</p>
      {error ? <p role="alert" className="form-alert">{t.power.loadFailed(transportMessage(t, error))}</p> : null}
      <section className="panel" aria-labelledby="queue-heading">
        <h2 id="queue-heading">{m.queueTitle}</h2>
        <p className="muted">{m.live}</p>
        <p ref={announcementRef} tabIndex={-1} role="status" className={announcement ? 'notice notice-ok' : 'notice notice-empty'}>
          {announcement ? bidi(announcement) : null}
        </p>
        {data && agenda.length === 0 ? <p>{m.queueEmpty}</p> : null}
        <ul className="agenda" data-testid="agenda">
          {agenda.map((item) => (
            <li key={item.id} className="agenda-item" data-testid="agenda-item">
              <h3>
                <Link href={`/proposals/${encodeURIComponent(item.id)}`}>{bidi(isolate(item.title))}</Link>
              </h3>
              <dl className="facts facts-small">
                <div>
                  <dt>{m.area}</dt>
                  <dd>{bidi(isolate(item.area.name))}</dd>
                </div>
                {/* Reaching the agenda released the points (DESIGN §5): shown is what carried it there. */}
                <div>
                  <dt>{m.score}</dt>
                  <dd>{item.agendaSupport?.score ?? 0}</dd>
                </div>
                <div>
                  <dt>{m.supporters}</dt>
                  <dd>{item.agendaSupport?.supporterCount ?? 0}</dd>
                </div>
              </dl>
              <h4>{m.history}</h4>
              <ol className="history">
                {item.statusHistory.map((h, i) => (
                  <li key={`${h.status}-${h.at}-${i}`}>{bidi(m.historyEntry(m.status[h.status], date(h.at), h.actor ? `@${h.actor.handle}` : null, h.reason ? isolate(h.reason) : null))}</li>
                ))}
              </ol>
              {isModerator ? (
                <ModeratorActions
                  item={item}
                  others={agenda.filter((o) => o.id !== item.id)}
                  openProposals={targets?.proposals.nodes ?? []}
                  policy={policy}
                  actions={actions}
                  onDone={acted}
                />
              ) : null}
            </li>
          ))}
        </ul>
      </section>

      {isModerator ? <ReportQueue onDecided={log.reload} /> : null}

      <section className="panel" aria-labelledby="log-heading">
        <h2 id="log-heading">{m.logTitle}</h2>
        <p>{m.logIntro}</p>
        {log.error ? <p role="alert" className="form-alert">{t.power.loadFailed(log.error)}</p> : null}
        {log.loaded && entries.length === 0 ? <p>{m.logEmpty}</p> : null}
        {entries.length > 0 ? (
          <>
            {log.total > entries.length ? <p>{m.logShowing(entries.length, log.total)}</p> : null}
            <div className="table-scroll">
              <table className="moderation-log" data-testid="moderation-log">
                <thead>
                  <tr>
                    <th scope="col">{m.logColumns.when}</th>
                    <th scope="col">{m.logColumns.action}</th>
                    <th scope="col">{m.logColumns.moderator}</th>
                    <th scope="col">{m.logColumns.proposal}</th>
                    <th scope="col">{m.logColumns.reason}</th>
                  </tr>
                </thead>
                <tbody>
                  {entries.map((e) => {
                    const payload = JSON.parse(e.payload) as { proposal?: number; into?: number; reason?: string };
                    return (
                      <tr key={e.id}>
                        <td>{date(e.at)}</td>
                        <td>{m.logKinds[e.type] ?? e.type}</td>
                        <td>{e.actor ? `@${e.actor.handle}` : ''}</td>
                        <td>
                          <ProposalName proposal={e.proposal} fallback={payload.proposal} />
                          {payload.into !== undefined ? (
                            <>
                              {' → '}
                              <ProposalName proposal={e.mergedInto} fallback={payload.into} />
                            </>
                          ) : null}
                        </td>
                        <td className="reason">{payload.reason ? bidi(isolate(payload.reason)) : ''}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </>
        ) : null}
      </section>
    </>
  );
}

type Action = 'schedule' | 'return' | 'decline' | 'merge';

/** The policy values the moderators' consequences are told in. */
type ModerationPolicy = { discussionDays?: number; votingDays?: number; appealDays?: number; appealQuorumFactor?: number; abusePenalty?: number };

function ModeratorActions({
  item,
  others,
  openProposals,
  policy,
  actions,
  onDone,
}: {
  item: AgendaItem;
  others: AgendaItem[];
  openProposals: { id: string; title: string }[];
  policy: ModerationPolicy;
  actions: number;
  onDone: (message: string) => void;
}) {
  const discussionDays = policy.discussionDays ?? 7;
  const votingDays = policy.votingDays ?? 7;
  const { t } = useI18n();
  const m = t.power.moderation;
  const id = useId();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [start, setStart] = useState('');
  const [abuse, setAbuse] = useState(false);
  const [mergeSearch, setMergeSearch] = useState('');
  const [mergeInto, setMergeInto] = useState('');
  const [alert, setAlert] = useState<string | null>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const [alertRef, focusAlert] = useFocusAfterRender<HTMLDivElement>();
  const mergeRef = useRef<HTMLSelectElement>(null);
  const [, schedule] = useMutation(Schedule);
  const [, doReturn] = useMutation(Return);
  const [, decline] = useMutation(Decline);
  const [, merge] = useMutation(Merge);
  const [busy, setBusy] = useState(false);
  // Decline and merge cannot be undone: they ask first, with the consequence spelled out.
  const [confirming, setConfirming] = useState<'decline' | 'merge' | null>(null);
  const [confirmRef, focusConfirm] = useFocusAfterRender<HTMLButtonElement>();
  useEffect(() => {
    if (actions > 0) setAlert(null);
  }, [actions]);

  const candidates = [...others.map((o) => ({ id: o.id, title: o.title })), ...openProposals]
    .filter((p, i, all) => p.id !== item.id && all.findIndex((q) => q.id === p.id) === i)
    .filter((p) => p.title.toLowerCase().includes(mergeSearch.trim().toLowerCase()));

  const act = async (action: Action, confirmed = false) => {
    setAlert(null);
    // Validated here first (the server checks again): a moderator action always has a reason.
    if (reason.trim() === '') {
      setReasonError(m.reasonRequired);
      reasonRef.current?.focus();
      return;
    }
    setReasonError(null);
    if (action === 'merge' && !mergeInto) {
      setAlert(m.mergeChoose);
      mergeRef.current?.focus();
      return;
    }
    if ((action === 'decline' || action === 'merge') && !confirmed) {
      setConfirming(action);
      focusConfirm();
      return;
    }
    setConfirming(null);
    setBusy(true);
    const proposal = item.id;
    const result =
      action === 'schedule'
        ? await schedule({ input: { proposal, reason, ...(start ? { discussionStartsAt: new Date(start).toISOString() } : {}) } }).then((r) => ({ error: r.error, errors: r.data?.scheduleProposal.errors }))
        : action === 'return'
          ? await doReturn({ input: { proposal, reason } }).then((r) => ({ error: r.error, errors: r.data?.returnProposal.errors }))
          : action === 'decline'
            ? await decline({ input: { proposal, reason, abuse } }).then((r) => ({ error: r.error, errors: r.data?.declineProposal.errors }))
            : await merge({ input: { proposal, into: mergeInto, reason } }).then((r) => ({ error: r.error, errors: r.data?.mergeProposal.errors }));
    setBusy(false);
    const problem = result.error ? { message: transportMessage(t, result.error), field: null } : firstUserError(result.errors);
    if (problem) {
      if (problem.field === 'reason') {
        setReasonError(problem.message);
        reasonRef.current?.focus();
      } else {
        setAlert(problem.message);
        focusAlert();
      }
      return;
    }
    onDone(m.done[action](isolate(item.title)));
  };

  return (
    <form className="moderate" aria-label={m.actionsFor(item.title)} onSubmit={(event) => event.preventDefault()} noValidate>
      <FormAlert ref={alertRef} message={alert} />
      <div className={reasonError ? 'field field-invalid' : 'field'}>
        <label htmlFor={`${id}-reason`}>{m.reason}</label>
        <p id={`${id}-reason-hint`} className="field-hint">
          {m.reasonHint}
        </p>
        <textarea
          ref={reasonRef}
          id={`${id}-reason`}
          rows={2}
          required
          aria-invalid={reasonError ? true : undefined}
          aria-describedby={`${id}-reason-hint${reasonError ? ` ${id}-reason-error` : ''}`}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
        {reasonError ? (
          <p id={`${id}-reason-error`} className="field-error">
            {reasonError}
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor={`${id}-start`}>{m.discussionStart}</label>
        <p id={`${id}-start-hint`} className="field-hint">
          {m.discussionHint(discussionDays, votingDays)}
        </p>
        <input id={`${id}-start`} type="datetime-local" aria-describedby={`${id}-start-hint`} value={start} onChange={(event) => setStart(event.target.value)} />
      </div>
      <div className="button-row">
        <button type="button" className="button" disabled={busy} onClick={() => void act('schedule')}>
          {m.schedule}
        </button>
        <button type="button" className="button button-secondary" disabled={busy} onClick={() => void act('return')}>
          {m.return}
        </button>
      </div>
      <div className="field field-check">
        <input id={`${id}-abuse`} type="checkbox" checked={abuse} onChange={(event) => setAbuse(event.target.checked)} />
        <label htmlFor={`${id}-abuse`}>{m.abuse}</label>
      </div>
      <div className="button-row">
        <button type="button" className="button button-danger" disabled={busy} onClick={() => void act('decline')}>
          {m.decline}
        </button>
      </div>
      <div className="field">
        <label htmlFor={`${id}-merge-search`}>{m.mergeSearch}</label>
        <input id={`${id}-merge-search`} type="search" value={mergeSearch} onChange={(event) => setMergeSearch(event.target.value)} autoComplete="off" />
      </div>
      <div className="field">
        <label htmlFor={`${id}-merge-into`}>{m.mergeTarget}</label>
        <select ref={mergeRef} id={`${id}-merge-into`} value={mergeInto} onChange={(event) => setMergeInto(event.target.value)}>
          <option value="">{candidates.length === 0 ? m.mergeNone : '—'}</option>
          {candidates.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
            </option>
          ))}
        </select>
      </div>
      <div className="button-row">
        <button type="button" className="button button-secondary" disabled={busy} onClick={() => void act('merge')}>
          {m.merge}
        </button>
      </div>
      {confirming ? (
        <div role="group" aria-labelledby={`${id}-confirm`} className="confirm" data-testid="moderation-confirm">
          <p id={`${id}-confirm`}>
            {bidi(
              confirming === 'decline'
                ? m.declineConfirm(isolate(item.title), abuse ? (policy.abusePenalty ?? 10) : 0, policy.appealDays ?? 14, policy.appealQuorumFactor ?? 2)
                : m.mergeConfirm(isolate(item.title), isolate(candidates.find((c) => c.id === mergeInto)?.title ?? mergeInto)),
            )}
          </p>
          <button ref={confirmRef} type="button" className="button button-danger" disabled={busy} onClick={() => void act(confirming, true)}>
            {confirming === 'decline' ? m.declineYes : m.mergeYes}
          </button>{' '}
          <button type="button" className="button button-secondary" onClick={() => setConfirming(null)}>
            {m.confirmNo}
          </button>
        </div>
      ) : null}
    </form>
  );
}
