import { chainOf, layoutGraph, radiusFor } from './graphLayout';

describe('the delegation graph layout', () => {
  const nodes = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, radius: radiusFor(id === 'c' ? 4 : 1) }));
  const links = [
    { from: 'a', to: 'c' },
    { from: 'b', to: 'c' },
    { from: 'd', to: 'c' },
    { from: 'e', to: 'e' },
  ];

  it('places every member inside the drawing without overlapping circles', () => {
    const { positions, scale } = layoutGraph(nodes, links, 400, 300);
    expect(positions.size).toBe(5);
    expect(scale).toBe(1);
    for (const n of nodes) {
      const p = positions.get(n.id)!;
      expect(p.x).toBeGreaterThanOrEqual(n.radius);
      expect(p.x).toBeLessThanOrEqual(400 - n.radius);
      expect(p.y).toBeGreaterThanOrEqual(n.radius);
      expect(p.y).toBeLessThanOrEqual(300 - n.radius);
    }
    for (const a of nodes)
      for (const b of nodes) {
        if (a.id >= b.id) continue;
        const pa = positions.get(a.id)!;
        const pb = positions.get(b.id)!;
        expect(Math.hypot(pa.x - pb.x, pa.y - pb.y)).toBeGreaterThan(a.radius + b.radius - 1);
      }
  });

  it('lays the same graph out the same way twice, and delegators nearer their delegate than strangers', () => {
    const first = layoutGraph(nodes, links, 400, 300).positions;
    const second = layoutGraph(nodes, links, 400, 300).positions;
    expect([...second.entries()]).toEqual([...first.entries()]);
    const dist = (x: string, y: string) => Math.hypot(first.get(x)!.x - first.get(y)!.x, first.get(x)!.y - first.get(y)!.y);
    expect(dist('a', 'c')).toBeLessThan(dist('a', 'e'));
  });

  it('sizes circles by the square root of the weight', () => {
    expect(radiusFor(4) - radiusFor(0)).toBeCloseTo(2 * (radiusFor(1) - radiusFor(0)), 10);
  });
});

describe('a small graph', () => {
  it('is spread over the drawing rather than huddled in its middle', () => {
    const { positions } = layoutGraph(
      ['a', 'b', 'c'].map((id) => ({ id, radius: radiusFor(1) })),
      [{ from: 'a', to: 'b' }],
      720,
      480,
    );
    const xs = [...positions.values()].map((p) => p.x);
    const ys = [...positions.values()].map((p) => p.y);
    expect(Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys))).toBeGreaterThan(200);
  });
});

describe('a large graph', () => {
  // 150 members, as the page draws at most: a few heavy carriers, chains and loners.
  const nodes = Array.from({ length: 150 }, (_, i) => ({ id: `m${i}`, radius: radiusFor(i < 5 ? 20 - i * 3 : i < 30 ? 2 : 0) }));
  const links = nodes.slice(5).map((n, i) => ({ from: n.id, to: i % 3 === 0 ? `m${i % 5}` : `m${5 + (i % 25)}` }));

  it('fits every circle inside the drawing, none pinned to its edge, none stacked on another', () => {
    const { positions, scale } = layoutGraph(nodes, links, 720, 480);
    let onEdge = 0;
    for (const n of nodes) {
      const p = positions.get(n.id)!;
      const r = n.radius * scale;
      expect(p.x - r).toBeGreaterThanOrEqual(0);
      expect(p.x + r).toBeLessThanOrEqual(720);
      expect(p.y - r).toBeGreaterThanOrEqual(0);
      expect(p.y + r).toBeLessThanOrEqual(480);
      if (p.x - r < 2 || p.x + r > 718 || p.y - r < 2 || p.y + r > 478) onEdge++;
    }
    expect(onEdge).toBe(0);
    let stacked = 0;
    for (let i = 0; i < nodes.length; i++)
      for (let j = i + 1; j < nodes.length; j++) {
        const a = positions.get(nodes[i]!.id)!;
        const b = positions.get(nodes[j]!.id)!;
        if (Math.hypot(a.x - b.x, a.y - b.y) < (nodes[i]!.radius + nodes[j]!.radius) * scale * 0.5) stacked++;
      }
    expect(stacked).toBe(0);
  });
});

describe('my chain', () => {
  it('follows first choices from me until a member who does not delegate, stopping at a cycle', () => {
    const links = [
      { from: 'me', to: 'b', rank: 2 },
      { from: 'me', to: 'a', rank: 1 },
      { from: 'a', to: 'c', rank: 1 },
      { from: 'c', to: 'a', rank: 1 },
    ];
    expect(chainOf('me', links)).toEqual(['me', 'a', 'c']);
    expect(chainOf('b', links)).toEqual(['b']);
  });
});
