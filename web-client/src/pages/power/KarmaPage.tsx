import { transportMessage } from '../../components/transportError';
import { bidi, personName } from '../../components/isolate';
import { formatDate } from '../../components/format';
import { PageHeading } from '../../components/PageHeading';
import { SignInRequired } from '../../components/SignInRequired';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../../session/session';
import type { ForecastPoint } from './forecast';
import { DrawItem } from './karma/DrawItem';
import { useKarma } from './karma/useKarma';

export function KarmaPage() {
  const { t } = useI18n();
  const { state } = useSession();
  if (state.status !== 'signedIn') return <SignInRequired title={t.power.karma.title} />;
  return <Karma />;
}

function Karma() {
  const { t, language } = useI18n();
  const k = t.power.karma;
  const { draws, error, viewer, halfLife, forecast } = useKarma();
  const date = (iso: string) => formatDate(iso, language);

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
            {draws.length === 0 ? (
              <p>{k.noDraws}</p>
            ) : (
              <ul className="draws">
                {draws.map((draw) => (
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
