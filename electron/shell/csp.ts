export interface PolicyOptions {
  /**
   * Only for `npm run dev`: Vite's dev server injects each component's styles as inline
   * <style> elements, which style-src 'self' refuses, so the page would render unstyled.
   * A build has every style in a file and never gets this.
   */
  development?: boolean;
  /** frame-ancestors only works in a header; a <meta> policy must leave it out. */
  forMeta?: boolean;
}

/** The Content-Security-Policy of every page: nothing remote, no inline script, no eval. */
export function contentSecurityPolicy({ development = false, forMeta = false }: PolicyOptions = {}): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    development ? "style-src 'self' 'unsafe-inline'" : "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    ...(forMeta ? [] : ["frame-ancestors 'none'"]),
  ].join('; ');
}

/** Rewrites the policy in index.html's <meta> tag: used by the dev server only (electron.vite.config.ts). */
export function withDevelopmentPolicy(html: string): string {
  return html.replace(
    /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")[^"]*(")/,
    (_match, start: string, end: string) => `${start}${contentSecurityPolicy({ development: true, forMeta: true })}${end}`,
  );
}
