import { layoutGraph, radiusFor } from './graphLayout';

describe('the delegation graph layout', () => {
  const nodes = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, radius: radiusFor(id === 'c' ? 4 : 1) }));
  const links = [
    { from: 'a', to: 'c' },
    { from: 'b', to: 'c' },
    { from: 'd', to: 'c' },
    { from: 'e', to: 'e' },
  ];

  it('places every member inside the drawing without overlapping circles', () => {
    const positions = layoutGraph(nodes, links, 400, 300);
    expect(positions.size).toBe(5);
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
    const first = layoutGraph(nodes, links, 400, 300);
    const second = layoutGraph(nodes, links, 400, 300);
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
    const positions = layoutGraph(
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
