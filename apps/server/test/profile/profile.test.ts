import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../app.ts';
import { createUser, signIn } from '../factories.ts';
import { TestClient } from '../http-client.ts';

/** A multipart body with one `file` part, as a browser form sends it. */
function multipart(file: Buffer, filename: string, contentType: string) {
  const boundary = '----nano-test-boundary';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, file, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe('profiles', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('lets the owner read and change every field; null clears; the phone is encrypted at rest', async () => {
    const user = await createUser(t);
    const c = await signIn(t, user);
    const categories = (await c.get('/api/v1/categories')).json().items;
    const excel = categories[0].children[0].id;
    const res = await c.patch('/api/v1/me/profile', {
      displayName: 'Lea Lernt',
      bio: 'Ich lerne gern kurz.',
      company: 'Musterfirma GmbH',
      jobTitle: 'Personalentwicklung',
      website: 'https://example.org/lea',
      phone: '+49 30 1234567',
      interests: [excel, excel],
      locale: 'en',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      displayName: 'Lea Lernt',
      phone: '+49 30 1234567',
      interests: [excel],
      locale: 'en',
    });
    const stored = await t.platform.database.db
      .selectFrom('user_profiles')
      .select('phone_encrypted')
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(stored.phone_encrypted).not.toContain('1234567');
    expect(stored.phone_encrypted).toMatch(/^v1\./);

    const cleared = await c.patch('/api/v1/me/profile', { bio: null, phone: null });
    expect(cleared.json()).toMatchObject({ bio: null, phone: null, company: 'Musterfirma GmbH' });
    expect((await c.get('/api/v1/me/profile')).json().company).toBe('Musterfirma GmbH');
  });

  it('validates limits with localised field errors', async () => {
    const c = await signIn(t, await createUser(t));
    const res = await c.patch('/api/v1/me/profile', {
      bio: 'x'.repeat(501),
      website: 'javascript:alert(1)',
      interests: Array.from({ length: 6 }, () => '0190a000-0000-7000-8000-000000000001'),
      phone: 'call me',
    });
    expect(res.statusCode).toBe(400);
    const fields = res
      .json()
      .errors.map((e: { field: string }) => e.field)
      .sort();
    expect(fields).toEqual(['body.bio', 'body.interests', 'body.phone', 'body.website']);
    const unknown = await c.patch('/api/v1/me/profile', {
      interests: ['0190a000-0000-7000-8000-000000000001'],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toEqual([
      { field: 'body.interests', code: 'unknown_category', message: 'Unbekannte Kategorie.' },
    ]);
  });

  it('re-encodes an avatar to a 200×200 WebP without metadata and serves it', async () => {
    const user = await createUser(t, { role: 'creator' });
    const c = await signIn(t, user);
    const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#3366cc' } })
      .jpeg()
      .withExif({ IFD0: { Artist: 'Secret Person', Copyright: 'GPS here' } })
      .toBuffer();
    const upload = multipart(photo, 'foto.jpg', 'image/jpeg');
    const res = await c.request({
      method: 'PUT',
      url: '/api/v1/me/avatar',
      payload: upload.payload,
      headers: upload.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    const url = res.json().avatarUrl as string;
    expect(url).toMatch(new RegExp(`^/api/v1/users/${user.username}/avatar\\?v=`));
    const image = await new TestClient(t.app).get(url);
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/webp');
    const meta = await sharp(image.rawPayload).metadata();
    expect(meta).toMatchObject({ format: 'webp', width: 200, height: 200 });
    expect(meta.exif).toBeUndefined();

    const objects = [];
    for await (const o of t.platform.storage.list(`avatars/${user.id}/`)) {
      objects.push(o);
    }
    expect(objects).toHaveLength(1);
    const second = await c.request({
      method: 'PUT',
      url: '/api/v1/me/avatar',
      ...multipart(photo, 'b.jpg', 'image/jpeg'),
    });
    expect(second.statusCode).toBe(200);
    const after = [];
    for await (const o of t.platform.storage.list(`avatars/${user.id}/`)) {
      after.push(o.key);
    }
    expect(after).toHaveLength(1);

    const removed = await c.delete('/api/v1/me/avatar');
    expect(removed.json().avatarUrl).toBeNull();
    expect((await new TestClient(t.app).get(url)).statusCode).toBe(404);
  });

  it('refuses files that are not images and files over 5 MB', async () => {
    const c = await signIn(t, await createUser(t));
    const fake = await c.request({
      method: 'PUT',
      url: '/api/v1/me/avatar',
      ...multipart(Buffer.from('%PDF-1.7 not an image'), 'x.jpg', 'image/jpeg'),
    });
    expect(fake.statusCode).toBe(415);
    const huge = await c.request({
      method: 'PUT',
      url: '/api/v1/me/avatar',
      ...multipart(Buffer.alloc(5 * 1024 * 1024 + 10, 1), 'big.png', 'image/png'),
    });
    expect(huge.statusCode).toBe(413);
  });

  it('shows creators to everyone and consumers only to signed-in users, never private fields', async () => {
    const creator = await createUser(t, { role: 'creator' });
    const consumer = await createUser(t);
    const cc = await signIn(t, creator);
    await cc.patch('/api/v1/me/profile', { bio: 'Excel in 10 Minuten', phone: '+49 89 555' });
    const consumerClient = await signIn(t, consumer);
    await consumerClient.patch('/api/v1/me/profile', {
      bio: 'privat',
      company: 'Geheim AG',
      phone: '+49 40 777',
    });

    const guest = new TestClient(t.app);
    const card = await guest.get(`/api/v1/users/${creator.username}`);
    expect(card.statusCode).toBe(200);
    expect(card.json()).toMatchObject({
      username: creator.username,
      role: 'creator',
      bio: 'Excel in 10 Minuten',
      verified: false,
    });
    expect(card.body).not.toContain('+49');
    expect(card.body).not.toContain(creator.email);

    expect((await guest.get(`/api/v1/users/${consumer.username}`)).statusCode).toBe(404);
    const seen = await cc.get(`/api/v1/users/${consumer.username}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ username: consumer.username, bio: null, company: null });
    expect(seen.body).not.toContain('Geheim');
    expect(seen.body).not.toContain('+49');
    expect((await guest.get('/api/v1/users/nobody-here')).statusCode).toBe(404);
  });

  it('lets a consumer become a creator', async () => {
    const c = await signIn(t, await createUser(t));
    const res = await c.post('/api/v1/me/become-creator');
    expect(res.statusCode).toBe(200);
    expect(res.json().role).toBe('creator');
    expect((await c.get('/api/v1/auth/me')).json().role).toBe('creator');
  });
});
