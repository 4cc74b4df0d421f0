/**
 * In-process locks over artifact paths. Writers of one path run one at a time (Flux holds a
 * `<file>.lock` flock for this; one process owns the storage here, so a mutex suffices). Readers
 * (the artifact server) take a lease while streaming, and garbage collection skips leased files,
 * so a download in progress never loses its file.
 */
export class ArtifactLocks {
  private readonly writers = new Map<string, Promise<void>>();
  private readonly readers = new Map<string, number>();

  async withWriteLock<T>(path: string, fn: () => Promise<T>): Promise<T> {
    const prev = this.writers.get(path) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((r) => (release = r));
    const chained = prev.then(() => mine);
    this.writers.set(path, chained);
    await prev;
    try {
      return await fn();
    } finally {
      release();
      if (this.writers.get(path) === chained) this.writers.delete(path);
    }
  }

  /** Marks `path` as being read until the returned function is called. */
  lease(path: string): () => void {
    this.readers.set(path, (this.readers.get(path) ?? 0) + 1);
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const n = (this.readers.get(path) ?? 1) - 1;
      if (n <= 0) this.readers.delete(path);
      else this.readers.set(path, n);
    };
  }

  isLeased(path: string): boolean {
    return (this.readers.get(path) ?? 0) > 0;
  }
}
