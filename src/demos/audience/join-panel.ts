/**
 * The left of the audience slide: how to join (the QR code and the address as text), how many are in the room, and
 * what the relay let through and dropped. When the deck is not served by `npm run audience`, it says how to start it.
 */
import { el } from '../kit/dom';
import type { RoomNumbers } from '../../lib/audience-protocol';
import { drawQrCode } from './qr-code';

export interface JoinPanel {
  readonly element: HTMLElement;
  /** The relay serves this deck and phones join at `joinUrl`; or it does not (`undefined`). */
  setRelay(joinUrl: string | undefined, relay: boolean): void;
  setLinked(up: boolean): void;
  setNumbers(numbers: RoomNumbers, askers: number): void;
}

const HOW_TO = 'To bring the room in, run npm run audience on this laptop and open the address it prints. Phones on the same Wi-Fi then scan the code that appears here.';

export function createJoinPanel(): JoinPanel {
  const code = el('div', { class: 'au-qr' });
  const address = el('p', { class: 'au-address' });
  const inRoom = el('p', { class: 'au-count', role: 'status' });
  const relayLine = el('p', { class: 'au-relay' });
  const howTo = el('p', { class: 'au-howto' }, HOW_TO);
  const element = el('div', { class: 'au-join' }, code, address, inRoom, relayLine, howTo);
  let relay = false;
  let joinUrl: string | undefined;

  const render = (): void => {
    howTo.hidden = relay;
    code.hidden = !relay || !joinUrl;
    address.hidden = !relay;
    inRoom.hidden = !relay;
  };
  render();
  inRoom.textContent = '0 in the room';

  return {
    element,
    setRelay(url, served) {
      relay = served;
      if (url !== joinUrl) {
        joinUrl = url;
        code.replaceChildren(...(url ? [drawQrCode(url, `QR code of the join address, ${url}`)] : []));
      }
      // Without its scheme: what a listener types into a phone's address bar, in letters the back row can read.
      address.replaceChildren(...(url ? ['Join at ', el('strong', { class: 'au-url' }, url.replace(/^https?:\/\//, ''))] : ['The relay did not say its address: see the terminal that runs npm run audience.']));
      relayLine.textContent = served ? 'Connecting to the relay…' : '';
      render();
    },
    setLinked(up) {
      if (relay) relayLine.textContent = up ? 'Relay connected.' : 'Relay lost: reconnecting…';
    },
    setNumbers(n, askers) {
      inRoom.textContent = `${n.phones} in the room`;
      const dropped = n.dropped === 0 ? '' : `; ${n.dropped} ${n.dropped === 1 ? 'message' : 'messages'} dropped (malformed, too large or too fast)`;
      relayLine.textContent = `Relay connected: ${n.forwarded} ${n.forwarded === 1 ? 'request' : 'requests'} from ${askers} ${askers === 1 ? 'phone' : 'phones'}${dropped}.`;
    },
  };
}
