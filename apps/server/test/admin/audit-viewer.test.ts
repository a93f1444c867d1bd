import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuditService, createAuditService } from '../../src/modules/audit/audit.service.ts';
import { exportAuditEvents } from '../../src/modules/audit/audit-viewer.service.ts';
import { buildTestApp, type TestApp } from '../app.ts';
import { testDatabaseKind } from '../database.ts';
import { createUser, signIn, type TestUser } from '../factories.ts';
import { auditRows, type Signed } from './admin-fixtures.ts';

const AUDIT = '/api/v1/admin/audit';
const ACTOR = { ip: '198.51.100.20', userAgent: null };

describe(`admin: audit log viewer and CSV export (${testDatabaseKind})`, () => {
  let t: TestApp;
  let admin: Signed;
  let audit: AuditService;
  let mia: TestUser;
  let targetId: string;

  beforeAll(async () => {
    t = await buildTestApp();
    t.clock.set(new Date('2026-03-09T12:00:00.000Z'));
    const auditor = await createUser(t, { role: 'admin', username: 'auditorin' });
    mia = await createUser(t, { role: 'creator', username: 'mia-muster' });
    targetId = mia.id;
    audit = createAuditService({ db: t.platform.database.db, clock: t.clock });
    // A known set of events on three days.
    t.clock.set(new Date('2026-03-10T08:00:00.000Z'));
    await audit.record({
      actorId: mia.id,
      action: 'nano.created',
      targetType: 'nano',
      targetId: mia.id,
    });
    t.clock.set(new Date('2026-03-11T23:59:00.000Z'));
    await audit.record({
      actorId: auditor.id,
      action: 'user.role_changed',
      targetType: 'user',
      targetId,
      details: {
        before: { role: 'consumer' },
        after: { role: 'creator' },
        remark: 'Komma, "Zitat"\nZeile 2',
      },
    });
    t.clock.set(new Date('2026-03-12T00:00:00.000Z'));
    await audit.record({
      actorId: null,
      action: 'auth.login.failure',
      targetType: '@sum',
      targetId: '-1+2',
      userAgent: '=HYPERLINK("http://evil.example")',
      outcome: 'failure',
    });
    t.clock.set(new Date('2026-03-13T10:00:00.000Z'));
    admin = { user: auditor, client: await signIn(t, auditor, { ip: '10.99.0.1' }) };
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  const list = async (query: string) => {
    const res = await admin.client.get(`${AUDIT}?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: Array<Record<string, unknown>>; total: number };
  };

  it('filters by action, actor (id or username), target type and target', async () => {
    const byAction = await list('action=user.role_changed');
    expect(byAction.total).toBe(1);
    expect(byAction.items[0]).toMatchObject({
      action: 'user.role_changed',
      at: '2026-03-11T23:59:00.000Z',
      actor: { id: admin.user.id, username: 'auditorin' },
      targetType: 'user',
      targetId,
      outcome: 'success',
      details: { before: { role: 'consumer' }, after: { role: 'creator' } },
    });
    expect((await list('actor=mia-muster&action=nano.created')).total).toBe(1);
    expect((await list(`actor=${mia.id}&action=nano.created`)).total).toBe(1);
    expect((await list('actor=niemand')).total).toBe(0);
    expect((await list(`targetType=user&target=${targetId}`)).items.map((item) => item.action)).toEqual([
      'user.role_changed',
    ]);
    expect((await list('action=no.such.action')).total).toBe(0);
  });

  it('takes from and to as whole UTC days and lists newest first', async () => {
    const days = await list('from=2026-03-10&to=2026-03-11');
    expect(days.items.map((item) => item.action)).toEqual(['user.role_changed', 'nano.created']);
    expect((await list('from=2026-03-12&to=2026-03-12')).items.map((item) => item.action)).toEqual([
      'auth.login.failure',
    ]);
    const reversed = await admin.client.get(`${AUDIT}?from=2026-03-12&to=2026-03-10`);
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().errors[0]).toMatchObject({ field: 'query.from', code: 'date_range' });
    const page = await list('pageSize=1&page=2&from=2026-03-10&to=2026-03-12');
    expect(page).toMatchObject({ total: 3, page: 2, pageSize: 1 });
    expect(page.items[0]?.action).toBe('user.role_changed');
  });

  it('audits every read with its filters', async () => {
    await list('action=nano.created&from=2026-03-10');
    const reads = await auditRows(t, { action: 'audit.read', actorId: admin.user.id });
    expect(reads.at(-1)?.details).toEqual({
      view: 'list',
      filters: { action: 'nano.created', from: '2026-03-10' },
      page: 1,
      total: 1,
    });
  });

  it('exports CSV: BOM, RFC 4180 quoting, formulas neutralised, the export audited', async () => {
    const res = await admin.client.get(`${AUDIT}/export?from=2026-03-10&to=2026-03-12`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="audit-2026-03-13.csv"');
    expect(res.headers['x-truncated']).toBeUndefined();
    expect(res.body.startsWith('\uFEFFseq,occurred_at,actor_id,actor_username,action,')).toBe(true);
    expect(res.body).toContain('"\'=HYPERLINK(""http://evil.example"")"');
    expect(res.body).toContain(`,"'@sum","'-1+2",failure,`);
    const rows = parse(res.body, { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(rows.map((row) => row.action)).toEqual([
      'auth.login.failure',
      'user.role_changed',
      'nano.created',
    ]);
    expect(rows[0]?.user_agent).toBe('\'=HYPERLINK("http://evil.example")');
    expect(JSON.parse(rows[1]?.details ?? '{}')).toMatchObject({ remark: 'Komma, "Zitat"\nZeile 2' });
    expect(rows[1]?.actor_username).toBe('auditorin');
    const [read] = (await auditRows(t, { action: 'audit.read', actorId: admin.user.id })).slice(-1);
    expect(read?.details).toEqual({
      view: 'export',
      filters: { from: '2026-03-10', to: '2026-03-12' },
      rows: 3,
      total: 3,
    });
  });

  it('keeps at most the row limit, newest first, and says so', async () => {
    const file = await exportAuditEvents(
      { db: t.platform.database.db, clock: t.clock, audit, exportMaxRows: 2 },
      { userId: admin.user.id, ...ACTOR },
      { from: '2026-03-10', to: '2026-03-12' },
    );
    expect(file).toMatchObject({ truncated: true, rows: 2 });
    let text = '';
    for await (const chunk of file.body) {
      text += String(chunk);
    }
    const rows = parse(text, { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(rows.map((row) => row.action)).toEqual(['auth.login.failure', 'user.role_changed']);
  });

  it('lists every action name for the filter', async () => {
    const res = await admin.client.get(`${AUDIT}/actions`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as string[];
    expect(items).toEqual(
      expect.arrayContaining(['audit.read', 'user.role_changed', 'taxonomy.category_updated']),
    );
    expect(items).toEqual([...new Set(items)].sort());
  });
});
