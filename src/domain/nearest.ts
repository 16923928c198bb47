/**
 * Edits from `a` to `b`: insertions, deletions, substitutions and swaps of two neighbours, each
 * one edit ("shwo" is one from "show"); the optimal string alignment distance.
 */
export function editDistance(a: string, b: string): number {
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      let distance = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) distance = Math.min(distance, (before[j - 2] ?? 0) + 1);
      current[j] = distance;
    }
    before = previous;
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * What `word` was likely meant to be, nearest first (of equal distance, those that start with the
 * same character), at most `count`: the candidates it starts ("stat" → "stats"), or within an edit
 * per three characters of it (at least one from two), its dashes not counted ("shwo" → "show",
 * "--dv" → "--db"; a lone letter such as "-x" is near nothing it does not start).
 */
export function nearestWords(word: string, candidates: readonly string[], count = 3): string[] {
  const letters = word.replace(/^-+/, '').length;
  const allowed = letters < 2 ? 0 : Math.max(1, Math.floor(letters / 3));
  const sameStart = (candidate: string): number => (candidate.replace(/^-+/, '')[0] === word.replace(/^-+/, '')[0] ? 0 : 1);
  return [...new Set(candidates)]
    .map((candidate) => ({ candidate, distance: editDistance(word, candidate) }))
    .filter(({ candidate, distance }) => distance <= allowed || (word.length > 0 && candidate.startsWith(word)))
    .sort((a, b) => a.distance - b.distance || sameStart(a.candidate) - sameStart(b.candidate))
    .slice(0, count)
    .map(({ candidate }) => candidate);
}

/** "'a'", "'a' or 'b'", "'a', 'b' or 'c'": suggestions as a sentence names them. */
export function orList(words: readonly string[]): string {
  const quoted = words.map((word) => `'${word}'`);
  return quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1) ?? ''}` : (quoted[0] ?? '');
}

/**
 * The hint for a value that is none of `choices`: "did you mean 'json'? (<list>)" naming the
 * nearest, or the `list` of them alone when none is near.
 */
export function choiceHint(value: string, choices: readonly string[], list: string): string {
  const [near] = nearestWords(value, choices, 1);
  return near === undefined ? list : `did you mean '${near}'? (${list})`;
}
