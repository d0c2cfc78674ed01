import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ApiError } from './api-error.js';

/**
 * The renderer's pages and assets when a built renderer is there, and the answer to everything
 * else: a page address loads the one app (its client-side routes), an unknown API path a 404 body.
 */
export async function registerRendererPages(app: FastifyInstance, rendererDir: string | undefined): Promise<void> {
  const hasRenderer = rendererDir !== undefined && existsSync(join(rendererDir, 'index.html'));
  if (hasRenderer) {
    await app.register(fastifyStatic, { root: rendererDir, prefix: '/', wildcard: false, index: false, cacheControl: false });
    // Hashed asset names never change content; the HTML must always be fresh.
    app.addHook('onSend', async (req, reply) => {
      if (req.url.startsWith('/assets/')) reply.header('Cache-Control', 'public, max-age=31536000, immutable');
    });
  }
  app.setNotFoundHandler((req, reply) => {
    const isPage = req.method === 'GET' && !req.url.startsWith('/api/') && rendererDir && existsSync(join(rendererDir, 'index.html'));
    if (isPage) {
      // Client-side routes (/kiosk, /clerk …) all load the one app.
      return reply.header('Cache-Control', 'no-store').sendFile('index.html');
    }
    const err = new ApiError('not_found', `No route ${req.method} ${req.url.split('?')[0]}`);
    return reply.code(err.status).send(err.body());
  });
}
