import { transportMessage } from '../../components/transportError';
import { bidi, personName } from '../../components/isolate';
import { AreaPicker } from '../../components/AreaPicker';
import { PageHeading } from '../../components/PageHeading';
import { SignInRequired } from '../../components/SignInRequired';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../../session/session';
import { useDelegationGraph } from './graph/useDelegationGraph';
import { radiusFor } from './graphLayout';
import { useGraphView } from './graph/useGraphView';

export function GraphPage() {
  const { t } = useI18n();
  const { state } = useSession();
  if (state.status !== 'signedIn') return <SignInRequired title={t.power.graph.title} />;
  return <Graph />;
}

function Graph() {
  const { t } = useI18n();
  const { state } = useSession();
  const myHandle = state.status === 'signedIn' ? state.session.member.handle : null;
  const g = t.power.graph;
  const { area, setArea, graph, error, drawing } = useDelegationGraph(myHandle);
  const { view, focus, svgRef, zoom, focusOnMe, reset, onKey, onPointerDown, onPointerMove, onWheel, endDrag } = useGraphView(drawing);
  const inChain = (id: string) => focus && drawing !== null && drawing.chain.includes(id);

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
          <div className="graph-controls" role="group" aria-label={g.controls}>
            <button type="button" className="button button-small button-secondary" onClick={() => zoom(1.25)}>
              {g.zoomIn}
            </button>
            <button type="button" className="button button-small button-secondary" onClick={() => zoom(0.8)}>
              {g.zoomOut}
            </button>
            <button
              type="button"
              className="button button-small button-secondary"
              onClick={reset}
            >
              {g.reset}
            </button>
            {drawing.me ? (
              <button type="button" className="button button-small" aria-pressed={focus} onClick={focusOnMe}>
                {g.focusMe}
              </button>
            ) : null}
          </div>
          <p className="field-hint">{g.navigateHint}</p>
          {focus && drawing.chain.length > 0 ? (
            <p data-testid="my-chain">{g.myChain(drawing.chain.map((id) => `@${drawing.shown.find((n) => n.member.id === id)?.member.handle ?? ''}`).join(' → '))}</p>
          ) : null}
          <figure className="graph-figure">
            <svg
              ref={svgRef}
              className={focus ? 'graph graph-focus' : 'graph'}
              viewBox={`${view.x} ${view.y} ${view.w} ${view.h}`}
              role="img"
              tabIndex={0}
              aria-labelledby="graph-title graph-desc"
              data-testid="delegation-graph"
              onKeyDown={onKey}
              onPointerDown={onPointerDown}
              onPointerMove={onPointerMove}
              onPointerUp={endDrag}
              onPointerCancel={endDrag}
              onWheel={onWheel}
            >
              <title id="graph-title">{g.chartTitle(graph.area.name)}</title>
              <desc id="graph-desc">{g.chartDesc(graph.nodes.length, graph.edges.length)}</desc>
              <defs>
                <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" markerUnits="userSpaceOnUse" orient="auto">
                  <path d="M 0 0 L 10 5 L 0 10 z" className="arrow-head" />
                </marker>
                <marker id="arrow-chain" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="9" markerHeight="9" markerUnits="userSpaceOnUse" orient="auto">
                  <path d="M 0 0 L 10 5 L 0 10 z" className="arrow-head arrow-head-chain" />
                </marker>
              </defs>
              {drawing.edges.map((e) => {
                const from = drawing.positions.get(e.from.id);
                const to = drawing.positions.get(e.to.id);
                const target = drawing.shown.find((n) => n.member.id === e.to.id);
                if (!from || !to || !target || e.from.id === e.to.id) return null;
                // Stop the arrow at the target circle's edge, so its head shows.
                const dx = to.x - from.x;
                const dy = to.y - from.y;
                const length = Math.hypot(dx, dy) || 1;
                const r = radiusFor(target.weight) * drawing.scale + 1;
                const inCycle = drawing.cycle.has(e.from.id) && drawing.cycle.has(e.to.id);
                const chainEdge = inChain(e.from.id) && inChain(e.to.id) && drawing.chain.indexOf(e.to.id) === drawing.chain.indexOf(e.from.id) + 1;
                return (
                  <line
                    key={`${e.from.id}-${e.to.id}-${e.rank}-${e.scope}`}
                    className={`edge edge-rank-${e.rank}${inCycle ? ' edge-cycle' : ''}${chainEdge ? ' edge-chain' : ''}`}
                    x1={from.x}
                    y1={from.y}
                    x2={to.x - (dx / length) * r}
                    y2={to.y - (dy / length) * r}
                    markerEnd={chainEdge ? 'url(#arrow-chain)' : 'url(#arrow)'}
                  />
                );
              })}
              {drawing.shown.map((n) => {
                const p = drawing.positions.get(n.member.id);
                if (!p) return null;
                const r = radiusFor(n.weight) * drawing.scale;
                const mine = n.member.id === drawing.me;
                const classes = [
                  'node',
                  n.isHolder ? 'node-holder' : 'node-passing',
                  n.isSuperDelegate ? 'node-super' : '',
                  n.inCycle ? 'node-cycle' : '',
                  mine ? 'node-me' : '',
                  inChain(n.member.id) ? 'node-chain' : '',
                ]
                  .filter(Boolean)
                  .join(' ');
                return (
                  <g key={n.member.id} className={classes} data-member={n.member.handle}>
                    <circle cx={p.x} cy={p.y} r={r} />
                    {drawing.labelled.has(n.member.id) || mine || inChain(n.member.id) ? (
                      <text x={p.x} y={p.y - r - 3} className="node-label">
                        {mine ? g.me : `@${n.member.handle}`}
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
