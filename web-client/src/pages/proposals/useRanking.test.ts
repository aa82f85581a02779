import { describe, expect, it } from 'vitest';
import { groupsOf, placesOf, rowsOf } from './useRanking';

describe('the ranking ballot state', () => {
  it('reads a cast ballot back into ranked rows with ties, and the rest unranked', () => {
    const { ranked, unranked } = rowsOf(['statusQuo', 'p1', 'a2', 'a3'], [['a2'], ['p1', 'statusQuo']]);
    expect(ranked).toEqual([
      { key: 'a2', tied: false },
      { key: 'p1', tied: false },
      { key: 'statusQuo', tied: true },
    ]);
    expect(unranked).toEqual(['a3']);
    expect(groupsOf(ranked)).toEqual([['a2'], ['p1', 'statusQuo']]);
    expect(placesOf(ranked)).toEqual([1, 2, 2]);
  });

  it('ranks every choice on its own place before a ballot is cast', () => {
    const { ranked, unranked } = rowsOf(['statusQuo', 'p1'], null);
    expect(groupsOf(ranked)).toEqual([['statusQuo'], ['p1']]);
    expect(unranked).toEqual([]);
  });
});
