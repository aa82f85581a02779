import { useI18n } from '../i18n/i18n';
import { Link, useRouter } from '../router';
import { useSession } from '../session/session';
import { useMetamoderationTasks } from '../pages/power/useMetamoderation';
import '../styles.power.css';

/** The nav entries of the delegation, karma, graph, power and moderation pages, and metamoderation for a drawn member. */
export function PowerNavItems() {
  const { t } = useI18n();
  const { path } = useRouter();
  const { state } = useSession();
  // A member drawn for metamoderation sees the page in the nav, with how many actions wait for a judgement.
  const { tasks } = useMetamoderationTasks(state.status !== 'signedIn');
  const waiting = tasks.filter((task) => task.fair == null).length;
  const current = (href: string) => (path === href ? ('page' as const) : undefined);
  const item = (href: string, label: string) => (
    <li key={href}>
      <Link href={href} aria-current={current(href)}>
        {label}
      </Link>
    </li>
  );
  return (
    <>
      {state.status === 'signedIn'
        ? [
            item('/delegations', t.power.nav.delegations),
            item('/karma', t.power.nav.karma),
            item('/graph', t.power.nav.graph),
            item('/power', t.power.nav.power),
          ]
        : null}
      {item('/moderation', t.power.nav.moderation)}
      {tasks.length > 0 || path === '/metamoderation' ? item('/metamoderation', t.metamoderation.nav(waiting)) : null}
    </>
  );
}
