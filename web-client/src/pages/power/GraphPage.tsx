import { transportMessage } from '../../components/transportError';
import { bidi, personName } from '../../components/isolate';
import { useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { AreaPicker } from '../../components/AreaPicker';
import { PageHeading } from '../../components/PageHeading';
import { SignInRequired } from '../../components/SignInRequired';
import { graphql } from '../../gql';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../../session/session';
import { layoutGraph, radiusFor } from './graphLayout';

const GraphQuery = graphql(`
  query DelegationGraphPage($area: ID) {
    delegationGraph(area: $area) {
      area {
        id
        name
      }
      nodes {
        member {
          id
          handle
          displayName
        }
        weight
        isHolder
        isSuperDelegate
        inCycle
      }
      edges {
        from {
          id
        }
        to {
          id
        }
        rank
        scope
      }
    }
  }
`);

/**
 * The most members drawn; beyond it the heaviest carriers are drawn and the page says so.
 * The layout runs on the main thread: 150 members took 188 ms of CPU (median of 9, loaded
 * 2-core machine), 400 members 737 ms — too long a freeze for a page.
 */
const maxDrawn = 150;
const width = 720;
const height = 480;

export function GraphPage() {
  const { t } = useI18n();
  const { state } = useSession();
  if (state.status !== 'signedIn') return <SignInRequired title={t.power.graph.title} />;
  return <Graph />;
}

function Graph() {
  const { t } = useI18n();
  const g = t.power.graph;
  const [area, setArea] = useState<string | null>(null);
  const [{ data, error }] = useQuery({ query: GraphQuery, variables: { area } });
  const graph = data?.delegationGraph ?? null;

  const drawing = useMemo(() => {
    if (!graph) return null;
    const nodes = [...graph.nodes].sort((a, b) => b.weight - a.weight || a.member.handle.localeCompare(b.member.handle));
    const shown = nodes.slice(0, maxDrawn);
    const ids = new Set(shown.map((n) => n.member.id));
    const edges = graph.edges.filter((e) => ids.has(e.from.id) && ids.has(e.to.id));
    const positions = layoutGraph(
      shown.map((n) => ({ id: n.member.id, radius: radiusFor(n.weight) })),
      edges.map((e) => ({ from: e.from.id, to: e.to.id })),
      width,
      height,
    );
    const cycle = new Set(shown.filter((n) => n.inCycle).map((n) => n.member.id));
    return { nodes, shown, edges, positions, cycle };
  }, [graph]);

  return (
    <>
      <PageHeading>{g.title}</PageHeading>
      <p className="lead">{g.intro}</p>
      <AreaPicker value={area ?? graph?.area.id ?? null} onChange={setArea} />
      {error ? <p role="alert" className="form-alert">{t.power.loadFailed(transportMessage(t, error))}</p> : null}
      {graph && drawing ? (
        <>
          <ul className="legend" aria-hidden="true">
            <li>
              <span className="swatch swatch-holder" /> {g.legendHolder}
            </li>
            <li>
              <span className="swatch swatch-passing" /> {g.legendPassing}
            </li>
            <li>
              <span className="swatch swatch-super" /> {g.legendSuper}
            </li>
            <li>
              <span className="swatch swatch-cycle" /> {g.legendCycle}
            </li>
          </ul>
          {drawing.nodes.length > drawing.shown.length ? <p>{g.truncated(drawing.shown.length, drawing.nodes.length)}</p> : null}
          {graph.edges.length === 0 ? <p>{g.empty}</p> : null}
          <figure className="graph-figure">
            <svg className="graph" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby="graph-title graph-desc" data-testid="delegation-graph">
              <title id="graph-title">{g.chartTitle(graph.area.name)}</title>
              <desc id="graph-desc">{g.chartDesc(graph.nodes.length, graph.edges.length)}</desc>
              <defs>
                <marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
                  <path d="M 0 0 L 10 5 L 0 10 z" className="arrow-head" />
                </marker>
              </defs>
              {drawing.edges.map((e) => {
                const from = drawing.positions.get(e.from.id);
                const to = drawing.positions.get(e.to.id);
                const target = drawing.shown.find((n) => n.member.id === e.to.id);
                if (!from || !to || !target || e.from.id === e.to.id) return null;
                // Stop the arrow at the target circle's edge.
                const dx = to.x - from.x;
                const dy = to.y - from.y;
                const length = Math.hypot(dx, dy) || 1;
                const r = radiusFor(target.weight) + 2;
                const inCycle = drawing.cycle.has(e.from.id) && drawing.cycle.has(e.to.id);
                return (
                  <line
                    key={`${e.from.id}-${e.to.id}-${e.rank}-${e.scope}`}
                    className={`edge edge-rank-${e.rank}${inCycle ? ' edge-cycle' : ''}`}
                    x1={from.x}
                    y1={from.y}
                    x2={to.x - (dx / length) * r}
                    y2={to.y - (dy / length) * r}
                    markerEnd="url(#arrow)"
                  />
                );
              })}
              {drawing.shown.map((n) => {
                const p = drawing.positions.get(n.member.id);
                if (!p) return null;
                const r = radiusFor(n.weight);
                const classes = ['node', n.isHolder ? 'node-holder' : 'node-passing', n.isSuperDelegate ? 'node-super' : '', n.inCycle ? 'node-cycle' : ''].filter(Boolean).join(' ');
                return (
                  <g key={n.member.id} className={classes} data-member={n.member.handle}>
                    <circle cx={p.x} cy={p.y} r={r} />
                    {n.weight >= 2 || n.isSuperDelegate || drawing.shown.length <= 30 ? (
                      <text x={p.x} y={p.y - r - 3} className="node-label">
                        @{n.member.handle}
                        {n.weight > 0 ? ` ${t.power.formatWeight(n.weight)}` : ''}
                      </text>
                    ) : null}
                  </g>
                );
              })}
            </svg>
          </figure>
          <section className="panel" aria-labelledby="carriers-heading">
            <h2 id="carriers-heading">{g.tableTitle}</h2>
            <div className="table-scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t.power.member}</th>
                    <th scope="col">{t.power.weight}</th>
                    <th scope="col">{g.superColumn}</th>
                    <th scope="col">{g.cycleColumn}</th>
                  </tr>
                </thead>
                <tbody>
                  {drawing.nodes
                    .filter((n) => n.isHolder || n.inCycle)
                    .slice(0, 15)
                    .map((n) => (
                      <tr key={n.member.id}>
                        <td>
                          {bidi(personName(n.member))}
                        </td>
                        <td>{t.power.formatWeight(n.weight)}</td>
                        <td>{n.isSuperDelegate ? g.yes : g.no}</td>
                        <td>{n.inCycle ? g.yes : g.no}</td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      ) : null}
    </>
  );
}
