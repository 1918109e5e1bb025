import pg from 'pg';
import { inject, describe, expect, it } from 'vitest';
import { createUser } from '../support/factories.js';
import { demo, gql, login, ok } from '../support/gql.js';

interface AuditPage {
  auditLog: {
    totalCount: number;
    edges: {
      node: {
        operation: string;
        entityType: string;
        entityId: string | null;
        actorId: string | null;
        diff: Record<string, unknown>;
      };
    }[];
  };
}
const auditQuery =
  'query($f: AuditLogFilter, $first: Int!) { auditLog(filter: $f, first: $first) { totalCount edges { node { operation entityType entityId actorId diff } } } }';

describe('audit log', () => {
  it('N mutations by one user produce exactly N audit rows, with redacted diffs', async () => {
    const user = await createUser();
    const admin = await login(demo.province_admin);
    const before = ok(await gql<AuditPage>(auditQuery, { f: { actorId: user.id }, first: 50 }, { token: admin }))
      .auditLog.totalCount;
    const N = 5;
    for (let i = 0; i < N - 1; i++) {
      ok(
        await gql(
          'mutation($i: UpdateProfileInput!) { updateProfile(input: $i) { id } }',
          { i: { displayName: `Name ${i}` } },
          { token: user.token },
        ),
      );
    }
    ok(
      await gql(
        'mutation($i: ChangePasswordInput!) { changePassword(input: $i) }',
        { i: { currentPassword: user.password, newPassword: 'a-new-password-99' } },
        { token: user.token },
      ),
    );
    // A refused mutation writes nothing.
    await gql(
      'mutation($i: ChangePasswordInput!) { changePassword(input: $i) }',
      { i: { currentPassword: 'wrong-wrong', newPassword: 'x-new-password-99' } },
      { token: user.token },
    );

    const page = ok(
      await gql<AuditPage>(auditQuery, { f: { actorId: user.id }, first: 50 }, { token: admin }),
    ).auditLog;
    expect(page.totalCount - before).toBe(N);
    const ops = page.edges.map((e) => e.node.operation);
    expect(ops.filter((o) => o === 'updateProfile')).toHaveLength(N - 1);
    const pw = page.edges.find((e) => e.node.operation === 'changePassword')!.node;
    expect(pw.entityId).toBe(user.id);
    expect(JSON.stringify(pw.diff)).not.toContain('a-new-password-99');
    expect(pw.diff).toEqual({ passwordHash: { from: '[redacted]', to: '[redacted]' } });
    const profile = page.edges.find((e) => e.node.operation === 'updateProfile')!.node;
    expect(profile.diff).toHaveProperty('displayName');
  });

  it('sign-up records the new account with its email redacted', async () => {
    const user = await createUser();
    const admin = await login(demo.province_admin);
    const page = ok(
      await gql<AuditPage>(auditQuery, { f: { entityType: 'User', entityId: user.id }, first: 10 }, { token: admin }),
    ).auditLog;
    const signUp = page.edges.find((e) => e.node.operation === 'signUp')!.node;
    expect(signUp.actorId).toBe(user.id);
    expect(JSON.stringify(signUp.diff)).not.toContain(user.email);
    expect((signUp.diff.email as { to: string }).to).toBe('[redacted]');
  });

  it('filters by date', async () => {
    const admin = await login(demo.province_admin);
    const future = new Date(Date.now() + 86_400_000).toISOString();
    const page = ok(await gql<AuditPage>(auditQuery, { f: { from: future }, first: 5 }, { token: admin })).auditLog;
    expect(page.totalCount).toBe(0);
  });

  it('the application database role cannot UPDATE, DELETE or TRUNCATE audit rows', async () => {
    await createUser();
    const client = new pg.Client({ connectionString: inject('databaseUrl') });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: string }>('select count(*) as n from audit_entry');
      expect(Number(rows[0]!.n)).toBeGreaterThan(0);
      await expect(client.query("update audit_entry set operation = 'tampered'")).rejects.toThrow(/append-only/);
      await expect(client.query('delete from audit_entry')).rejects.toThrow(/append-only/);
      await expect(client.query('truncate audit_entry')).rejects.toThrow(/append-only/);
      const after = await client.query<{ n: string }>(
        "select count(*) as n from audit_entry where operation = 'tampered'",
      );
      expect(Number(after.rows[0]!.n)).toBe(0);
    } finally {
      await client.end();
    }
  });
});
