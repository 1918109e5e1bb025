import { describe, expect, it } from 'vitest';
import { diff, redact, REDACTED } from './redact.js';

describe('audit redaction', () => {
  it('replaces secrets and contacts, keeps the rest', () => {
    expect(redact({ password: 'x', email: 'a@b', displayName: 'Ali', nested: { phone: '0911' } })).toEqual({
      password: REDACTED,
      email: REDACTED,
      displayName: 'Ali',
      nested: { phone: REDACTED },
    });
  });

  it('diffs only changed fields and redacts sensitive ones', () => {
    expect(diff({ a: 1, passwordHash: 'h1', b: 2 }, { a: 1, passwordHash: 'h2', b: 3 })).toEqual({
      passwordHash: { from: REDACTED, to: REDACTED },
      b: { from: 2, to: 3 },
    });
  });

  it('records a creation without "from"', () => {
    expect(diff(null, { name: 'x' })).toEqual({ name: { to: 'x' } });
  });
});
