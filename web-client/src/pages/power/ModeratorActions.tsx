import { transportMessage } from '../../components/transportError';
import { bidi, isolate } from '../../components/isolate';
import { useEffect, useId, useRef, useState } from 'react';
import { useMutation } from 'urql';
import { FormAlert } from '../../components/FormAlert';
import { useFocusAfterRender } from '../../components/focusAfterRender';
import { firstUserError } from '../../components/userErrors';
import { useI18n } from '../../i18n/i18n';
import { Decline, Merge, Return, Schedule } from './moderationDocuments';
import { type AgendaItem } from './useModerationLog';
import type { ModerationAgendaQuery } from '../../gql/graphql';

type Action = 'schedule' | 'return' | 'decline' | 'merge';

/** The policy values the moderators' consequences are told in. */
export type ModerationPolicy = Partial<ModerationAgendaQuery['policyInForce']>;

export function ModeratorActions({
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
