import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { bidi, isolate, personName } from '../../components/isolate';
import { graphql } from '../../gql';
import { useI18n } from '../../i18n/i18n';
import { Link } from '../../router';
import { ReasonForm } from '../proposals/ReasonForm';
import { DecideReportMutation, HideContentMutation, refusalOf } from '../proposals/reportMutations';

const ReportQueueQuery = graphql(`
  query ReportQueue {
    reportQueue {
      target
      kind
      reportCount
      reasons
      proposal {
        id
        title
      }
      comment {
        id
        body
        author {
          id
          handle
          displayName
        }
      }
      hidden {
        reason
        automatic
        appeal
      }
    }
  }
`);

type Action = 'hide' | 'restore' | 'dismiss';

/**
 * The moderators' report queue (issue 17): reported proposals and comments, each linked to its
 * proposal by title, with the reporters' reasons and any appeal; hide, restore or keep, each
 * with a public reason (the moderation log below shows it).
 */
export function ReportQueue({ onDecided }: { onDecided: () => void }) {
  const { t } = useI18n();
  const r = t.deliberation.reports;
  const [{ data }, refetch] = useQuery({ query: ReportQueueQuery, requestPolicy: 'cache-and-network' });
  const [acting, setActing] = useState<{ target: string; action: Action } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [, hide] = useMutation(HideContentMutation);
  const [, decide] = useMutation(DecideReportMutation);
  const items = data?.reportQueue ?? [];

  async function act(target: string, action: Action, reason: string): Promise<string | null> {
    const result =
      action === 'hide'
        ? await hide({ input: { target, reason } }).then((x) => refusalOf(x.data?.hideContent.errors, x.error))
        : await decide({ input: { target, restore: action === 'restore', reason } }).then((x) => refusalOf(x.data?.decideReport.errors, x.error));
    if (!result) {
      setActing(null);
      setDone(action === 'hide' ? r.hiddenNow : r.done);
      refetch({ requestPolicy: 'network-only' });
      onDecided();
    }
    return result;
  }

  return (
    <section className="panel" aria-labelledby="reports-heading">
      <h2 id="reports-heading">{r.queueTitle}</h2>
      <p className="muted">{r.queueIntro}</p>
      {done ? <p role="status">{done}</p> : null}
      {items.length === 0 ? <p>{r.queueEmpty}</p> : null}
      <ul className="report-queue" data-testid="report-queue">
        {items.map((item) => (
          <li key={item.target} data-testid="report-item">
            <p>
              <strong>{item.kind === 'COMMENT' ? r.comment : r.proposal}</strong> {item.kind === 'COMMENT' ? `${r.onProposal} ` : null}
              <Link href={`/proposals/${encodeURIComponent(item.proposal.id)}`}>{bidi(isolate(item.proposal.title))}</Link> · {r.reportCount(item.reportCount)}
            </p>
            {item.comment ? (
              <blockquote className="report-excerpt">
                {bidi(`${personName(item.comment.author)}: ${isolate((item.comment.body ?? '').slice(0, 300))}`)}
              </blockquote>
            ) : null}
            {item.reasons.length > 0 ? (
              <ul>
                {item.reasons.map((reason, i) => (
                  <li key={i}>{bidi(isolate(reason))}</li>
                ))}
              </ul>
            ) : null}
            {item.hidden ? <p className="notice">{bidi(item.hidden.automatic ? r.hiddenAuto(item.hidden.reason) : r.hidden(item.hidden.reason))}</p> : null}
            {item.hidden?.appeal ? <p>{bidi(r.appealText(isolate(item.hidden.appeal)))}</p> : null}
            {acting?.target === item.target ? (
              <ReasonForm label={r.reason} submitLabel={r[acting.action]} onCancel={() => setActing(null)} onSubmit={(reason) => act(item.target, acting.action, reason)} />
            ) : (
              <p className="actions-row">
                {item.hidden ? (
                  <button type="button" className="button button-secondary" onClick={() => setActing({ target: item.target, action: 'restore' })}>
                    {r.restore}
                  </button>
                ) : (
                  <button type="button" className="button button-secondary" onClick={() => setActing({ target: item.target, action: 'hide' })}>
                    {r.hide}
                  </button>
                )}{' '}
                <button type="button" className="button button-secondary" onClick={() => setActing({ target: item.target, action: 'dismiss' })}>
                  {r.dismiss}
                </button>
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
