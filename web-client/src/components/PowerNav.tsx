import { useI18n } from '../i18n/i18n';
import { Link, useRouter } from '../router';
import { useSession } from '../session/session';
import '../styles.power.css';

/** The nav entries of the delegation, karma, graph, power and moderation pages. */
export function PowerNavItems() {
  const { t } = useI18n();
  const { path } = useRouter();
  const { state } = useSession();
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
    </>
  );
}
