import type { BrowserContext } from '@playwright/test';

/**
 * Collects what a coach would never see but a reviewer must: uncaught exceptions in any page
 * and what the Content-Security-Policy refused (a remote fetch, an inline script or style).
 */
export class PageErrors {
  private readonly uncaught: string[] = [];
  private readonly refused: string[] = [];

  watch(context: BrowserContext): void {
    context.on('weberror', (webError) => this.uncaught.push(webError.error().message));
    context.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) this.refused.push(message.text());
    });
  }

  uncaughtErrors(): readonly string[] {
    return [...this.uncaught];
  }

  cspRefusals(): readonly string[] {
    return [...this.refused];
  }
}
