import { useState } from 'react';
import { bidi, isolate, personName } from '../../components/isolate';
import { formatDate } from '../../components/format';
import { useI18n } from '../../i18n/i18n';
import { ReasonForm } from '../proposals/ReasonForm';
import { useModeratorReviews } from './useMetamoderation';

/** Admins: moderators who fell under the threshold; restore the role or confirm its loss, with a public reason. */
export function ModeratorReviews() {
  const { t, language } = useI18n();
  const m = t.metamoderation;
  const { reviews, decide } = useModeratorReviews(false);
  const [acting, setActing] = useState<{ id: string; restore: boolean } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const open = reviews.filter((r) => r.decidedAt == null);
  if (open.length === 0 && !done) return null;
  return (
    <section className="panel" aria-labelledby="meta-reviews-heading" data-testid="meta-reviews">
      <h2 id="meta-reviews-heading">{m.reviewsTitle}</h2>
      <p className="muted">{m.reviewsIntro}</p>
      {done ? <p role="status">{done}</p> : null}
      <ul>
        {open.map((r) => (
          <li key={r.id}>
            <p>{bidi(m.review(isolate(r.moderator ? personName(r.moderator) : '–'), `${Math.round(r.fairShare * 100)} %`, r.judgements, formatDate(r.suspendedAt, language)))}</p>
            {acting?.id === r.id ? (
              <ReasonForm
                label={m.decisionReason}
                submitLabel={acting.restore ? m.restore : m.confirm}
                onCancel={() => setActing(null)}
                onSubmit={async (reason) => {
                  const refusal = await decide(r.id, acting.restore, reason);
                  if (!refusal) {
                    setDone(m.decided(acting.restore));
                    setActing(null);
                  }
                  return refusal;
                }}
              />
            ) : (
              <p className="actions-row">
                <button type="button" className="button button-secondary" onClick={() => setActing({ id: r.id, restore: true })}>
                  {m.restore}
                </button>{' '}
                <button type="button" className="button button-secondary" onClick={() => setActing({ id: r.id, restore: false })}>
                  {m.confirm}
                </button>
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
