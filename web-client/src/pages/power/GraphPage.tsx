import { transportMessage } from '../../components/transportError';
import { bidi, personName } from '../../components/isolate';
import { useMemo, useRef, useState, type KeyboardEvent, type PointerEvent, type WheelEvent } from 'react';
import { useQuery } from 'urql';
import { AreaPicker } from '../../components/AreaPicker';
import { PageHeading } from '../../components/PageHeading';
import { SignInRequired } from '../../components/SignInRequired';
import { graphql } from '../../gql';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../../session/session';
import { chainOf, layoutGraph, radiusFor } from './graphLayout';

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
/** Labels only for the heaviest carriers (and me, and my chain when focused). */
const maxLabels = 12;

interface View {
  x: number;
  y: number;
  w: number;
  h: number;
}

const fullView: View = { x: 0, y: 0, w: width, h: height };

/** Keeps the view over the drawing: zoomed in, it can move; it never shows more than all of it. */
function clampView(v: View): View {
  const w = Math.min(width, v.w);
  const h = Math.min(height, v.h);
  return { x: Math.min(width - w, Math.max(0, v.x)), y: Math.min(height - h, Math.max(0, v.y)), w, h };
}

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
  const [area, setArea] = useState<string | null>(null);
  const [{ data, error }] = useQuery({ query: GraphQuery, variables: { area } });
  const graph = data?.delegationGraph ?? null;

  const drawing = useMemo(() => {
    if (!graph) return null;
    const nodes = [...graph.nodes].sort((a, b) => b.weight - a.weight || a.member.handle.localeCompare(b.member.handle));
    const shown = nodes.slice(0, maxDrawn);
    const ids = new Set(shown.map((n) => n.member.id));
    const edges = graph.edges.filter((e) => ids.has(e.from.id) && ids.has(e.to.id));
    const { positions, scale } = layoutGraph(
      shown.map((n) => ({ id: n.member.id, radius: radiusFor(n.weight) })),
      edges.map((e) => ({ from: e.from.id, to: e.to.id })),
      width,
      height,
    );
    const cycle = new Set(shown.filter((n) => n.inCycle).map((n) => n.member.id));
    // Labels for the heaviest carriers only: more would overlap and hide the drawing.
    const labelled = new Set(shown.filter((n) => n.weight >= 2 || n.isSuperDelegate).slice(0, maxLabels).map((n) => n.member.id));
    const meNode = shown.find((n) => n.member.handle === myHandle);
    const chain = meNode ? chainOf(meNode.member.id, edges.map((e) => ({ from: e.from.id, to: e.to.id, rank: e.rank }))) : [];
    return { nodes, shown, edges, positions, scale, cycle, labelled, chain, me: meNode?.member.id ?? null };
  }, [graph, myHandle]);

  // Zoom and pan move the view box; "focus on me" fits it around my chain.
  const [view, setView] = useState<View>(fullView);
  const [focus, setFocus] = useState(false);
  const drag = useRef<{ x: number; y: number; view: View } | null>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const zoom = (factor: number) =>
    setView((v) => {
      const w = Math.min(width, Math.max(width / 16, v.w / factor));
      const h = (w * height) / width;
      return clampView({ x: v.x + (v.w - w) / 2, y: v.y + (v.h - h) / 2, w, h });
    });
  const pan = (dx: number, dy: number) => setView((v) => clampView({ ...v, x: v.x + dx * v.w, y: v.y + dy * v.h }));
  const focusOnMe = () => {
    if (!drawing || drawing.chain.length === 0) return;
    const points = drawing.chain.map((id) => drawing.positions.get(id)!).filter(Boolean);
    const xs = points.map((p) => p.x);
    const ys = points.map((p) => p.y);
    const w = Math.min(width, Math.max(width / 4, (Math.max(...xs) - Math.min(...xs)) * 1.6, ((Math.max(...ys) - Math.min(...ys)) * 1.6 * width) / height));
    const h = (w * height) / width;
    setView(clampView({ x: (Math.max(...xs) + Math.min(...xs)) / 2 - w / 2, y: (Math.max(...ys) + Math.min(...ys)) / 2 - h / 2, w, h }));
    setFocus(true);
  };
  const onKey = (event: KeyboardEvent<SVGSVGElement>) => {
    const moves: Record<string, [number, number]> = { ArrowLeft: [-0.1, 0], ArrowRight: [0.1, 0], ArrowUp: [0, -0.1], ArrowDown: [0, 0.1] };
    const move = moves[event.key];
    if (move) pan(move[0], move[1]);
    else if (event.key === '+' || event.key === '=') zoom(1.25);
    else if (event.key === '-') zoom(0.8);
    else return;
    event.preventDefault();
  };
  const onPointerDown = (event: PointerEvent<SVGSVGElement>) => {
    drag.current = { x: event.clientX, y: event.clientY, view };
    event.currentTarget.setPointerCapture?.(event.pointerId);
  };
  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    const start = drag.current;
    const box = svgRef.current?.getBoundingClientRect();
    if (!start || !box || box.width === 0) return;
    const k = start.view.w / box.width;
    setView(clampView({ ...start.view, x: start.view.x - (event.clientX - start.x) * k, y: start.view.y - (event.clientY - start.y) * k }));
  };
  const onWheel = (event: WheelEvent<SVGSVGElement>) => zoom(event.deltaY < 0 ? 1.15 : 1 / 1.15);
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
              onClick={() => {
                setView(fullView);
                setFocus(false);
              }}
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
              onPointerUp={() => (drag.current = null)}
              onPointerCancel={() => (drag.current = null)}
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
