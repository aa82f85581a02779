import { forceCenter, forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationLinkDatum, type SimulationNodeDatum } from 'd3-force';

export interface LayoutNode extends SimulationNodeDatum {
  id: string;
  radius: number;
}

export interface LayoutLink extends SimulationLinkDatum<LayoutNode> {
  from: string;
  to: string;
}

/** A circle's radius grows with the square root of the weight carried, so its area is proportional to it. */
export function radiusFor(weight: number): number {
  return 4 + 4 * Math.sqrt(Math.max(0, weight));
}

/** Where each member is drawn, and the factor their circles are drawn at so that all fit. */
export interface GraphLayout {
  positions: Map<string, { x: number; y: number }>;
  /** Circles are drawn at radius × scale (at most 1): a large graph is shrunk to fit, not cut at the edges. */
  scale: number;
}

/**
 * A force-directed layout (d3-force) computed once, synchronously: links pull delegators
 * towards their delegates, charge pushes members apart, collision keeps circles from
 * overlapping, and a gentle pull to the middle keeps the whole compact. d3-force's own seeded
 * random source makes the same graph lay out the same way. The result is then fitted to the
 * drawing by one uniform scale, enlarging a small graph and shrinking a large one (circles
 * with it), so no member is pinned to an edge: 150 members used to spread past the box and
 * 134 of them were clamped onto its border.
 */
export function layoutGraph(nodes: { id: string; radius: number }[], links: { from: string; to: string }[], width: number, height: number): GraphLayout {
  const simNodes: LayoutNode[] = nodes.map((n) => ({ ...n }));
  const known = new Set(simNodes.map((n) => n.id));
  const simLinks: LayoutLink[] = links.filter((l) => known.has(l.from) && known.has(l.to) && l.from !== l.to).map((l) => ({ ...l, source: l.from, target: l.to }));
  const simulation = forceSimulation(simNodes)
    .force('link', forceLink<LayoutNode, LayoutLink>(simLinks).id((n) => n.id).distance((l) => 20 + (l.target as LayoutNode).radius + (l.source as LayoutNode).radius))
    .force('charge', forceManyBody().strength(-40))
    .force('center', forceCenter(width / 2, height / 2))
    .force('x', forceX<LayoutNode>(width / 2).strength(0.06))
    .force('y', forceY<LayoutNode>(height / 2).strength(0.06 * (width / height)))
    .force('collide', forceCollide<LayoutNode>((n) => n.radius + 3))
    .stop();
  simulation.tick(Math.min(300, Math.ceil(Math.log(simulation.alphaMin()) / Math.log(1 - simulation.alphaDecay()))));
  // Fit the bounding box of the circles (not only of their centres) into the drawing.
  const pad = 24;
  const minX = Math.min(...simNodes.map((n) => (n.x ?? width / 2) - n.radius));
  const maxX = Math.max(...simNodes.map((n) => (n.x ?? width / 2) + n.radius));
  const minY = Math.min(...simNodes.map((n) => (n.y ?? height / 2) - n.radius));
  const maxY = Math.max(...simNodes.map((n) => (n.y ?? height / 2) + n.radius));
  const fit = Math.min((width - 2 * pad) / Math.max(1, maxX - minX), (height - 2 * pad) / Math.max(1, maxY - minY));
  const scale = simNodes.length < 2 ? 1 : Math.min(10, fit);
  const positions = new Map<string, { x: number; y: number }>();
  for (const n of simNodes) {
    positions.set(n.id, {
      x: width / 2 + ((n.x ?? width / 2) - (minX + maxX) / 2) * scale,
      y: height / 2 + ((n.y ?? height / 2) - (minY + maxY) / 2) * scale,
    });
  }
  return { positions, scale: Math.min(1, scale) };
}

/**
 * My chain: from me along my first-ranked delegation, hop by hop, until a member who does not
 * delegate or a member already on it (a cycle). The ids in order, me first.
 */
export function chainOf(me: string, links: readonly { from: string; to: string; rank: number }[]): string[] {
  const chain = [me];
  for (let at = me; ; ) {
    const next = links.filter((l) => l.from === at && l.to !== at).sort((a, b) => a.rank - b.rank)[0];
    if (!next || chain.includes(next.to)) return chain;
    chain.push(next.to);
    at = next.to;
  }
}
