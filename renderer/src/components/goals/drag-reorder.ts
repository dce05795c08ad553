import { ref } from 'vue';

/**
 * HTML5 drag-and-drop reordering for one list: the handle starts the drag, list rows accept
 * the drop. Each list has its own instance, so a step dragged inside a goal never moves goals.
 */
export function useDragReorder(move: (id: string, toIndex: number) => void) {
  const draggingId = ref<string | null>(null);
  const overIndex = ref<number | null>(null);

  function handle(id: string) {
    return {
      draggable: 'true' as const,
      onDragstart(event: DragEvent) {
        event.stopPropagation();
        draggingId.value = id;
        event.dataTransfer?.setData('text/plain', id);
        if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
      },
      onDragend() {
        draggingId.value = null;
        overIndex.value = null;
      },
    };
  }

  function target(index: number) {
    return {
      onDragover(event: DragEvent) {
        if (draggingId.value === null) return;
        event.preventDefault();
        event.stopPropagation();
        overIndex.value = index;
      },
      onDrop(event: DragEvent) {
        if (draggingId.value === null) return;
        event.preventDefault();
        event.stopPropagation();
        const id = draggingId.value;
        draggingId.value = null;
        overIndex.value = null;
        move(id, index);
      },
    };
  }

  return { draggingId, overIndex, handle, target };
}

/** Controls where Alt+arrows already mean something (caret moves, opening a select). */
function keepsArrowKeys(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.tagName === 'TEXTAREA' || target.tagName === 'SELECT' || target.isContentEditable) return true;
  return target.tagName === 'INPUT' && !['checkbox', 'radio', 'button', 'submit'].includes((target as HTMLInputElement).type);
}

/** The index Alt+ArrowUp/Down (or the arrows on a move handle) asks for, or null. */
export function keyboardTarget(event: KeyboardEvent, index: number, length: number, onHandle = false): number | null {
  if ((!event.altKey && !onHandle) || keepsArrowKeys(event.target)) return null;
  if (event.key === 'ArrowUp' && index > 0) return index - 1;
  if (event.key === 'ArrowDown' && index < length - 1) return index + 1;
  return null;
}
