/** Every cache of text read so far (they are module-level: one per memoized reading, never many). */
const EVERY = new Set<Lru<unknown, unknown>>();

/**
 * A small cache that forgets what was not used recently: of short strings that recur across
 * passages and reports (the words before a figure, a metric's name — `规模以上工业增加值`), not of
 * passages, which an analysis hands to the next one of its document (findings/reuse.ts). Forgetting
 * the entries not used lately keeps memory flat across any number of edits.
 *
 * Two generations, not a strict LRU: a hit in the current generation costs one Map lookup (a strict
 * LRU re-inserts on every hit, which cost a cold analysis of the sample 8 % of its time); a hit in
 * the previous one moves the entry forward; when the current generation is full it becomes the
 * previous one and the old previous is dropped. An entry used within the last `limit` insertions
 * is never lost, and at most 2 × `limit` entries are kept.
 */
export class Lru<K, V> {
  private current = new Map<K, V>();
  private previous = new Map<K, V>();

  constructor(private readonly limit: number) {
    EVERY.add(this as Lru<unknown, unknown>);
  }

  get(key: K): V | undefined {
    const v = this.current.get(key);
    if (v !== undefined) return v;
    const old = this.previous.get(key);
    if (old !== undefined) {
      this.previous.delete(key);
      this.set(key, old);
    }
    return old;
  }

  set(key: K, value: V): void {
    this.current.set(key, value);
    if (this.current.size >= this.limit) {
      this.previous = this.current;
      this.current = new Map();
    }
  }

  get size(): number {
    return this.current.size + this.previous.size;
  }

  clear(): void {
    this.current = new Map();
    this.previous = new Map();
  }
}

/**
 * Forgets every phrase and name read so far, so that the next analysis reads its text as the first
 * report of a new server would: what the benchmark's first-report measure calls. Word lists and compiled
 * patterns stay (they belong to the process, not to any text).
 */
export function forgetAllTexts(): void {
  for (const cache of EVERY) cache.clear();
}

/** `fn` remembered per string argument, what was not used lately forgotten first. */
export function memoize<T>(fn: (s: string) => T, limit: number): (s: string) => T {
  const cache = new Lru<string, T>(limit);
  return (s: string) => {
    let v = cache.get(s);
    if (v === undefined) {
      v = fn(s);
      cache.set(s, v);
    }
    return v;
  };
}
