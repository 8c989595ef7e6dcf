/**
 * The audience relay: socket.io on the deck's own HTTP server. Phones send requests; the relay checks each one
 * (relay-rules.mjs), rate-limits it, and forwards it to the presenter's deck, which runs the simulated services and
 * answers; the answer goes back to the phone that asked. The relay runs no simulation and keeps nothing it cannot
 * lose: who is connected (socket.io knows it anyway), a token bucket per phone, and counters. Restart it and the
 * phones and the deck reconnect by themselves.
 *
 *   phone ──request {id, kind, traceparent}──> relay ──request {from, …}──> presenter (the deck, #/audience)
 *   phone <──answer {id, trace, …}────────────  relay <──answer {to, id, …}── presenter
 *   phone ──done {id, durationMs}────────────> relay ──done {from, …}─────> presenter (the phone's span, ended)
 *
 * One socket.io server on one machine is plenty for a room; past that, socket.io's Redis adapter
 * (@socket.io/redis-adapter) shares rooms between several relays. Not built: no room needs it.
 */
import { Server } from 'socket.io';
import {
  checkPhoneDone,
  checkPhoneKey,
  checkPhoneRequest,
  checkPresenterAnswer,
  isLoopback,
  PHONE_LIMIT,
  ROOM_LIMIT,
  takeToken,
} from './relay-rules.mjs';

/** Every phone message counts against this, junk included: eight at once, then two a second. */
const MESSAGE_LIMIT = Object.freeze({ burst: 8, perSecond: 2 });
/** The engine closes a socket that sends a packet larger than this (the rules drop anything over 512 characters first). */
const MAX_PACKET_BYTES = 64 * 1024;
/** How often the presenter hears the room's numbers, at most. */
const ROOM_NEWS_MS = 500;
/** A phone gone this long loses its buckets (kept a while so a reconnect does not buy a fresh burst). */
const FORGET_MS = 60_000;
/**
 * Requests the deck is working on, at most: past this the room is told it is busy. The deck answers 15-20 pairings
 * a second on a loaded laptop; without the cap the relay forwarded 40 a second and answers came 16 s late (p50, 200
 * phones). A request not answered in `IN_FLIGHT_MS` no longer counts (the deck reloaded, or dropped it).
 */
const MAX_IN_FLIGHT = 16;
const IN_FLIGHT_MS = 10_000;

const PHONE_EVENTS = new Set(['request', 'done']);

/**
 * Attach the relay to an HTTP server. Returns its numbers (for the load script and the log) and `close`.
 * @param {import('node:http').Server} httpServer
 * @param {{ now?: () => number, isOwnAddress?: (address: string) => boolean }} [options]
 */
