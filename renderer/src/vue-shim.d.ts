// A script (no top-level import or export), so this declares every `*.vue` import for tools that
// read TypeScript without Vue's plugin (type-aware ESLint). vue-tsc resolves the real components.
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}
