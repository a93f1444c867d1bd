import type { AdminCategoryTree, CategoryTree } from '@nano/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../app.ts';
import { testDatabaseKind } from '../database.ts';
import { createDraft } from '../nano-fixtures.ts';
import { auditRows, type Signed, signedIn } from './admin-fixtures.ts';

const ADMIN_CATEGORIES = '/api/v1/admin/categories';
const name = (de: string) => ({ de, en: `${de} (en)` });

describe(`admin: taxonomy editor (${testDatabaseKind})`, () => {
  let t: TestApp;
  let admin: Signed;
  let creator: Signed;

  beforeAll(async () => {
    t = await buildTestApp();
    admin = await signedIn(t, 'admin');
    creator = await signedIn(t, 'creator');
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  const adminTree = async (): Promise<AdminCategoryTree> => (await admin.client.get(ADMIN_CATEGORIES)).json();
  const publicTree = async (): Promise<CategoryTree> =>
    (await creator.client.get('/api/v1/categories')).json();
  const node = async (slug: string) =>
    (await adminTree()).items.flatMap((parent) => [parent, ...parent.children]).find((n) => n.slug === slug);
  const childSlugs = async (parentSlug: string) =>
    (await adminTree()).items
      .find((parent) => parent.slug === parentSlug)
      ?.children.map((child) => child.slug);
  const create = (body: Record<string, unknown>) => admin.client.post(ADMIN_CATEGORIES, body);
  const patch = (id: string, body: Record<string, unknown>) =>
    admin.client.patch(`${ADMIN_CATEGORIES}/${id}`, body);

  it('creates a top-level category and children at the end, audited', async () => {
    const parent = await create({ slug: 'zukunft', name: name('Zukunft') });
    expect(parent.statusCode, parent.body).toBe(201);
    const topLevel = (await adminTree()).items;
    expect(parent.json()).toMatchObject({
      slug: 'zukunft',
      parentId: null,
      position: topLevel.length - 1,
      active: true,
      nanoCount: 0,
    });
    for (const slug of ['zk-energie', 'zk-mobil', 'zk-kreis']) {
      const child = await create({ slug, name: name(slug), parentId: parent.json().id });
      expect(child.statusCode, child.body).toBe(201);
    }
    expect(await childSlugs('zukunft')).toEqual(['zk-energie', 'zk-mobil', 'zk-kreis']);
    expect((await node('zk-kreis'))?.position).toBe(2);
    const [event] = await auditRows(t, { action: 'taxonomy.category_created', targetId: parent.json().id });
    expect(event?.details).toEqual({
      after: {
        slug: 'zukunft',
        name: name('Zukunft'),
        parentId: null,
        position: topLevel.length - 1,
        active: true,
      },
    });
    expect((await publicTree()).items.map((item) => item.slug)).toContain('zukunft');
  });

  it('refuses a taken slug (409), a child as parent and an unknown parent (400)', async () => {
    const taken = await create({ slug: 'zk-energie', name: name('Energie 2') });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({
      code: 'slug_taken',
      errors: [{ field: 'body.slug', code: 'slug_taken' }],
    });
    const energie = await node('zk-energie');
    const underChild = await create({ slug: 'solar', name: name('Solar'), parentId: energie?.id });
    expect(underChild.statusCode).toBe(400);
    expect(underChild.json().errors[0]).toMatchObject({
      field: 'body.parentId',
      code: 'category_parent_not_top_level',
    });
    const unknown = await create({
      slug: 'solar',
      name: name('Solar'),
      parentId: '0190a0a0-0000-7000-8000-000000000000',
    });
    expect(unknown.statusCode).toBe(400);
    expect((await create({ slug: 'Nicht Erlaubt', name: name('x') })).statusCode).toBe(400);
  });

  it('renames and reorders within a level, renumbering the positions', async () => {
    const kreislauf = await node('zk-kreis');
    const res = await patch(kreislauf?.id ?? '', { position: 0, name: name('Kreislaufwirtschaft') });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ position: 0, name: name('Kreislaufwirtschaft') });
    expect(await childSlugs('zukunft')).toEqual(['zk-kreis', 'zk-energie', 'zk-mobil']);
    const positions = (await adminTree()).items
      .find((parent) => parent.slug === 'zukunft')
      ?.children.map((child) => child.position);
    expect(positions).toEqual([0, 1, 2]);
    const [event] = await auditRows(t, {
      action: 'taxonomy.category_updated',
      targetId: kreislauf?.id ?? '',
    });
    expect(event?.details).toEqual({
      slug: 'zk-kreis',
      before: { name: name('zk-kreis'), position: 2 },
      after: { name: name('Kreislaufwirtschaft'), position: 0 },
    });
  });

  it('moves a child to another parent and to the top level; refuses invalid moves', async () => {
    const [firstParent] = (await adminTree()).items;
    const energie = await node('zk-energie');
    const moved = await patch(energie?.id ?? '', { parentId: firstParent?.id, position: 1 });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ parentId: firstParent?.id, position: 1 });
    expect(await childSlugs('zukunft')).toEqual(['zk-kreis', 'zk-mobil']);
    const siblings = (await adminTree()).items[0]?.children ?? [];
    expect(siblings.map((child) => child.position)).toEqual(siblings.map((_, index) => index));
    expect(siblings[1]?.slug).toBe('zk-energie');

    const toTop = await patch(energie?.id ?? '', { parentId: null });
    expect(toTop.statusCode).toBe(200);
    expect((await adminTree()).items.at(-1)?.slug).toBe('zk-energie');

    const parent = await node('zukunft');
    const withChildren = await patch(parent?.id ?? '', { parentId: firstParent?.id });
    expect(withChildren.json().errors[0]).toMatchObject({ code: 'category_has_children' });
    const self = await patch(energie?.id ?? '', { parentId: energie?.id });
    expect(self.json().errors[0]).toMatchObject({ code: 'category_self_parent' });
    const mobilitaet = await node('zk-mobil');
    const underChild = await patch(energie?.id ?? '', { parentId: mobilitaet?.id });
    expect(underChild.statusCode).toBe(400);
    expect(underChild.json().errors[0]).toMatchObject({ code: 'category_parent_not_top_level' });
    expect((await patch('0190a0a0-0000-7000-8000-000000000000', { active: false })).statusCode).toBe(404);
  });

  it('deactivates: gone from the public tree and the upload form, kept on existing Nanos and counted', async () => {
    const mobilitaet = await node('zk-mobil');
    const nanoId = await createDraft(t, creator.client, { categoryIds: [mobilitaet?.id] });
    expect((await node('zk-mobil'))?.nanoCount).toBe(1);

    const res = await patch(mobilitaet?.id ?? '', { active: false });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ active: false, nanoCount: 1 });
    const tree = await publicTree();
    const offered = tree.items.flatMap((parent) => [parent, ...parent.children]).map((n) => n.slug);
    expect(offered).not.toContain('zk-mobil');
    expect(tree.inactive?.map((n) => n.slug)).toEqual(['zk-mobil']);

    // Still on the Nano it was filed under, also when its categories are saved again; never newly chosen.
    const kreis = await node('zk-kreis');
    const edited = await creator.client.patch(`/api/v1/nanos/${nanoId}`, {
      title: 'Neuer Titel',
      categoryIds: [mobilitaet?.id, kreis?.id],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().categoryIds.sort()).toEqual([mobilitaet?.id, kreis?.id].sort());
    const refused = await createDraft(t, creator.client, { categoryIds: [mobilitaet?.id] }).catch(
      (error: Error) => error,
    );
    expect(String(refused)).toContain('category_inactive');

    // A deactivated parent takes its children out of the offer.
    const parent = await node('zukunft');
    await patch(parent?.id ?? '', { active: false });
    const afterParent = await publicTree();
    expect(afterParent.items.map((item) => item.slug)).not.toContain('zukunft');
    expect(afterParent.inactive?.map((n) => n.slug).sort()).toEqual(['zk-kreis', 'zk-mobil', 'zukunft']);

    await patch(parent?.id ?? '', { active: true });
    await patch(mobilitaet?.id ?? '', { active: true });
    expect((await publicTree()).inactive).toEqual([]);
  });
});
