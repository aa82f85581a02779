import { decayForecast, levelOf } from './forecast';

describe('the karma decay forecast', () => {
  it('halves karma every half-life and drops the level as thresholds are crossed', () => {
    // 60-day half-life: after 60 days (8.57 weeks) karma is half. 42 karma is level 3.
    const points = decayForecast(42, 60, [10, 25, 40], 26);
    expect(points[0]).toEqual({ week: 0, karma: 42, level: 3 });
    expect(points[1]!.karma).toBeCloseTo(42 * 2 ** (-7 / 60), 10);
    expect(points[1]!.level).toBe(2);
    expect(points.at(-1)!.karma).toBeCloseTo(42 * 2 ** (-182 / 60), 10);
    expect(points.map((p) => p.level)).toEqual([...points.map((p) => p.level)].sort((a, b) => b - a));
    expect(points.at(-1)!.level).toBe(0);
  });

  it('keeps karma when the policy has no decay', () => {
    expect(decayForecast(12, 0, [10, 25, 40], 2).map((p) => p.karma)).toEqual([12, 12, 12]);
  });

  it('reads levels from the policy thresholds', () => {
    expect(levelOf(9.99, [10, 25, 40])).toBe(0);
    expect(levelOf(10, [10, 25, 40])).toBe(1);
    expect(levelOf(40, [10, 25, 40])).toBe(3);
  });
});
