import fixture from './draw.fixture.json';
import { drawSeed, isDrawn, ticket, toHex, verifyDraw } from './draw';

// draw.fixture.json is held to the server's LotteryDraw by
// tests/Governance.Core.Tests/Domain/WebClientLotteryFixtureTests.cs.
describe('the lottery draw recomputed in the browser', () => {
  it('derives the same seed as the server', async () => {
    expect(toHex(await drawSeed(fixture.periodId, fixture.headHash))).toBe(fixture.seed);
  });

  it('gives every member the same ticket and outcome as the server, 64-bit member numbers included', async () => {
    const seed = await drawSeed(fixture.periodId, fixture.headHash);
    for (const entry of fixture.entries) {
      const value = await ticket(seed, entry.memberNumber);
      expect(value.toString(16).padStart(16, '0')).toBe(entry.ticket);
      expect(isDrawn(value, entry.probability)).toBe(entry.drawn);
    }
  });

  it('says a published draw matches, and names a member whose outcome was altered', async () => {
    const good = await verifyDraw(fixture);
    expect(good.matches).toBe(true);
    expect(good.drawn).toEqual(fixture.entries.filter((e) => e.drawn).map((e) => e.memberNumber));

    const altered = { ...fixture, entries: fixture.entries.map((e, i) => (i === 3 ? { ...e, drawn: !e.drawn } : e)) };
    const bad = await verifyDraw(altered);
    expect(bad.matches).toBe(false);
    expect(bad.mismatches).toEqual([fixture.entries[3]!.memberNumber]);
  });

  it('says a draw whose seed does not follow from its period and head does not match', async () => {
    const result = await verifyDraw({ ...fixture, periodId: '2026-11-23' });
    expect(result.seedMatches).toBe(false);
    expect(result.matches).toBe(false);
  });

  it('compares exactly at the boundary: v is drawn iff v < ⌈p · 2^64⌉', () => {
    const line = BigInt(Math.ceil(0.02 * 18446744073709551616));
    expect(isDrawn(line - 1n, 0.02)).toBe(true);
    expect(isDrawn(line, 0.02)).toBe(false);
    expect(isDrawn(0n, 0)).toBe(false);
    expect(isDrawn(2n ** 64n - 1n, 1)).toBe(true);
  });
});
