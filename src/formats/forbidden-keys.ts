/** Keys that could reach an object's prototype if a document were ever merged into another object. */
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Far deeper than any films document (a review's tags are six levels down): a document nested
 * deeper is refused, and no walk over it ever goes further.
 */
export const MAX_JSON_DEPTH = 64;

export interface ForbiddenKey {
  /** Where, as a path like films[0].__proto__. */
  at: string;
  owner: object;
  key: string;
}

export interface KeyScan {
  /** Where the value holds such keys. */
  forbidden: ForbiddenKey[];
  /** Where it first nests past MAX_JSON_DEPTH, or null. */
  tooDeep: string | null;
}

const PATH_SHOWN = 60;

/** A path for a message: a document nested past the limit has a long one, so only its start is shown, cut between steps. */
export const shortPath = (path: string): string =>
  path.length > PATH_SHOWN ? `${path.slice(0, PATH_SHOWN).replace(/\[[^\]]*$/, '')}…` : path;

/**
 * Walks a parsed JSON value below `path` for forbidden keys, with a stack of its own rather than
 * recursion, so that no nesting can overflow the call stack; stops at the first value nested too deep.
 * Reports in document order.
 */
export function scanKeys(value: unknown, path = ''): KeyScan {
  type Step = { node: object; at: string; depth: number } | { found: ForbiddenKey };
  const forbidden: ForbiddenKey[] = [];
  const stack: Step[] = [];
  const below = (node: unknown, at: string, depth: number, into: Step[]): void => {
    if (node !== null && typeof node === 'object') into.push({ node, at, depth });
  };
  below(value, path, 1, stack);
  while (stack.length) {
    const step = stack.pop() as Step;
    if ('found' in step) {
      forbidden.push(step.found);
      continue;
    }
    const { node, at, depth } = step;
    if (depth > MAX_JSON_DEPTH) return { forbidden, tooDeep: at };
    const children: Step[] = [];
    if (Array.isArray(node)) {
      node.forEach((item, index) => below(item, `${at}[${index}]`, depth + 1, children));
    } else {
      for (const key of Object.keys(node)) {
        const keyAt = at ? `${at}.${key}` : key;
        if (FORBIDDEN.has(key)) children.push({ found: { at: keyAt, owner: node, key } });
        else below((node as Record<string, unknown>)[key], keyAt, depth + 1, children);
      }
    }
    // Reversed, so that the first child is taken next: findings come in document order.
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as Step);
  }
  return { forbidden, tooDeep: null };
}
