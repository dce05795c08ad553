import { onBeforeUnmount, onMounted, readonly, ref } from 'vue';

const isOpen = ref(false);

/**
 * Opens and closes the one global search dialog. The shell mounts `<SearchDialog />` once
 * (it listens for Ctrl/Cmd+K itself) and calls `open()` for the Search menu command.
 */
export function useSearchDialog() {
  return {
    isOpen: readonly(isOpen),
    open: () => {
      isOpen.value = true;
    },
    close: () => {
      isOpen.value = false;
    },
  };
}

/** Whether a key press is the search shortcut: Ctrl+K, or Cmd+K on a Mac. */
export function isSearchShortcut(event: KeyboardEvent): boolean {
  return event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey;
}

/** Opens the search dialog on Ctrl/Cmd+K while the calling component is mounted. */
export function useSearchShortcut(): void {
  const { open } = useSearchDialog();
  const onKeydown = (event: KeyboardEvent) => {
    if (!isSearchShortcut(event)) return;
    event.preventDefault();
    open();
  };
  onMounted(() => window.addEventListener('keydown', onKeydown));
  onBeforeUnmount(() => window.removeEventListener('keydown', onKeydown));
}
