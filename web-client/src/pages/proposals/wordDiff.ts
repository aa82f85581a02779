/** One run of a word-level diff: text both versions share, or only the old (removed) or the new (added) has. */
export interface DiffPart {
  kind: 'same' | 'removed' | 'added';
  text: string;
}

/** Words and the whitespace after each, so that joining the tokens gives the text back. */
export function tokens(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [];
}

/**
 * The word-level difference from `before` to `after`: the longest common subsequence of
 * their words (whitespace-insensitive), runs merged. O(n·m) in words, which a proposal's few
 * thousand words allow; beyond `limit` cells it falls back to "all removed, all added".
 */
export function wordDiff(before: string, after: string, limit = 25_000_000): DiffPart[] {
  const a = tokens(before);
  const b = tokens(after);
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart['kind'], text: string) => {
    const last = parts[parts.length - 1];
    // Only a text's last word has no space after it; another word may follow it in the diff.
    if (last && text && !/\s$/.test(last.text)) last.text += ' ';
    if (last && last.kind === kind) last.text += text;
    else if (text) parts.push({ kind, text });
  };
  // The shared head and tail need no table: an edit usually touches a small part.
  let start = 0;
  while (start < a.length && start < b.length && a[start]!.trim() === b[start]!.trim()) push('same', b[start++]!);
  let endA = a.length;
  let endB = b.length;
  const tail: string[] = [];
  while (endA > start && endB > start && a[endA - 1]!.trim() === b[endB - 1]!.trim()) tail.unshift(b[(endB--) - 1]!) && endA--;
  const n = endA - start;
  const m = endB - start;
  if (n * m > limit) {
    push('removed', a.slice(start, endA).join(''));
    push('added', b.slice(start, endB).join(''));
  } else {
    // lcs[i][j]: the longest common subsequence of a[start+i..endA) and b[start+j..endB).
    const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
    for (let i = n - 1; i >= 0; i--)
      for (let j = m - 1; j >= 0; j--)
        lcs[i]![j] = a[start + i]!.trim() === b[start + j]!.trim() ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (a[start + i]!.trim() === b[start + j]!.trim()) {
        push('same', b[start + j]!);
        i++;
        j++;
      } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) push('removed', a[start + i++]!);
      else push('added', b[start + j++]!);
    }
    while (i < n) push('removed', a[start + i++]!);
    while (j < m) push('added', b[start + j++]!);
  }
  for (const t of tail) push('same', t);
  return parts;
}
