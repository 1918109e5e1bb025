/**
 * Counts failed logins in a sliding window, per account and per client address. Kept in memory:
 * one API process serves a deployment today; several processes would move this to the database.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly maxPerAccount: number,
    private readonly maxPerAddress: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** True when another attempt for this account or from this address must be refused. */
  isBlocked(email: string, address: string): boolean {
    return this.recent(`a:${email}`) >= this.maxPerAccount || this.recent(`ip:${address}`) >= this.maxPerAddress;
  }

  recordFailure(email: string, address: string): void {
    for (const key of [`a:${email}`, `ip:${address}`]) {
      const list = this.failures.get(key) ?? [];
      list.push(this.now());
      this.failures.set(key, list);
    }
    this.prune();
  }

  private recent(key: string): number {
    const since = this.now() - this.windowMs;
    const list = (this.failures.get(key) ?? []).filter((t) => t > since);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list.length;
  }

  /** Keeps memory bounded under a flood of distinct keys. */
  private prune(): void {
    if (this.failures.size < 10_000) return;
    const since = this.now() - this.windowMs;
    for (const [key, list] of this.failures) {
      if (!list.some((t) => t > since)) this.failures.delete(key);
    }
  }
}
