import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { sendProblem } from './error-handler.ts';

/** Hashed build assets never change under their name: cache them for a year. */
export const ASSET_MAX_AGE_SECONDS = 31_536_000;
/** Paths that belong to the server and never fall back to the web app. */
const SERVER_PREFIXES = ['/api/', '/health/', '/metrics', '/dev/'];

/**
 * Serves the built web app: hashed assets with long-lived immutable caching, and `index.html`
 * (never cached, with the request's CSP nonce) for every other GET that accepts HTML, so
 * client-side routes survive a reload. Unknown API paths get problem JSON instead.
 */
export const webAppPlugin = fp<{ distDir: string | undefined }>(
  async (app: FastifyInstance, { distDir }) => {
    const indexPath = distDir ? path.join(distDir, 'index.html') : undefined;
    const hasWebApp = indexPath !== undefined && existsSync(indexPath);
    if (!hasWebApp) {
      app.log.warn({ distDir }, 'web app build not found; serving the API only (run `npm run build`)');
    }
    const indexTemplate = hasWebApp && indexPath ? readFileSync(indexPath, 'utf8') : '';

    if (hasWebApp && distDir) {
      await app.register(fastifyStatic, {
        root: distDir,
        prefix: '/',
        index: false,
        wildcard: false,
        globIgnore: ['index.html'],
        setHeaders: (reply, filePath) => {
          const isHashedAsset = filePath.includes(`${path.sep}assets${path.sep}`);
          reply.header(
            'cache-control',
            isHashedAsset ? `public, max-age=${ASSET_MAX_AGE_SECONDS}, immutable` : 'public, max-age=3600',
          );
        },
      });
    }

    const sendIndex = (reply: FastifyReply) => {
      const nonce = reply.cspNonce?.style ?? '';
      return reply
        .header('cache-control', 'no-cache')
        .type('text/html; charset=utf-8')
        .send(indexTemplate.replaceAll('__CSP_NONCE__', nonce));
    };

    app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
      const pathname = request.url.split('?')[0] ?? '/';
      const wantsHtml = (request.headers.accept ?? '').includes('text/html');
      const isServerPath = SERVER_PREFIXES.some((prefix) => pathname.startsWith(prefix));
      if (
        hasWebApp &&
        (request.method === 'GET' || request.method === 'HEAD') &&
        wantsHtml &&
        !isServerPath
      ) {
        return sendIndex(reply);
      }
      return sendProblem(request, reply, 'route_not_found');
    });
  },
  { name: 'web-app', dependencies: ['error-handler', 'security-headers'] },
);
