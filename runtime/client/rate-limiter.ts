/**
 * Client-side token bucket, as client-go's flowcontrol.NewTokenBucketRateLimiter: `qps` tokens per
 * second refill a bucket of `burst` tokens; each request takes one, waiting when it is empty. Flux's
 * defaults are --kube-api-qps=50 and --kube-api-burst=300.
 */

export interface RateLimiterOptions {
  /** Sustained requests per second. `0` or less disables limiting. @default 50 */
  readonly qps: number;
  /** Bucket size (requests allowed in a burst). @default 300 */
  readonly burst: number;
}

export function defaultRateLimiterOptions(): RateLimiterOptions {
  return { qps: 50, burst: 300 };
}

export class TokenBucket {
  private tokens: number;
  private last: number;
  private readonly waiters: (() => void)[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private opts: RateLimiterOptions = defaultRateLimiterOptions(),
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = Math.max(1, opts.burst);
    this.last = now();
  }

  get disabled(): boolean {
    return !(this.opts.qps > 0);
  }

  private refill(): void {
    const t = this.now();
    this.tokens = Math.min(Math.max(1, this.opts.burst), this.tokens + ((t - this.last) / 1000) * this.opts.qps);
    this.last = t;
  }

  /**
   * Stops limiting from now on and releases every waiter: client-go's negative QPS/Burst, which Flux
   * sets when the server runs API Priority and Fairness.
   */
  switchOff(): void {
    this.opts = { qps: -1, burst: -1 };
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    for (const w of this.waiters.splice(0)) w();
  }

  /** Takes a token without waiting; false when the bucket is empty. */
  tryAcquire(): boolean {
    if (this.disabled) return true;
    this.refill();
    if (this.waiters.length === 0 && this.tokens >= 1) {
      this.tokens -= 1;
      return true;
    }
    return false;
  }

  /** Resolves once a token is available (FIFO among waiters). */
  acquire(): Promise<void> {
    if (this.tryAcquire()) return Promise.resolve();
    return new Promise((resolve) => {
      this.waiters.push(resolve);
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.timer || this.waiters.length === 0) return;
    this.refill();
    const wait = this.tokens >= 1 ? 0 : ((1 - this.tokens) / this.opts.qps) * 1000;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.refill();
      while (this.waiters.length > 0 && this.tokens >= 1) {
        this.tokens -= 1;
        this.waiters.shift()?.();
      }
      this.schedule();
    }, Math.ceil(wait));
  }
}
