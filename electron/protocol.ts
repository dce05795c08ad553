import { net, protocol } from 'electron';
import { relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { APP_SCHEME, CONTENT_SECURITY_POLICY } from './security/origins';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer from `app://rapport/…`, refusing any path outside it. */
export function serveRenderer(rootDir: string): void {
  const root = resolve(rootDir);
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const path = resolve(root, `.${decodeURIComponent(url.pathname)}`);
    const inside = relative(root, path);
    if (url.host !== 'rapport' || inside.startsWith('..') || inside === '') {
      return new Response('Not found', { status: 404 });
    }
    const response = await net.fetch(pathToFileURL(path).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}
