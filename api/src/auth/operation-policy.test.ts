import { describe, expect, it } from 'vitest';
import { anyone, checkGate, only, signedIn } from './operation-policy.js';
import { Role } from './roles.js';
import { viewerWith } from './viewer.testing.js';

const viewer = (...roles: Role[]) => viewerWith(...roles.map((role) => ({ role })));

describe('operation gate', () => {
  it('refuses an operation without a rule to everyone, signed in or not', () => {
    expect(checkGate(undefined, null)).toBe('unauthenticated');
    expect(checkGate(undefined, viewer(Role.PROVINCE_ADMIN))).toBe('forbidden');
  });

  it('lets anyone through a public gate', () => {
    expect(checkGate(anyone, null)).toBe('allow');
    expect(checkGate(anyone, viewer(Role.RESIDENT))).toBe('allow');
  });

  it('requires a session for signed-in operations', () => {
    expect(checkGate(signedIn, null)).toBe('unauthenticated');
    expect(checkGate(signedIn, viewer(Role.DONOR))).toBe('allow');
  });

  it('must not let roles outside the list through', () => {
    const gate = only(Role.PROVINCE_ADMIN);
    for (const role of Object.values(Role).filter((r) => r !== Role.PROVINCE_ADMIN)) {
      expect(checkGate(gate, viewer(role))).toBe('forbidden');
    }
    expect(checkGate(gate, viewer(Role.RESIDENT, Role.PROVINCE_ADMIN))).toBe('allow');
  });
});
