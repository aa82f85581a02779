import { formatDate } from '../../components/format';
import { PageHeading } from '../../components/PageHeading';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../../session/session';
import { MetamoderationResults } from './MetamoderationResults';
import { MetamoderationTaskCard } from './MetamoderationTaskCard';
import { ModeratorReviews } from './ModeratorReviews';
import { useMetamoderationDraws, useMetamoderationTasks } from './useMetamoderation';

/**
 * Metamoderation (issue 17 point 5): a drawn member judges the sample of moderator actions they
 * were drawn for; everyone sees each moderator's results and the draws with the command that
 * recomputes them; an admin reviews moderators who fell under the threshold.
 */
export function MetamoderationPage() {
  const { t, language } = useI18n();
  const m = t.metamoderation;
  const { state } = useSession();
  const signedIn = state.status === 'signedIn';
  const isAdmin = state.status === 'signedIn' && state.session.member.roles.includes('admin');
  const { tasks, judge } = useMetamoderationTasks(!signedIn);
  const draws = useMetamoderationDraws();
  const periods = [...new Set(tasks.map((task) => task.periodId))];
  const open = tasks.filter((task) => task.fair == null).length;

  return (
    <>
      <PageHeading>{m.title}</PageHeading>
      <p className="lead">{m.intro}</p>
      {isAdmin ? <ModeratorReviews /> : null}
      <section className="panel" aria-labelledby="meta-drawn-heading" data-testid="meta-tasks">
        <h2 id="meta-drawn-heading">{periods.length > 0 ? m.drawnTitle : m.yourTitle}</h2>
        {!signedIn ? <p>{m.signInToJudge}</p> : periods.length === 0 ? <p>{m.notDrawn}</p> : null}
        {periods.map((period) => {
          const mine = tasks.filter((task) => task.periodId === period);
          return (
            <div key={period}>
              <p>{m.drawnIntro(period, formatDate(mine[0]?.judgingEndsAt ?? "", language))}</p>
              <ul className="meta-tasks">
                {mine.map((task) => (
                  <MetamoderationTaskCard key={task.action} task={task} onJudge={(fair, comment) => judge(period, task.action, fair, comment)} />
                ))}
              </ul>
            </div>
          );
        })}
        {periods.length > 0 && open === 0 ? <p role="status">{m.allJudged}</p> : null}
      </section>
      <MetamoderationResults />
      <section className="panel" aria-labelledby="meta-draws-heading">
        <h2 id="meta-draws-heading">{m.drawsTitle}</h2>
        <p className="muted">{m.drawsIntro}</p>
        {draws.length === 0 ? <p>{m.drawsEmpty}</p> : null}
        <ul>
          {draws.map((d) => (
            <li key={d.periodId} data-testid={`meta-draw-${d.periodId}`}>
              <p>{m.draw(d.periodId, d.eligible, d.jurors.length, d.actions, d.judgements)}</p>
              <p>
                {m.command} <code>governance verify-metamoderation-draw {d.periodId}</code>
              </p>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