export function attachRelay(httpServer, options = {}) {
  const now = options.now ?? (() => Date.now());
  const isOwn = (address) => isLoopback(address) || (options.isOwnAddress?.(address) ?? false);
  const io = new Server(httpServer, {
    maxHttpBufferSize: MAX_PACKET_BYTES,
    serveClient: false,
    // A page on another site must not drive a listener's phone into the room: the Origin, when a browser sends one,
    // must be this server.
    allowRequest: (req, callback) => {
      const origin = req.headers.origin;
      if (!origin) return callback(null, true);
      try {
        callback(null, new URL(origin).host === req.headers.host);
      } catch {
        callback(null, false);
      }
    },
  });

  const dropped = { invalid: 0, oversized: 0, rateLimited: 0, unknown: 0, noPresenter: 0, busy: 0 };
  /** `phone:id` → when it went to the deck, oldest first, until the deck answers it. */
  const inFlight = new Map();
  let forwarded = 0;
  let answered = 0;
  /** Phone key → how many sockets it has open (a phone may briefly hold two while it reconnects). */
  const phones = new Map();
  /** Phone key → its buckets and when it was last seen. */
  const buckets = new Map();
  let roomBucket;
  /** The presenter's decks, newest last: the newest one connected gets the room's requests. */
  const presenters = [];
  let newsTimer;

  const presenter = () => presenters.at(-1);
  const numbers = () => ({ phones: phones.size, dropped: { ...dropped }, forwarded, answered });

  const sendNews = () => {
    newsTimer = undefined;
    presenter()?.emit('room', numbers());
  };
  const news = () => {
    newsTimer ??= setTimeout(sendNews, ROOM_NEWS_MS);
  };
  const drop = (reason) => {
    dropped[reason] += 1;
    news();
  };

  function take(key, which, limit) {
    const entry = buckets.get(key) ?? { seenMs: now() };
    const result = takeToken(entry[which], now(), limit);
    entry[which] = result.bucket;
    entry.seenMs = now();
    buckets.set(key, entry);
    return result.allowed;
  }

  function joinPresenter(socket) {
    presenters.push(socket);
    // A new deck knows nothing of what the last one was working on.
    inFlight.clear();
    io.to('phones').emit('presenter', { here: true });
    socket.emit('room', numbers());
    socket.on('answer', (raw) => {
      const checked = checkPresenterAnswer(raw);
      if (!checked.ok) return drop(checked.reason);
      const { to, ...answer } = checked.value;
      inFlight.delete(`${to}:${answer.id}`);
      answered += 1;
      io.to(`phone:${to}`).emit('answer', answer);
    });
    socket.on('disconnect', () => {
      presenters.splice(presenters.indexOf(socket), 1);
      if (presenters.length === 0) io.to('phones').emit('presenter', { here: false });
    });
  }

  function joinPhone(socket, key) {
    socket.join(['phones', `phone:${key}`]);
    phones.set(key, (phones.get(key) ?? 0) + 1);
    news();
    socket.emit('presenter', { here: presenter() !== undefined });

    socket.onAny((event, raw) => {
      if (!take(key, 'messages', MESSAGE_LIMIT)) return drop('rateLimited');
      if (!PHONE_EVENTS.has(event)) return drop('unknown');
      if (event === 'request') {
        const checked = checkPhoneRequest(raw);
        if (!checked.ok) return drop(checked.reason);
        if (!take(key, 'requests', PHONE_LIMIT)) {
          drop('rateLimited');
          return socket.emit('answer', { id: checked.value.id, error: 'rate-limited' });
        }
        const target = presenter();
        if (!target) {
          drop('noPresenter');
          return socket.emit('answer', { id: checked.value.id, error: 'no-presenter' });
        }
        for (const [k, atMs] of inFlight) {
          if (atMs > now() - IN_FLIGHT_MS) break;
          inFlight.delete(k);
        }
        const room = takeToken(roomBucket, now(), ROOM_LIMIT);
        roomBucket = room.bucket;
        if (!room.allowed || inFlight.size >= MAX_IN_FLIGHT) {
          drop('busy');
          return socket.emit('answer', { id: checked.value.id, error: 'busy' });
        }
        inFlight.set(`${key}:${checked.value.id}`, now());
        forwarded += 1;
        news();
        return target.emit('request', { from: key, ...checked.value });
      }
      const checked = checkPhoneDone(raw);
      if (!checked.ok) return drop(checked.reason);
      presenter()?.emit('done', { from: key, ...checked.value });
    });
    socket.on('disconnect', () => {
      const left = (phones.get(key) ?? 1) - 1;
      if (left > 0) phones.set(key, left);
      else phones.delete(key);
      news();
    });
  }

  io.on('connection', (socket) => {
    const auth = socket.handshake.auth ?? {};
    if (auth.role === 'presenter' && isOwn(socket.handshake.address)) return joinPresenter(socket);
    const key = auth.role === 'phone' ? checkPhoneKey(auth.key) : undefined;
    if (!key) {
      drop('invalid');
      return socket.disconnect(true);
    }
    joinPhone(socket, key);
  });

  const sweep = setInterval(() => {
    const cutoff = now() - FORGET_MS;
    for (const [key, entry] of buckets) if (!phones.has(key) && entry.seenMs < cutoff) buckets.delete(key);
  }, FORGET_MS / 2);
  sweep.unref();

  return {
    numbers,
    close() {
      clearInterval(sweep);
      if (newsTimer) clearTimeout(newsTimer);
      return new Promise((resolve) => io.close(() => resolve()));
    },
  };
}
