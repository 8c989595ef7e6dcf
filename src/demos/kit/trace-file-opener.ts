/**
 * "Open a trace file": a labelled file input, and a drop target (any element) that takes a file dragged onto it.
 * Either way the file goes to `onFile`; the opener knows nothing of formats (trace-file-reader.ts reads them).
 */
import { el, uniqueId } from './dom';

export interface TraceFileOpener {
  /** The label and the input, for a toolbar. */
  readonly element: HTMLElement;
  /** Forget the chosen file (a reset), so choosing the same file again opens it again. */
  clear(): void;
  destroy(): void;
}

/** Accepted in the picker: JSON files; anything dropped is tried, and a wrong one gets its message. */
const ACCEPT = '.json,application/json';

export function createTraceFileOpener(dropTarget: HTMLElement, onFile: (file: File) => void, labelText = 'Open a trace file'): TraceFileOpener {
  const id = uniqueId('trace-file');
  const input = el('input', { id, type: 'file', accept: ACCEPT, class: 'trace-file-input' });
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file) onFile(file);
  });
  const element = el('span', { class: 'trace-file-opener' }, el('label', { for: id, class: 'demo-label' }, labelText), input);
  const onDragOver = (event: DragEvent): void => {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    dropTarget.classList.add('trace-drop-active');
  };
  const onDragLeave = (): void => dropTarget.classList.remove('trace-drop-active');
  const onDrop = (event: DragEvent): void => {
    dropTarget.classList.remove('trace-drop-active');
    const file = event.dataTransfer?.files[0];
    if (!file) return;
    event.preventDefault();
    onFile(file);
  };
  dropTarget.addEventListener('dragover', onDragOver);
  dropTarget.addEventListener('dragleave', onDragLeave);
  dropTarget.addEventListener('drop', onDrop);
  return {
    element,
    clear: () => {
      input.value = '';
    },
    destroy() {
      dropTarget.removeEventListener('dragover', onDragOver);
      dropTarget.removeEventListener('dragleave', onDragLeave);
      dropTarget.removeEventListener('drop', onDrop);
    },
  };
}
