// "Did you mean …": the closest catalogued name to what the director typed.

/** Edit distance counting a swap of two neighbours as one edit (valeu → value). */
export function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** The closest name, if it is close enough to be a typo (case and separators ignored). */
export function closest(
  typed: string,
  names: readonly string[],
  key: (name: string) => string = (name) => name,
): string | undefined {
  const fold = (s: string) => s.toLowerCase().replace(/[^a-z0-9*]+/g, '.');
  const target = fold(key(typed));
  const allowed = target.length <= 4 ? 1 : target.length <= 12 ? 2 : 3;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const name of names) {
    const d = distance(target, fold(key(name)));
    if (d < bestDistance) [best, bestDistance] = [name, d];
  }
  return bestDistance <= allowed ? best : undefined;
}

export const guess = (typed: string, names: readonly string[]) => {
  const suggestion = closest(typed, names);
  return suggestion ? `，是不是 ${suggestion}？` : '';
};
