import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASSET_MAX_AGE_SECONDS } from '../src/plugins/web-app.ts';
import { buildTestApp, type TestApp } from './app.ts';

describe('serving the built web app', () => {
  let t: TestApp;
  let distDir: string;
  beforeAll(async () => {
    distDir = await mkdtemp(path.join(os.tmpdir(), 'nano-web-'));
    await mkdir(path.join(distDir, 'assets'));
    await writeFile(
      path.join(distDir, 'index.html'),
      '<!doctype html><html lang="de"><head><meta name="csp-nonce" content="__CSP_NONCE__"><script type="module" src="/assets/app-3f2a.js"></script></head><body><div id="root"></div></body></html>',
    );
    await writeFile(path.join(distDir, 'assets', 'app-3f2a.js'), 'console.log("app")');
    await writeFile(path.join(distDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    t = await buildTestApp({ WEB_DIST_DIR: distDir });
  });
  afterAll(async () => {
    await t.close();
    await rm(distDir, { recursive: true, force: true });
  });

  it('serves index.html for client-side routes, uncached, with a fresh CSP nonce', async () => {
    const first = await t.app.inject({
      method: 'GET',
      url: '/nanos/some-id',
      headers: { accept: 'text/html' },
    });
    expect(first.statusCode).toBe(200);
    expect(first.headers['cache-control']).toBe('no-cache');
    const nonce = /content="([^"]+)"/.exec(first.body)?.[1];
    expect(nonce).toMatch(/^[A-Za-z0-9+/=_-]{16,}$/);
    expect(String(first.headers['content-security-policy'])).toContain(`'nonce-${nonce}'`);
    const second = await t.app.inject({ method: 'GET', url: '/', headers: { accept: 'text/html' } });
    expect(/content="([^"]+)"/.exec(second.body)?.[1]).not.toBe(nonce);
  });

  it('serves hashed assets as immutable for a year', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/assets/app-3f2a.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe(`public, max-age=${ASSET_MAX_AGE_SECONDS}, immutable`);
  });

  it('serves other static files with a short cache', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/favicon.svg' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=3600');
  });

  it('keeps answering unknown API paths and missing assets with problem JSON', async () => {
    const api = await t.app.inject({
      method: 'GET',
      url: '/api/v1/unknown',
      headers: { accept: 'text/html' },
    });
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toContain('application/problem+json');
    const asset = await t.app.inject({ method: 'GET', url: '/assets/missing.js' });
    expect(asset.statusCode).toBe(404);
  });
});
