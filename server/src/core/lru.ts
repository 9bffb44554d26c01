/**
 * A small least-recently-used cache. Analyses of an edited report re-read only what changed, so
 * per-text caches fill with versions of the passages being typed; evicting the least recently
 * used keeps memory flat across any number of edits while every unchanged passage stays cached.
 */
export class Lru<K, V> {
  private readonly map = new Map<K, V>();

  constructor(private readonly limit: number) {}

  get(key: K): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      // Map keeps insertion order: re-inserting marks the entry as the most recent.
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }

  set(key: K, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.limit) {
      // Evict the oldest tenth at once, so eviction costs O(1) per insertion on average.
      let n = Math.ceil(this.limit / 10);
      for (const k of this.map.keys()) {
        if (n-- <= 0) break;
        this.map.delete(k);
      }
    }
  }

  get size(): number {
    return this.map.size;
  }
}

/** `fn` remembered per string argument, least recently used forgotten first. */
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
