import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rendererFilePath } from '../../../electron/security/renderer-path';

const ROOT = resolve('/opt/rapport/out/renderer');

describe('app:// serves only files inside the built renderer', () => {
  it.each([
    ['app://rapport/index.html', join(ROOT, 'index.html')],
    ['app://rapport/assets/index-abc.js', join(ROOT, 'assets/index-abc.js')],
    ['app://rapport/assets/../index.html', join(ROOT, 'index.html')],
    ['app://rapport/index.html?x=1#/clients', join(ROOT, 'index.html')],
    // The URL parser already resolves dot segments against the root, so they cannot climb out.
    ['app://rapport/%2e%2e/%2e%2e/main/main.js', join(ROOT, 'main/main.js')],
  ])('%s is %s', (url, path) => {
    expect(rendererFilePath(ROOT, url, 'rapport')).toBe(path);
  });

  it.each([
    'app://rapport/',
    'app://rapport/..%2F..%2F..%2Fetc%2Fpasswd',
    'app://rapport/..%5C..%5Cmain%5Cmain.js',
    'app://rapport/index.html%00.png',
    'app://rapport/%E0%A4%A',
    'app://evil/index.html',
    'app://rapport.evil/index.html',
    'not a url',
  ])('refuses %s', (url) => {
    expect(rendererFilePath(ROOT, url, 'rapport')).toBeNull();
  });
});
