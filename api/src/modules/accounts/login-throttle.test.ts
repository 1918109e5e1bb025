import { describe, expect, it } from 'vitest';
import { LoginThrottle } from './login-throttle.js';

describe('LoginThrottle', () => {
  it('blocks the 11th attempt on one account within the window, then forgets', () => {
    let now = 0;
    const t = new LoginThrottle(10, 50, 60_000, () => now);
    for (let i = 0; i < 10; i++) {
      expect(t.isBlocked('a@x', `10.0.0.${i}`)).toBe(false);
      t.recordFailure('a@x', `10.0.0.${i}`);
    }
    expect(t.isBlocked('a@x', '10.0.0.99')).toBe(true);
    expect(t.isBlocked('b@x', '10.0.0.99')).toBe(false);
    now = 60_001;
    expect(t.isBlocked('a@x', '10.0.0.99')).toBe(false);
  });

  it('blocks an address that tries many accounts', () => {
    const t = new LoginThrottle(10, 3, 60_000, () => 0);
    for (let i = 0; i < 3; i++) t.recordFailure(`u${i}@x`, '1.2.3.4');
    expect(t.isBlocked('fresh@x', '1.2.3.4')).toBe(true);
    expect(t.isBlocked('fresh@x', '1.2.3.5')).toBe(false);
  });
});
