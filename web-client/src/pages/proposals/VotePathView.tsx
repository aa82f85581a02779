import { bidi, personName } from '../../components/isolate';
import type { ProposalPageQuery } from '../../gql/graphql';
import { useI18n } from '../../i18n/i18n';
import { formatWeight } from '../../components/format';
import { EndorseButton, EndorsementRule } from '../../components/Endorse';

/** "Where does my vote go?" as the proposal page selects it (generated type). */
export type VotePathData = NonNullable<NonNullable<ProposalPageQuery['proposal']>['whereDoesMyVoteGo']>;
type PersonRef = VotePathData['cycle'][number];

/**
 * "Where does my vote go?" drawn as a path: me, then each delegate hop by hop (with the rank
 * and the scope that sent it there), ending at the voter who carries it, or the reason it
 * reaches nobody.
 */
export function VotePathView({ path, decided = false }: { path: VotePathData; decided?: boolean }) {
  const { t, language } = useI18n();
  const name = (p: PersonRef) => personName(p);
  const undecided = path.outcome === 'DEAD_END' && path.hops.length === 0;
  return (
    <div className="vote-path" data-testid="vote-path" data-outcome={path.outcome}>
      {/* A dead end at myself, no hop taken: I simply have not decided. */}
      <p>{undecided ? (decided ? t.votePath.undecidedClosed : t.votePath.undecided) : t.votePath.outcomes[path.outcome]}</p>
      {path.hops.length > 0 ? (
        <ol className="vote-path-hops">
          <li className="vote-path-stop">{t.votePath.you}</li>
          {path.hops.map((hop, i) => (
            <li key={i} className="vote-path-stop">
              <span className="vote-path-arrow" aria-hidden="true">
                →
              </span>{' '}
              <span className="vote-path-name">{bidi(name(hop.to))}</span>{' '}
              <span className="vote-path-via">({t.votePath.hop(hop.rank, t.votePath.scopes[hop.scope.kind])})</span>
            </li>
          ))}
        </ol>
      ) : null}
      {path.outcome === 'CARRIED' && path.carrier ? (
        <p data-testid="vote-carrier">{bidi(t.votePath.carrier(name(path.carrier), formatWeight(path.arrivingWeight, language)))}</p>
      ) : null}
      {path.outcome === 'DEAD_END' && path.deadEnd && !undecided ? <p>{bidi(t.votePath.deadEnd(name(path.deadEnd)))}</p> : null}
      {path.outcome === 'CYCLE' && path.cycle.length > 0 ? <p>{bidi(t.votePath.cycle(path.cycle.map(name).join(' → ')))}</p> : null}
    </div>
  );
}

/**
 * Endorse the members my vote travels through: one button per delegate on the path, beside
 * the path rather than in it, with the rule of endorsing stated once.
 */
export function PathEndorsements({ path }: { path: VotePathData }) {
  const { t } = useI18n();
  const delegates = path.hops.map((hop) => hop.to).filter((p, i, all) => all.findIndex((q) => q.id === p.id) === i);
  if (delegates.length === 0) return null;
  return (
    <div className="path-endorsements">
      <h3>{t.endorse.pathTitle}</h3>
      <EndorsementRule id="path-endorsement-rule" />
      <ul>
        {delegates.map((p) => (
          <li key={p.id}>
            {bidi(personName(p))}
            <EndorseButton member={p} describedBy="path-endorsement-rule" />
          </li>
        ))}
      </ul>
    </div>
  );
}
