/**
 * Whether the viewer is, or is about to become, a super-delegate (DESIGN §3): flagged when
 * carrying at least `share` of the eligible weight. "About to" means one more delegated vote
 * would do it, or the viewer already carries 80 % of the line.
 */
export type SuperDelegateOutlook =
  | { kind: 'passesOn' }
  | { kind: 'super'; line: number }
  | { kind: 'aboutTo'; line: number; more: number }
  | { kind: 'clear'; line: number };

export function superDelegateOutlook(carried: number | null, isSuper: boolean, eligible: number, share: number): SuperDelegateOutlook {
  const line = share * eligible;
  if (carried === null) return { kind: 'passesOn' };
  if (isSuper) return { kind: 'super', line };
  if (carried + 1 >= line || carried >= 0.8 * line) {
    return { kind: 'aboutTo', line, more: Math.max(1, Math.ceil(line - carried - 1e-9)) };
  }
  return { kind: 'clear', line };
}
