/**
 * Answers kept in memory for as long as the data they were computed from has not changed.
 *
 * Each entry carries the version of its source (e.g. a counter the database raises on every
 * write); a read with another version computes afresh. Concurrent reads of the same key and
 * version share one computation; a failed computation is not kept. The least recently used
 * entry leaves once `max` are kept.
 */
export class VersionedCache<T> {
  private readonly entries = new Map<string, { version: string; value: Promise<T> }>();

  constructor(private readonly max = 100) {}

  get(key: string, version: string, compute: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    this.entries.delete(key);
    if (hit && hit.version === version) {
      this.entries.set(key, hit);
      return hit.value;
    }
    const value = compute();
    const entry = { version, value };
    this.entries.set(key, entry);
    value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }
}
