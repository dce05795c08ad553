// Module hooks for the smoke test (see main-bundle.test.ts): `electron` resolves to the
// stand-in, and the built main bundle may import nothing but `electron` and Node's built-ins,
// because the packaged app ships no node_modules.
import { isBuiltin } from 'node:module';

const STAND_IN = new URL('./electron-stand-in.mjs', import.meta.url).href;

export async function resolve(specifier, context, next) {
  if (specifier === 'electron') return { url: STAND_IN, shortCircuit: true };
  if (context.parentURL?.includes('/out/main/') && !isBuiltin(specifier) && !specifier.startsWith('.')) {
    throw new Error(`The main bundle imports ${specifier}, which the packaged app does not ship.`);
  }
  return next(specifier, context);
}
