/**
 * The phone's page, `/join` (join.html): asks the server whether the relay is here, then joins the room with a key
 * of its own (kept for this tab, so a phone that drops and comes back is the same phone and still gets its answer).
 */
import './join.css';
import { io } from 'socket.io-client';
import { readAudienceInfo } from '../lib/audience-protocol';
import { createPhoneTracer } from '../telemetry/phone-tracer';
import { mountPhonePage } from './phone-page';

const KEY_NAME = 'tracing-deck-audience-key';

/** 16 hex digits, made once per tab. */
function phoneKey(): string {
  const kept = sessionStorage.getItem(KEY_NAME);
  if (kept && /^[0-9a-f]{16}$/.test(kept)) return kept;
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  const key = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  sessionStorage.setItem(KEY_NAME, key);
  return key;
}

function say(root: HTMLElement, title: string, text: string): void {
  const h1 = document.createElement('h1');
  h1.textContent = title;
  const p = document.createElement('p');
  p.className = 'join-lede';
  p.textContent = text;
  root.replaceChildren(h1, p);
}

function main(): void {
  const root = document.getElementById('join');
  if (!root) return;
  fetch('/audience.json', { cache: 'no-store' })
    .then((r) => (r.ok ? r.json() : { relay: false }))
    .then((raw: unknown) => {
      if (!readAudienceInfo(raw).relay) {
        say(root, 'No room here', 'This page joins a talk when the deck is served by `npm run audience`. Ask the presenter for the address on the screen.');
        return;
      }
      const socket = io({ auth: { role: 'phone', key: phoneKey() } });
      mountPhonePage(root, socket, createPhoneTracer());
    })
    .catch(() => say(root, 'Could not reach the room', 'Check that your phone is on the same Wi-Fi as the presenter, then reload.'));
}

main();
