import { describe, expect, it } from 'vitest';
import { formatDate, formatWeight } from './format';

describe('formatDate', () => {
  it('shows a moment in the given zone and names the zone, in the chosen language', () => {
    expect(formatDate('2026-11-22T06:00:00Z', 'en', 'Europe/Berlin')).toBe('Nov 22, 2026, 7:00 AM GMT+1');
    expect(formatDate('2026-11-22T06:00:00Z', 'de', 'Europe/Berlin')).toBe('22.11.2026, 07:00 MEZ');
    expect(formatDate('2026-07-01T06:00:00Z', 'de', 'Europe/Berlin')).toBe('01.07.2026, 08:00 MESZ');
    expect(formatDate('2026-11-22T06:00:00Z', 'en', 'UTC')).toBe('Nov 22, 2026, 6:00 AM UTC');
  });
});

describe('formatWeight', () => {
  it('keeps whole votes whole and fractions to three places', () => {
    expect(formatWeight(3, 'en')).toBe('3');
    expect(formatWeight(1.23456, 'de')).toBe('1,235');
  });
});
