/**
 * The request id demo's DOM: a toolbar (send, web down, reset), the search field, the headers of the last request
 * on the wire (nginx → web, nginx → client), and the two logs side by side, filtered by the search. Every value
 * (ids, log text, what was typed) is set as text.
 */
import type { Headers } from '../../sim/http';
import type { LogLine } from '../../sim/timing-log';
import { createButton, createResetButton } from '../kit/buttons';
import { createProblemLine } from '../kit/controls';
import { el, setBusy, uniqueId } from '../kit/dom';
import { readQuery, searchLines, type SearchQuery } from './id-search';

/** One hop's message as it crossed the wire: its first line and its headers. */
export interface WireMessage {
  readonly startLine: string;
  readonly headers: Headers;
}

export interface RequestIdViewActions {
  sendOne(): void;
  sendMany(): void;
  setWebDown(down: boolean): void;
  reset(): void;
  /** The search changed: draw again. */
  searched(): void;
}

/** What a draw shows. */
export interface RequestIdState {
  readonly accessLog: readonly LogLine[];
  readonly appLog: readonly LogLine[];
  readonly toApp?: WireMessage;
  readonly toClient?: WireMessage;
  readonly busy: boolean;
  /** The id of the last request through the proxy (also when web never saw it). */
  readonly lastId?: string;
}

/** Lines kept on screen per log: the newest, enough for a few requests. */
const SHOWN = 60;

export function createRequestIdView(actions: RequestIdViewActions, logPaths: { access: string; app: string }) {
  const one = createButton('Send a pairing', actions.sendOne, { primary: true, className: 'rid-send' });
  const many = createButton('Send 4 at once', actions.sendMany, { className: 'rid-many' });
  const downId = uniqueId('rid-down');
  const down = el('input', { type: 'checkbox', id: downId, class: 'rid-down' });
  down.addEventListener('change', () => actions.setWebDown(down.checked));
  const searchId = uniqueId('rid-search');
  const search = el('input', {
    id: searchId,
    type: 'search',
    class: 'rid-search',
    placeholder: 'first digits of an X-Request-ID',
    autocomplete: 'off',
    spellcheck: 'false',
    maxlength: 64,
  });
  search.addEventListener('input', actions.searched);
  const useLast = createButton('Search for the last id', () => {
    const id = lastId;
    if (id) {
      search.value = id;
      actions.searched();
    }
  }, { className: 'rid-use-last' });
  const searchNote = el('p', { class: 'rid-search-note', role: 'status' });
  const problem = createProblemLine();
  let lastId: string | undefined;

  const wireBlock = (title: string, label: string) => {
    const pre = el('pre', { class: 'demo-terminal rid-wire-text', tabindex: 0, 'aria-label': label });
    return { pre, element: el('div', { class: 'rid-wire-one' }, el('p', { class: 'rid-wire-title' }, title), pre) };
  };
  const toApp = wireBlock('nginx → web', 'The request nginx sent to web');
  const toClient = wireBlock('nginx → client', 'The response nginx sent to the client');

  const logColumn = (path: string, label: string) => {
    const list = el('ol', { class: 'rid-lines' });
    const box = el('div', { class: 'rid-log-box', tabindex: 0, role: 'region', 'aria-label': label }, list);
    const count = el('span', { class: 'rid-count' });
    return { list, box, count, element: el('div', { class: 'rid-log' }, el('p', { class: 'rid-log-title' }, el('code', {}, path), ' ', count), box) };
  };
  const access = logColumn(logPaths.access, "nginx's access log");
  const app = logColumn(logPaths.app, "web's log");

  const element = el(
    'div',
    { class: 'demo-box demo-stack rid' },
    el(
      'div',
      { class: 'demo-toolbar' },
      one,
      many,
      el('span', { class: 'rid-down-box' }, down, el('label', { for: downId }, 'web down')),
      el('label', { for: searchId, class: 'demo-label' }, 'Search by id'),
      search,
      useLast,
      createResetButton(actions.reset),
    ),
    searchNote,
    problem.element,
    el('div', { class: 'rid-wire' }, toApp.element, toClient.element),
    el('div', { class: 'rid-logs' }, access.element, app.element),
  );

  const showMessage = (pre: HTMLElement, m: WireMessage | undefined): void => {
    pre.replaceChildren();
    if (!m) {
      pre.textContent = 'Nothing sent yet.';
      return;
    }
    pre.append(m.startLine);
    for (const [name, value] of Object.entries(m.headers)) {
      const line = el('span', { class: name === 'x-request-id' ? 'rid-wire-id' : '' }, `\n${name}: ${value}`);
      pre.append(line);
    }
  };

  const showLines = (col: ReturnType<typeof logColumn>, lines: readonly LogLine[], query: SearchQuery): number => {
    const kept = searchLines(lines, query);
    const shown = kept.slice(-SHOWN);
    col.list.replaceChildren(
      ...shown.map((line) => {
        const item = el('li', { class: 'rid-line' });
        const id = line.requestId;
        const at = id ? line.text.indexOf(id) : -1;
        if (id && at >= 0) item.append(line.text.slice(0, at), el('span', { class: 'rid-id' }, id), line.text.slice(at + id.length));
        else item.append(line.text);
        return item;
      }),
    );
    col.count.textContent = query.kind === 'all' ? `${lines.length} lines` : `${kept.length} of ${lines.length} lines`;
    col.box.scrollTop = col.box.scrollHeight;
    return kept.length;
  };

  return {
    element,
    draw(state: RequestIdState): void {
      setBusy(one, state.busy);
      setBusy(many, state.busy);
      showMessage(toApp.pre, state.toApp);
      showMessage(toClient.pre, state.toClient);
      lastId = state.lastId;
      setBusy(useLast, !lastId);
      const query = readQuery(search.value);
      const inAccess = showLines(access, state.accessLog, query);
      const inApp = showLines(app, state.appLog, query);
      searchNote.textContent =
        query.kind === 'invalid'
          ? query.message
          : query.kind === 'all'
            ? 'Type an id, or part of one, to keep only its lines.'
            : `${inAccess} line${inAccess === 1 ? '' : 's'} in nginx's log and ${inApp} in web's carry an id with “${query.needle}”.`;
    },
    reset(): void {
      search.value = '';
      down.checked = false;
      problem.clear();
    },
    showProblem: (message: string) => problem.show(message),
  };
}
