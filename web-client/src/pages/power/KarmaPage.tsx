import { transportMessage } from '../../components/transportError';
import { bidi, personName } from '../../components/isolate';
import { useRef, useState } from 'react';
import { formatDate } from '../../components/format';
import { useQuery } from 'urql';
import { PageHeading } from '../../components/PageHeading';
import { SignInRequired } from '../../components/SignInRequired';
import { graphql } from '../../gql';
import { useI18n } from '../../i18n/i18n';
import { verifyDraw, type DrawCheck } from '../../lottery/draw';
import { useSession } from '../../session/session';
import { decayForecast, type ForecastPoint } from './forecast';

const KarmaQuery = graphql(`
  query KarmaPage {
    viewer {
      member {
        id
      }
      karma
      level
      allowance
      allowanceLeft
      maxPointsPerProposal
      lotteryChance
      nextDrawAt
      endorsementsGiven {
        to {
          id
          handle
          displayName
        }
        at
        karmaAwarded
      }
      endorsementsReceived {
        from {
          id
          handle
          displayName
        }
        at
        karmaAwarded
      }
    }
    policyInForce {
      karmaHalfLifeDays
      levelThresholds
    }
    lotteryDraws(first: 10) {
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
  }
`);

const forecastWeeks = 12;

export function KarmaPage() {
  const { t } = useI18n();
  const { state } = useSession();
  if (state.status !== 'signedIn') return <SignInRequired title={t.power.karma.title} />;
  return <Karma />;
}

function Karma() {
  const { t, language } = useI18n();
  const k = t.power.karma;
  const [{ data, error }] = useQuery({ query: KarmaQuery, requestPolicy: 'cache-and-network' });
  const date = (iso: string) => formatDate(iso, language);
  const viewer = data?.viewer;
  const policy = data?.policyInForce;
  const halfLife = policy?.karmaHalfLifeDays ?? 60;
  const forecast = viewer ? decayForecast(viewer.karma, halfLife, policy?.levelThresholds ?? [10, 25, 40], forecastWeeks) : [];

  return (
    <>
      <PageHeading>{k.title}</PageHeading>
      <p className="lead">{k.intro}</p>
      {error ? <p role="alert" className="form-alert">{t.power.loadFailed(transportMessage(t, error))}</p> : null}
      {viewer ? (
        <>
          <dl className="facts">
            <div>
              <dt>{k.karma}</dt>
              <dd data-testid="karma">{viewer.karma.toFixed(1)}</dd>
            </div>
            <div>
              <dt>{k.level}</dt>
              <dd>{viewer.level}</dd>
            </div>
            <div>
              <dt>{k.allowance}</dt>
              <dd>{k.allowanceValue(viewer.allowanceLeft, viewer.allowance)}</dd>
            </div>
            <div>
              <dt>{k.cap}</dt>
              <dd>{viewer.maxPointsPerProposal}</dd>
            </div>
            <div>
              <dt>{k.chance}</dt>
              <dd>{t.power.percent(viewer.lotteryChance)}</dd>
            </div>
            <div>
              <dt>{k.nextDraw}</dt>
              <dd>{date(viewer.nextDrawAt)}</dd>
            </div>
          </dl>

          <section className="panel" aria-labelledby="forecast-heading">
            <h2 id="forecast-heading">{k.forecastTitle}</h2>
            <p>{k.forecastIntro(halfLife)}</p>
            <ForecastChart points={forecast} />
            <div className="table-scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{k.week}</th>
                    <th scope="col">{k.karma}</th>
                    <th scope="col">{k.level}</th>
                  </tr>
                </thead>
                <tbody>
                  {forecast
                    .filter((p) => [0, 1, 2, 4, 8, 12].includes(p.week))
                    .map((p) => (
                      <tr key={p.week}>
                        <td>{p.week === 0 ? k.now : p.week}</td>
                        <td>{p.karma.toFixed(1)}</td>
                        <td>{p.level}</td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </div>
          </section>

          <section className="panel" aria-labelledby="endorsements-heading">
            <h2 id="endorsements-heading">{k.endorsementsTitle}</h2>
            <h3>{k.received}</h3>
            {viewer.endorsementsReceived.length === 0 ? (
              <p>{k.noneReceived}</p>
            ) : (
              <EndorsementTable who={k.from} rows={viewer.endorsementsReceived.map((e) => ({ person: e.from, at: date(e.at), karma: e.karmaAwarded }))} />
            )}
            <h3>{k.given}</h3>
            {viewer.endorsementsGiven.length === 0 ? (
              <p>{k.noneGiven}</p>
            ) : (
              <EndorsementTable who={k.to} rows={viewer.endorsementsGiven.map((e) => ({ person: e.to, at: date(e.at), karma: e.karmaAwarded }))} />
            )}
          </section>

          <section className="panel" aria-labelledby="draws-heading">
            <h2 id="draws-heading">{k.drawsTitle}</h2>
            <p>{k.drawsIntro}</p>
            {data.lotteryDraws.length === 0 ? (
              <p>{k.noDraws}</p>
            ) : (
              <ul className="draws">
                {data.lotteryDraws.map((draw) => (
                  <DrawItem key={draw.periodId} draw={draw} me={viewer.member.id} />
                ))}
              </ul>
            )}
          </section>
        </>
      ) : null}
    </>
  );
}

function EndorsementTable({ who, rows }: { who: string; rows: { person: { id: string; handle: string; displayName: string }; at: string; karma: number }[] }) {
  const { t } = useI18n();
  const k = t.power.karma;
  return (
    <div className="table-scroll">
      <table>
        <thead>
          <tr>
            <th scope="col">{who}</th>
            <th scope="col">{k.when}</th>
            <th scope="col">{k.karmaAwarded}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={`${row.person.id}-${i}`}>
              <td>
                {bidi(personName(row.person))}
              </td>
              <td>{row.at}</td>
              <td>+{t.power.formatWeight(row.karma)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Karma week by week as a line; the table beside it carries the same numbers for screen readers. */
function ForecastChart({ points }: { points: ForecastPoint[] }) {
  const { t } = useI18n();
  const width = 320;
  const height = 120;
  const top = Math.max(1, ...points.map((p) => p.karma));
  const x = (week: number) => 30 + (week / Math.max(1, points.length - 1)) * (width - 40);
  const y = (karma: number) => 10 + (1 - karma / top) * (height - 30);
  const line = points.map((p) => `${x(p.week).toFixed(1)},${y(p.karma).toFixed(1)}`).join(' ');
  return (
    <svg className="chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={t.power.karma.forecastChart}>
      <line className="axis" x1={30} y1={height - 20} x2={width - 10} y2={height - 20} />
      <line className="axis" x1={30} y1={10} x2={30} y2={height - 20} />
      <text className="axis-label" x={2} y={14}>
        {top.toFixed(0)}
      </text>
      <text className="axis-label" x={2} y={height - 20}>
        0
      </text>
      {/* Anchored at its end, inside the box: a start 40 px from the edge clipped "Week 12" (and "Woche 12"). */}
      <text className="axis-label" data-testid="forecast-week-label" x={width - 2} y={height - 4} textAnchor="end">
        {t.power.karma.week} {points.length - 1}
      </text>
      <polyline className="series" points={line} />
    </svg>
  );
}

interface Draw {
  periodId: string;
  headHash: string;
  seed: string;
  eligible: number;
  drawn: { id: string; handle: string; displayName: string }[];
  entries: { member: { id: string }; memberNumber: string; probability: number; drawn: boolean }[];
}

function DrawItem({ draw, me }: { draw: Draw; me: string }) {
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
