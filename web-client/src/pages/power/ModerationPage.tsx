import { transportMessage } from '../../components/transportError';
import { bidi, isolate } from '../../components/isolate';
import { useEffect, useState } from 'react';
import { useQuery, useSubscription } from 'urql';
import { ReportQueue } from './ReportQueue';
import { MetamoderationResults } from './MetamoderationResults';
import { useFocusAfterRender } from '../../components/focusAfterRender';
import { PageHeading } from '../../components/PageHeading';
import { useOnReconnect } from '../../graphql/useReconnected';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../../session/session';
import { Link } from '../../router';
import { AgendaChanged, AgendaQuery, MergeTargets, moderationKinds } from './moderationDocuments';
import { ModeratorActions, type ModerationPolicy } from './ModeratorActions';
import { useDate, useModerationLog, type AgendaItem, type ProposalRef } from './useModerationLog';

export { moderationKinds };

/** A proposal named by its title, linked to its page; its number when the log names no proposal we can read. */
function ProposalName({ proposal, fallback }: { proposal: ProposalRef; fallback: number | undefined }) {
  if (!proposal) return <>{fallback === undefined ? '' : `#${fallback}`}</>;
  return <Link href={`/proposals/${encodeURIComponent(proposal.id)}`}>{bidi(isolate(proposal.title))}</Link>;
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
      <MetamoderationResults />
      <p>
        <Link href="/metamoderation">{t.metamoderation.linkFromModeration}</Link>
      </p>
    </>
  );
}
