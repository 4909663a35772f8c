// What PostgreSQL can hold. text and jsonb refuse U+0000 (22021 / 22P05), and jsonb
// refuses an unpaired UTF-16 surrogate, which JSON.stringify writes as a lone \udXXX
// escape; JSON.parse turns an escaped "\u0000" into a real NUL, so one check on parsed
// values covers both spellings. Every adapter checks its input tree with this before
// reading it, so such a request is refused (400, naming the field) instead of failing
// at the insert (500); the ingest layer checks the normalised rows once more.
import type { Issue } from '@/lib/ingest/adapters/generic-json';

/** Deeper than any payload a device sends; jsonb and our own recursion stay far from their limits. */
export const MAX_JSON_DEPTH = 32;

const UNSTORABLE_MESSAGE = 'Contains a character that cannot be stored (U+0000 or an unpaired UTF-16 surrogate)';

export function isStorableText(value: string): boolean {
  return value.isWellFormed() && !value.includes('\u0000');
}

const join = (path: string, key: string | number) => (path === '' ? String(key) : `${path}.${key}`);

/**
 * The first string or object key in `value` that PostgreSQL could not store, or a tree
 * nested deeper than `maxDepth`, as an issue with its path; null when all is well.
 * `renameKey` lets the XML adapters show `@Value` instead of the parser's `@_Value`.
 */
export function unstorableIssue(
  value: unknown,
  opts: { path?: string; maxDepth?: number; renameKey?: (key: string) => string | null } = {},
): Issue | null {
  const { maxDepth = MAX_JSON_DEPTH, renameKey = (k: string) => k } = opts;
  // Iterative, so a hostile depth cannot overflow our stack before the depth check trips.
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: opts.path ?? '', depth: 0 }];
  while (stack.length > 0) {
    const { value: node, path, depth } = stack.pop()!;
    if (typeof node === 'string') {
      if (!isStorableText(node)) return { path, message: UNSTORABLE_MESSAGE };
      continue;
    }
    if (typeof node !== 'object' || node === null || node instanceof Date) continue;
    if (depth >= maxDepth) return { path, message: `Nested more than ${maxDepth} levels deep` };
    const entries: [string | number, unknown][] = Array.isArray(node)
      ? node.map((v, i) => [i, v])
      : Object.entries(node);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i]!;
      const shown = typeof key === 'number' ? key : renameKey(key);
      const childPath = shown === null ? path : join(path, shown);
      if (typeof key === 'string' && !isStorableText(key)) return { path: childPath, message: UNSTORABLE_MESSAGE };
      stack.push({ value: child, path: childPath, depth: depth + 1 });
    }
  }
  return null;
}
