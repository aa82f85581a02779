import { describe, expect, it } from 'vitest';
import { wordDiff, type DiffPart } from './wordDiff';

/** The old text is what is not added; the new one what is not removed. */
function sides(parts: DiffPart[]) {
  return {
    before: parts.filter((p) => p.kind !== 'added').map((p) => p.text).join(''),
    after: parts.filter((p) => p.kind !== 'removed').map((p) => p.text).join(''),
  };
}

describe('wordDiff', () => {
  it('marks a changed word as removed and added, and keeps the rest', () => {
    expect(wordDiff('Plant oaks by the river', 'Plant elms by the river')).toEqual([
      { kind: 'same', text: 'Plant ' },
      { kind: 'removed', text: 'oaks ' },
      { kind: 'added', text: 'elms ' },
      { kind: 'same', text: 'by the river' },
    ]);
  });

  it('finds an insertion in the middle and a deletion at the end', () => {
    const parts = wordDiff('one two three four', 'one two and a half three');
    expect(parts.filter((p) => p.kind === 'added').map((p) => p.text.trim())).toEqual(['and a half']);
    expect(parts.filter((p) => p.kind === 'removed').map((p) => p.text.trim())).toEqual(['four']);
  });

  it('gives both texts back from its parts, for random edits', () => {
    const words = ['a', 'b', 'c', 'd', 'e'];
    let seed = 17;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let run = 0; run < 200; run++) {
      const text = (n: number) => Array.from({ length: n }, () => words[Math.floor(random() * words.length)]).join(' ');
      const before = text(Math.floor(random() * 12));
      const after = text(Math.floor(random() * 12));
      const parts = wordDiff(before, after);
      const back = sides(parts);
      expect(back.before.replace(/\s+/g, ' ').trim()).toBe(before.replace(/\s+/g, ' ').trim());
      expect(back.after.replace(/\s+/g, ' ').trim()).toBe(after.replace(/\s+/g, ' ').trim());
    }
  });

  it('is all same for equal texts', () => {
    expect(wordDiff('same text', 'same text')).toEqual([{ kind: 'same', text: 'same text' }]);
  });
});
