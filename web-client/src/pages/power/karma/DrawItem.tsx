import { useRef, useState } from 'react';
import { type FragmentType, getFragmentData, graphql } from '../../../gql';
import { useI18n } from '../../../i18n/i18n';
import { verifyDraw, type DrawCheck } from '../../../lottery/draw';

/** A lottery draw as the karma page lists it, with what its verification in the browser needs. */
export const DrawItemFields = graphql(`
  fragment DrawItemFields on LotteryDraw {
    periodId
    periodEnd
    headSeq
    headHash
    seed
    eligible
    drawn {
      id
      handle
      displayName
    }
    entries {
      member {
        id
      }
      memberNumber
      probability
      drawn
    }
  }
`);

/** One draw: who was drawn, my entry, and a button that recomputes the draw from the public log. */
export function DrawItem(props: { draw: FragmentType<typeof DrawItemFields>; me: string }) {
  const { me } = props;
  const draw = getFragmentData(DrawItemFields, props.draw);
  const { t } = useI18n();
  const k = t.power.karma;
  const [check, setCheck] = useState<DrawCheck | 'running' | null>(null);
  const resultRef = useRef<HTMLParagraphElement>(null);
  const mine = draw.entries.find((e) => e.member.id === me);
  const run = async () => {
    setCheck('running');
    setCheck(await verifyDraw(draw));
  };
  const problems =
    check && check !== 'running' && !check.matches
      ? [check.seedMatches ? null : k.seedMismatch, check.mismatches.length ? k.outcomeMismatch(check.mismatches.join(', ')) : null].filter(Boolean).join('; ')
      : '';
  return (
    <li className="draw" data-testid={`draw-${draw.periodId}`}>
      <h3>
        {k.period} {draw.periodId}
      </h3>
      <dl className="facts facts-small">
        <div>
          <dt>{k.eligible}</dt>
          <dd>{draw.eligible}</dd>
        </div>
        <div>
          <dt>{k.drawn}</dt>
          <dd>{k.drawnNames(draw.drawn.map((m) => `@${m.handle}`).join(', '))}</dd>
        </div>
      </dl>
      <p className="seed">
        <span className="muted">{k.seed}</span> <code>{draw.seed}</code>
      </p>
      {mine ? <p>{k.myEntry(mine.drawn)}</p> : null}
      <button type="button" className="button button-secondary" aria-label={k.verify(draw.periodId)} disabled={check === 'running'} onClick={() => void run()}>
        {check === 'running' ? k.verifying : k.verifyShort}
      </button>
      <p ref={resultRef} role="status" className={check && check !== 'running' ? (check.matches ? 'notice notice-ok' : 'notice notice-warning') : 'notice notice-empty'}>
        {check && check !== 'running' ? (check.matches ? k.verified(draw.entries.length, check.drawn.length) : k.notVerified(problems)) : null}
      </p>
    </li>
  );
}
