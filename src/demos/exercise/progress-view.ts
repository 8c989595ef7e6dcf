/**
 * The title slide's progress line: "3 of 8 exercises done", counting the exercise slides of the track on show, and a
 * Reset that forgets them. It reads local storage whenever progress changes, in this tab (the exercises' event) or
 * in another (the `storage` event), so it is right whenever the learner comes back to the title.
 */
import { createButton } from '../kit/buttons';
import { el } from '../kit/dom';
import { PROGRESS_EVENT, PROGRESS_KEY, pageStorage, progressText, readProgress, resetProgress } from './progress-store';

/** The exercise slides in the page as the track left it: each id ends in `-exercise`. */
function exerciseIds(doc: Document): string[] {
  return [...doc.querySelectorAll<HTMLElement>('.reveal .slides section[id$="-exercise"]')].map((s) => s.id.slice(0, -'-exercise'.length));
}

/** Fill every `[data-exercise-progress]` in the page; returns a function that stops listening. */
export function mountExerciseProgress(doc: Document): () => void {
  const targets = [...doc.querySelectorAll<HTMLElement>('[data-exercise-progress]')];
  if (targets.length === 0) return () => undefined;
  const texts = targets.map((target) => {
    const text = el('span', { class: 'exercise-progress-text' });
    const reset = createButton(
      'Reset progress',
      () => {
        resetProgress(pageStorage());
        render();
      },
      { className: 'exercise-progress-reset', title: 'Forget which exercises are done (kept only in this browser)' },
    );
    target.replaceChildren(text, ' ', reset);
    return text;
  });
  function render(): void {
    const ids = exerciseIds(doc);
    const line = progressText(readProgress(pageStorage()), ids);
    for (const text of texts) text.textContent = line;
    // The talk has no exercises: no line saying "0 of 0".
    for (const target of targets) target.hidden = ids.length === 0;
  }
  const onStorage = (event: StorageEvent): void => {
    if (event.key === null || event.key === PROGRESS_KEY) render();
  };
  render();
  window.addEventListener(PROGRESS_EVENT, render);
  window.addEventListener('storage', onStorage);
  return () => {
    window.removeEventListener(PROGRESS_EVENT, render);
    window.removeEventListener('storage', onStorage);
  };
}
