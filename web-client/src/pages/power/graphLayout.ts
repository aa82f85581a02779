import { forceCenter, forceCollide, forceLink, forceManyBody, forceSimulation, type SimulationLinkDatum, type SimulationNodeDatum } from 'd3-force';

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

/**
 * A force-directed layout (d3-force) computed once, synchronously: links pull delegators
 * towards their delegates, charge pushes members apart, collision keeps circles from
 * overlapping. d3-force's own seeded random source makes the same graph lay out the same way.
 * Positions are clamped into the drawing.
 */
export function layoutGraph(nodes: { id: string; radius: number }[], links: { from: string; to: string }[], width: number, height: number) {
  const simNodes: LayoutNode[] = nodes.map((n) => ({ ...n }));
  const known = new Set(simNodes.map((n) => n.id));
  const simLinks: LayoutLink[] = links.filter((l) => known.has(l.from) && known.has(l.to) && l.from !== l.to).map((l) => ({ ...l, source: l.from, target: l.to }));
  const simulation = forceSimulation(simNodes)
    .force('link', forceLink<LayoutNode, LayoutLink>(simLinks).id((n) => n.id).distance((l) => 20 + (l.target as LayoutNode).radius + (l.source as LayoutNode).radius))
    .force('charge', forceManyBody().strength(-40))
    .force('center', forceCenter(width / 2, height / 2))
    .force('collide', forceCollide<LayoutNode>((n) => n.radius + 3))
    .stop();
  simulation.tick(Math.min(300, Math.ceil(Math.log(simulation.alphaMin()) / Math.log(1 - simulation.alphaDecay()))));
  // A small graph settles in the middle: spread it over the drawing (only ever enlarging
  // distances, so circles that did not overlap still do not), then clamp into it.
  const pad = 40;
  const xs = simNodes.map((n) => n.x ?? width / 2);
  const ys = simNodes.map((n) => n.y ?? height / 2);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const scale = simNodes.length < 2 ? 1 : Math.max(1, Math.min(4, (width - 2 * pad) / Math.max(1, maxX - minX), (height - 2 * pad) / Math.max(1, maxY - minY)));
  const positions = new Map<string, { x: number; y: number }>();
  for (const n of simNodes) {
    const x = width / 2 + ((n.x ?? width / 2) - (minX + maxX) / 2) * scale;
    const y = height / 2 + ((n.y ?? height / 2) - (minY + maxY) / 2) * scale;
    positions.set(n.id, {
      x: Math.min(width - n.radius - 2, Math.max(n.radius + 2, x)),
      y: Math.min(height - n.radius - 2, Math.max(n.radius + 2, y)),
    });
  }
  return positions;
}
