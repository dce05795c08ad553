import { relative, resolve } from 'node:path';

/**
 * The file an `app://rapport/…` URL names inside the built renderer, or null for any other host
 * and for any path that would leave the renderer folder (or name the folder itself).
 */
export function rendererFilePath(rootDir: string, url: string, host: string): string | null {
  let parsed: URL;
  let pathname: string;
  try {
    parsed = new URL(url);
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (parsed.host !== host || pathname.includes('\0')) return null;
  const root = resolve(rootDir);
  const path = resolve(root, `.${pathname}`);
  const inside = relative(root, path);
  if (inside === '' || inside.startsWith('..') || resolve(root, inside) !== path) return null;
  return path;
}
