/**
 * The presenter's side of the relay: one socket.io connection as `presenter`, open while the audience slide is
 * shown. socket.io reconnects by itself when the relay or the network blips; a reloaded deck opens a new link and
 * the relay hands the room to it. Every message is checked (lib/audience-protocol) before the demo sees it.
 */
import { io, type Socket } from 'socket.io-client';
import { readAudienceInfo, readRoomDone, readRoomNumbers, readRoomRequest, type AudienceInfo, type RoomDone, type RoomNumbers, type RoomRequest } from '../../lib/audience-protocol';

/** What the link tells the demo. */
export interface RoomEvents {
  request(request: RoomRequest): void;
  done(done: RoomDone): void;
  numbers(numbers: RoomNumbers): void;
  /** Connected to the relay or not (it retries on its own). */
  linked(up: boolean): void;
}

export interface RoomLink {
  /** Send an answer to one phone (the relay routes it by `to`). */
  answer(message: Readonly<Record<string, unknown>> & { readonly to: string; readonly id: string }): void;
  close(): void;
}

export function openRoomLink(events: RoomEvents): RoomLink {
  const socket: Socket = io({ auth: { role: 'presenter' }, transports: ['websocket'] });
  socket.on('connect', () => events.linked(true));
  socket.on('disconnect', () => events.linked(false));
  socket.on('request', (raw: unknown) => {
    const request = readRoomRequest(raw);
    if (request) events.request(request);
  });
  socket.on('done', (raw: unknown) => {
    const done = readRoomDone(raw);
    if (done) events.done(done);
  });
  socket.on('room', (raw: unknown) => {
    const numbers = readRoomNumbers(raw);
    if (numbers) events.numbers(numbers);
  });
  return {
    answer: (message) => void socket.emit('answer', message),
    close: () => {
      socket.removeAllListeners();
      socket.disconnect();
    },
  };
}

/** Ask the server whether the relay serves this deck: `audience.json` (the static build has one saying no). */
export async function readRelayInfo(): Promise<AudienceInfo> {
  try {
    const response = await fetch(new URL('audience.json', document.baseURI), { cache: 'no-store' });
    return readAudienceInfo(response.ok ? await response.json() : undefined);
  } catch {
    return { relay: false };
  }
}
