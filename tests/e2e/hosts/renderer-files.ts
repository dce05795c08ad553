import type { Route } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { extname, relative, resolve } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../../electron/security/origins';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Answers a request for the built renderer the way Electron's app:// handler does
 * (electron/protocol.ts): files under the root only, with the production CSP.
 */
export async function fulfilFromRenderer(route: Route, rootDir: string): Promise<void> {
  const root = resolve(rootDir);
  const pathname = decodeURIComponent(new URL(route.request().url()).pathname);
  const path = resolve(root, `.${pathname === '/' ? '/index.html' : pathname}`);
  const inside = relative(root, path);
  const headers = { 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' };
  if (inside.startsWith('..') || inside === '') {
    await route.fulfill({ status: 404, headers, body: 'Not found' });
    return;
  }
  let body: Buffer;
  try {
    body = await readFile(path);
  } catch {
    await route.fulfill({ status: 404, headers, body: 'Not found' });
    return;
  }
  const contentType = CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
  await route.fulfill({ status: 200, headers: { ...headers, 'Content-Type': contentType }, body });
}
