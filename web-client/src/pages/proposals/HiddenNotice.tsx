import { useState } from 'react';
import { useMutation } from 'urql';
import { bidi, isolate } from '../../components/isolate';
import { useI18n } from '../../i18n/i18n';
import { ReasonForm } from './ReasonForm';
import { AppealHideMutation, ReportMutation, refusalOf } from './reportMutations';
import type { ProposalPageQuery } from '../../gql/graphql';

/** A proposal's hide as the proposal page selects it (generated type). */
export type HiddenData = NonNullable<NonNullable<ProposalPageQuery['proposal']>['hidden']>;

/**
 * A proposal's hide (issue 17): the public reason, and for its author that only they and the
 * moderators still see it in lists, with their one appeal. A signed-in member who did not write
 * it reports it to the moderators from here.
 */
export function HiddenNotice({ proposalId, hidden, signedIn, isAuthor, onChanged }: { proposalId: string; hidden: HiddenData | null; signedIn: boolean; isAuthor: boolean; onChanged: () => void }) {
  const { t } = useI18n();
  const r = t.deliberation.reports;
  const [mode, setMode] = useState<'view' | 'report' | 'appeal'>('view');
  const [message, setMessage] = useState<string | null>(null);
  const [, report] = useMutation(ReportMutation);
  const [, appeal] = useMutation(AppealHideMutation);

  const form =
    mode === 'report' ? (
      <ReasonForm
        label={r.reportLabel}
        submitLabel={r.send}
        onCancel={() => setMode('view')}
        onSubmit={async (reason) => {
          const result = await report({ input: { target: proposalId, reason } });
          const refusal = refusalOf(result.data?.report.errors, result.error);
          if (!refusal) {
            setMode('view');
            setMessage(r.sent);
            onChanged();
          }
          return refusal;
        }}
      />
    ) : mode === 'appeal' ? (
      <ReasonForm
        label={r.appealLabel}
        submitLabel={r.sendAppeal}
        onCancel={() => setMode('view')}
        onSubmit={async (text) => {
          const result = await appeal({ input: { target: proposalId, text } });
          const refusal = refusalOf(result.data?.appealHide.errors, result.error);
          if (!refusal) {
            setMode('view');
            setMessage(r.appealed);
            onChanged();
          }
          return refusal;
        }}
      />
    ) : null;

  if (!hidden) {
    if (!signedIn || isAuthor) return null;
    return (
      <div className="proposal-report">
        {mode === 'view' ? (
          <p className="actions-row">
            <button type="button" className="button button-secondary" onClick={() => setMode('report')}>
              {r.reportProposal}
            </button>
          </p>
        ) : null}
        {form}
        {message ? <p role="status">{message}</p> : null}
      </div>
    );
  }

  return (
    <div className="notice notice-warning" data-testid="hidden-notice">
      <p>{bidi(hidden.automatic ? r.proposalHiddenAuto(isolate(hidden.reason)) : r.proposalHidden(isolate(hidden.reason)))}</p>
      {isAuthor ? (
        <>
          <p>{r.proposalHiddenYours}</p>
          {hidden.appealedAt ? (
            // Just appealed: the status below says so once.
            message ? null : <p>{hidden.decidedAt ? r.appealDecided : r.appealPending}</p>
          ) : mode === 'view' ? (
            <p className="actions-row">
              <button type="button" className="button button-secondary" onClick={() => setMode('appeal')}>
                {r.appeal}
              </button>
            </p>
          ) : null}
          {form}
        </>
      ) : null}
      {message ? <p role="status">{message}</p> : null}
    </div>
  );
}
