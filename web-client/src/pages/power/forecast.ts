/**
 * Karma's continuous decay (DESIGN §4): K(t) = K(t₀) · 2^(−(t−t₀)/H), with the level its
 * value reaches each week (level n once karma reaches the n-th threshold).
 */
export interface ForecastPoint {
  week: number;
  karma: number;
  level: number;
}

export function levelOf(karma: number, thresholds: readonly number[]): number {
  return thresholds.filter((line) => karma >= line).length;
}

export function decayForecast(karma: number, halfLifeDays: number, thresholds: readonly number[], weeks: number): ForecastPoint[] {
  return Array.from({ length: weeks + 1 }, (_, week) => {
    const value = halfLifeDays > 0 ? karma * 2 ** (-(week * 7) / halfLifeDays) : karma;
    return { week, karma: value, level: levelOf(value, thresholds) };
  });
}
