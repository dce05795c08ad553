import { isRef, toRaw } from 'vue';

/**
 * A copy of `value` that Electron's contextBridge and IPC accept: plain objects, arrays and
 * primitives only. Vue's reactive objects are Proxies, which the bridge refuses ("An object
 * could not be cloned"), so every level is rebuilt as a plain object or array. Values are read
 * through the reactive Proxy, not from toRaw's target, so refs nested in a reactive object
 * arrive as their values, as the view saw them. Functions, symbols, class instances and cycles
 * are refused with a TypeError: they are a fault in the calling view, and the bridge would
 * refuse or mangle them.
 */
export function toPlainData(value: unknown): unknown {
  return copy(value, new Set());
}

function copy(value: unknown, ancestors: Set<object>): unknown {
  const item: unknown = isRef(value) ? value.value : value;
  if (typeof item === 'function' || typeof item === 'symbol') {
    throw new TypeError(`A ${typeof item} cannot be sent to Rapport's main process.`);
  }
  if (typeof item !== 'object' || item === null) return item;
  const identity = toRaw(item);
  if (ancestors.has(identity)) throw new TypeError('Data that contains itself cannot be sent to Rapport.');
  ancestors.add(identity);
  try {
    if (Array.isArray(item)) return Array.from(item as unknown[], (element) => copy(element, ancestors));
    const prototype: unknown = Object.getPrototypeOf(item);
    if (prototype !== Object.prototype && prototype !== null) {
      throw new TypeError(`A ${identity.constructor?.name ?? 'class'} instance cannot be sent to Rapport's main process.`);
    }
    const plain: Record<string, unknown> = {};
    for (const [key, element] of Object.entries(item)) plain[key] = copy(element, ancestors);
    return plain;
  } finally {
    ancestors.delete(identity);
  }
}
