import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../app.ts';
import { testDatabaseKind } from '../database.ts';
import { createUser } from '../factories.ts';
import { signInFresh } from './identity-helpers.ts';

describe(`ownership of account data (${testDatabaseKind})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it("keeps user A away from user B's sessions and data", async () => {
    const a = await createUser(t);
    const b = await createUser(t);
    const clientA = await signInFresh(t, a, { userAgent: 'Browser of A' });
    const clientB = await signInFresh(t, b, { userAgent: 'Browser of B' });

    const sessionsOfB = (await clientB.get('/api/v1/auth/sessions')).json<{ items: Array<{ id: string }> }>();
    const sessionOfB = sessionsOfB.items[0]?.id ?? '';

    const revoke = await clientA.delete(`/api/v1/auth/sessions/${sessionOfB}`);
    expect(revoke.statusCode).toBe(404);
    expect((await clientB.get('/api/v1/auth/me')).statusCode).toBe(200);

    const listOfA = (await clientA.get('/api/v1/auth/sessions')).json<{
      items: Array<{ id: string; userAgent: string }>;
    }>();
    expect(listOfA.items.map((s) => s.userAgent)).toEqual(['Browser of A']);
    expect(listOfA.items.map((s) => s.id)).not.toContain(sessionOfB);

    const me = await clientA.get('/api/v1/auth/me');
    expect(me.json()).toMatchObject({ id: a.id, username: a.username, email: a.email });
    expect(me.body).not.toContain(b.id);
    expect(me.body).not.toContain(b.email);
    expect(me.body).not.toContain(b.username);
  });

  it('never mixes up two users signed in from the same browser type and address', async () => {
    const a = await createUser(t);
    const b = await createUser(t);
    const clientA = await signInFresh(t, a, { ip: '203.0.113.10' });
    const clientB = await signInFresh(t, b, { ip: '203.0.113.10' });
    expect((await clientA.get('/api/v1/auth/me')).json()).toMatchObject({ id: a.id });
    expect((await clientB.get('/api/v1/auth/me')).json()).toMatchObject({ id: b.id });
    expect((await clientA.post('/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await clientB.get('/api/v1/auth/me')).json()).toMatchObject({ id: b.id });
  });
});
