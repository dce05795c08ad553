import { shallowRef } from 'vue';

export interface ToastRequest {
  message: string;
  /** Offered as an "Undo" button while the toast shows; the toast closes once it has run. */
  undo?: () => Promise<void>;
}

export interface ShownToast extends ToastRequest {
  id: number;
}

/** How long a toast stays; one with Undo stays longer, so a coach has time to reach it. */
export const TOAST_MS = 4000;
export const UNDO_TOAST_MS = 8000;

const shown = shallowRef<ShownToast[]>([]);
let nextId = 1;

function dismiss(id: number): void {
  shown.value = shown.value.filter((toast) => toast.id !== id);
}

/**
 * "Saved" and "Deleted — Undo" notices, shown by the one <ToastHost> in App.vue. Module state
 * rather than a store: toasts are transient, never persisted, and any component may raise one.
 */
export function useToast(): { show: (request: ToastRequest) => void; dismiss: (id: number) => void; shown: typeof shown } {
  return {
    show(request) {
      shown.value = [...shown.value, { ...request, id: nextId++ }];
    },
    dismiss,
    shown,
  };
}
