import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { appUrl } from '../support/gql.js';

describe('health', () => {
  it('GET /healthz says the process is up', async () => {
    const res = await request(appUrl()).get('/healthz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('GET /readyz checks the database', async () => {
    const res = await request(appUrl()).get('/readyz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ready' });
  });
});
