/** Keys that could reach an object's prototype if a document were ever merged into another object. */
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** Whether a JSON text could hold such a key at all: a substring search, far cheaper than a walk. */
export const mayHoldForbiddenKey = (text: string): boolean => [...FORBIDDEN].some((key) => text.includes(key));

/** Where a parsed JSON value holds such a key, as paths like films[0].__proto__ below `path`. */
export function forbiddenKeyPaths(value: unknown, path = ''): string[] {
  const found: string[] = [];
  const visit = (node: unknown, at: string): void => {
    if (Array.isArray(node)) {
      node.forEach((item, index) => visit(item, `${at}[${index}]`));
    } else if (node !== null && typeof node === 'object') {
      for (const key of Object.keys(node)) {
        const below = at ? `${at}.${key}` : key;
        if (FORBIDDEN.has(key)) found.push(below);
        else visit((node as Record<string, unknown>)[key], below);
      }
    }
  };
  visit(value, path);
  return found;
}
