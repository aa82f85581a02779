import { transportMessage } from '../../components/transportError';
import { bidi, isolate, personName } from '../../components/isolate';
import simulationChart from '../../../../docs/simulation.svg';
import { AreaPicker } from '../../components/AreaPicker';
import { PageHeading } from '../../components/PageHeading';
import { SignInRequired } from '../../components/SignInRequired';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../../session/session';
import { useConcentration } from './balance/useConcentration';

export function PowerPage() {
  const { t } = useI18n();
  const { state } = useSession();
  if (state.status !== 'signedIn') return <SignInRequired title={t.power.powerPage.title} />;
  return <PowerBalance />;
}

/** Horizontal bars, one per row, labelled; a table beside each chart carries the same numbers. */
function BarChart({ label, rows }: { label: string; rows: { key: string; name: string; value: number; text: string }[] }) {
  const width = 480;
  const bar = 22;
  const labelWidth = 150;
  const top = Math.max(...rows.map((r) => r.value), 0) || 1;
  const height = rows.length * (bar + 6) + 4;
  return (
    <svg className="chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      {rows.map((r, i) => {
        const y = 2 + i * (bar + 6);
        const w = Math.max(1, (r.value / top) * (width - labelWidth - 70));
        return (
          <g key={r.key}>
            <text className="bar-label" x={labelWidth - 6} y={y + bar / 2 + 4}>
              {bidi(isolate(r.name))}
            </text>
            <rect className="bar" x={labelWidth} y={y} width={w} height={bar} />
            <text className="bar-value" x={labelWidth + w + 6} y={y + bar / 2 + 4}>
              {r.text}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function PowerBalance() {
  const { t } = useI18n();
  const p = t.power.powerPage;
  const { area, setArea, concentration: c, error } = useConcentration();
  const w = t.power.formatWeight;

  return (
    <>
      <PageHeading>{p.title}</PageHeading>
      <p className="lead">{p.intro}</p>
      <section className="panel" aria-labelledby="live-heading">
        <h2 id="live-heading">{p.liveTitle}</h2>
        <AreaPicker value={area ?? c?.area.id ?? null} onChange={setArea} />
        {error ? <p role="alert" className="form-alert">{t.power.loadFailed(transportMessage(t, error))}</p> : null}
        {c ? (
          <>
            <dl className="facts">
              <div>
                <dt>{p.eligible}</dt>
                <dd>{c.eligible}</dd>
              </div>
              <div>
                <dt>{p.holders}</dt>
                <dd>{c.holders}</dd>
              </div>
              <div>
                <dt>{p.delegating}</dt>
                <dd>{c.delegating}</dd>
              </div>
              <div>
                <dt>{p.trapped}</dt>
                <dd>{c.trapped}</dd>
              </div>
            </dl>

            <h3>{p.distributionTitle}</h3>
            <BarChart
              label={p.distributionChart}
              rows={c.distribution.map((b) => ({ key: `${b.minWeight}-${b.maxWeight}`, name: p.bucket(w(b.minWeight), w(b.maxWeight)), value: b.holders, text: String(b.holders) }))}
            />
            <div className="table-scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t.power.weight}</th>
                    <th scope="col">{p.holdersColumn}</th>
                    <th scope="col">{p.totalColumn}</th>
                  </tr>
                </thead>
                <tbody>
                  {c.distribution.map((b) => (
                    <tr key={`${b.minWeight}-${b.maxWeight}`}>
                      <td>{p.bucket(w(b.minWeight), w(b.maxWeight))}</td>
                      <td>{b.holders}</td>
                      <td>{w(b.totalWeight)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>

            <h3>{p.largestTitle}</h3>
            <BarChart
              label={p.largestChart}
              rows={c.largest.slice(0, 10).map((s) => ({ key: s.member.id, name: `@${s.member.handle}`, value: s.share, text: t.power.percent(s.share) }))}
            />
            <div className="table-scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t.power.member}</th>
                    <th scope="col">{t.power.weight}</th>
                    <th scope="col">{t.power.share}</th>
                  </tr>
                </thead>
                <tbody>
                  {c.largest.slice(0, 10).map((s) => (
                    <tr key={s.member.id}>
                      <td>
                        {bidi(personName(s.member))}
                      </td>
                      <td>{w(s.weight)}</td>
                      <td>{t.power.percent(s.share)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>

            <h3>{p.superTitle}</h3>
            {c.superDelegates.length === 0 ? (
              <p>{p.superNone}</p>
            ) : (
              <ul data-testid="super-delegates">
                {c.superDelegates.map((m) => (
                  <li key={m.id}>
                    {bidi(personName(m))}
                  </li>
                ))}
              </ul>
            )}

            <h3>{p.chainsTitle}</h3>
            {c.longestChains.length === 0 ? (
              <p>{p.chainsNone}</p>
            ) : (
              <ul>
                {c.longestChains.map((chain) => (
                  <li key={chain.member.id}>
                    {chain.path.map((m) => `@${m.handle}`).join(' → ')} ({p.hops(chain.hops)})
                  </li>
                ))}
              </ul>
            )}

            <h3>{p.cyclesTitle}</h3>
            {c.cycles.length === 0 ? (
              <p>{p.cyclesNone}</p>
            ) : (
              <ul>
                {c.cycles.map((cycle) => (
                  <li key={cycle.members.map((m) => m.id).join('-')}>
                    {cycle.members.map((m) => `@${m.handle}`).join(' → ')}: {p.cycle(cycle.size, cycle.trapsWeight)}
                  </li>
                ))}
              </ul>
            )}
          </>
        ) : null}
      </section>

      <section className="panel" aria-labelledby="simulation-heading">
        <h2 id="simulation-heading">{p.simulationTitle}</h2>
        <figure className="simulation">
          <img src={simulationChart} alt={p.simulationAlt} width={870} height={900} />
          <figcaption>{p.simulationSource}</figcaption>
        </figure>
      </section>
    </>
  );
}
