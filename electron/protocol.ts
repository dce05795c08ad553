import { net, protocol } from 'electron';
import { stat } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { APP_ORIGIN, APP_SCHEME, CONTENT_SECURITY_POLICY } from './security/origins';
import { rendererFilePath } from './security/renderer-path';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isFile() ?? false;
}

/**
 * Serves the built renderer from `app://rapport/…`, refusing any path outside it. A missing
 * file answers 404 like any server: net.fetch would reject, and a handler that throws leaves
 * the page with a bare network error.
 */
export function serveRenderer(rootDir: string): void {
  const host = new URL(APP_ORIGIN).host;
  protocol.handle(APP_SCHEME, async (request) => {
    const path = rendererFilePath(rootDir, request.url, host);
    if (!path || !(await isFile(path))) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(path).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}
