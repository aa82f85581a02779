import { useState } from 'react';

/** A ranked choice: tied with the one above it, or a rank of its own. */
export type Row = { key: string; tied: boolean };

export function rowsOf(choices: string[], mine: string[][] | null): { ranked: Row[]; unranked: string[] } {
  if (!mine) return { ranked: choices.map((key) => ({ key, tied: false })), unranked: [] };
  const ranked = mine.flatMap((group) => group.map((key, i) => ({ key, tied: i > 0 })));
  const seen = new Set(ranked.map((r) => r.key));
  return { ranked, unranked: choices.filter((c) => !seen.has(c)) };
}

export function groupsOf(ranked: Row[]): string[][] {
  const groups: string[][] = [];
  for (const row of ranked) {
    const last = groups[groups.length - 1];
    if (row.tied && last) last.push(row.key);
    else groups.push([row.key]);
  }
  return groups;
}

/** The place (1-based, ties sharing one) of each ranked row. */
export function placesOf(ranked: Row[]): number[] {
  let place = 0;
  return ranked.map((row, i) => (row.tied && i > 0 ? place : ++place));
}

/** The first row never ties with the one above: there is none. */
const normalised = (rows: Row[]) => rows.map((r, k) => (k === 0 ? { ...r, tied: false } : r));

/**
 * The ranking ballot's state: the ranked rows (best first, each tied with the one above or not)
 * and the unranked choices, with the moves the buttons, the arrow keys and drag and drop make.
 * Every move returns the place the choice ends at, for the ballot's announcement.
 */
export function useRanking(choices: string[], mine: string[][] | null) {
  const initial = rowsOf(choices, mine);
  const [ranked, setRanked] = useState<Row[]>(initial.ranked);
  const [unranked, setUnranked] = useState<string[]>(initial.unranked);

  /** Moves the row at `from` to index `to`; returns its new place, or null when nothing moved. */
  const moveTo = (from: number, to: number): number | null => {
    const row = ranked[from];
    if (!row || to < 0 || to >= ranked.length || to === from) return null;
    const rest = ranked.filter((_, k) => k !== from);
    rest.splice(to, 0, { ...row, tied: false });
    const next = normalised(rest);
    setRanked(next);
    return placesOf(next)[to] ?? null;
  };
  const toggleTie = (i: number) => setRanked(normalised(ranked.map((r, k) => (k === i ? { ...r, tied: !r.tied } : r))));
  const exclude = (i: number) => {
    const row = ranked[i];
    if (!row) return;
    setRanked(normalised(ranked.filter((_, k) => k !== i)));
    setUnranked([...unranked, row.key]);
  };
  const include = (key: string) => {
    setUnranked(unranked.filter((k) => k !== key));
    setRanked([...ranked, { key, tied: false }]);
  };
  return { ranked, unranked, places: placesOf(ranked), moveTo, toggleTie, exclude, include, groups: () => groupsOf(ranked) };
}
