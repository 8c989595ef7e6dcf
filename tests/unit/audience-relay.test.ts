/**
 * The relay (server/relay.mjs) with real socket.io on loopback: a request goes from a phone to the presenter and
 * its answer back to that phone only; junk, oversized and flooding messages are dropped and counted; a phone with
 * no presenter is told so; an unknown role is turned away.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { io as connect, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { attachRelay } from '../../server/relay.mjs';

const TP = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

interface Room {
  readonly url: string;
  readonly relay: ReturnType<typeof attachRelay>;
  readonly sockets: Socket[];
}

let room: Room | undefined;

async function openRoom(): Promise<Room> {
  const http: Server = createServer();
  const relay = attachRelay(http);
  await new Promise<void>((done) => http.listen(0, '127.0.0.1', done));
  room = { url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`, relay, sockets: [] };
  return room;
}

function join(r: Room, auth: Record<string, unknown>): Socket {
  const s = connect(r.url, { auth, transports: ['websocket'], reconnection: false });
  r.sockets.push(s);
  return s;
}

const next = <T>(s: Socket, event: string): Promise<T> => new Promise((done) => s.once(event, done));
const connected = (s: Socket): Promise<void> => (s.connected ? Promise.resolve() : next(s, 'connect'));
const settle = (ms = 100): Promise<void> => new Promise((done) => setTimeout(done, ms));

afterEach(async () => {
  for (const s of room?.sockets ?? []) s.disconnect();
  await room?.relay.close();
  room = undefined;
});

describe('the audience relay', () => {
  it("forwards a phone's request to the presenter, and the answer to that phone only", async () => {
    const r = await openRoom();
    const presenter = join(r, { role: 'presenter' });
    await connected(presenter);
    const asker = join(r, { role: 'phone', key: 'aaaaaaaaaaaaaaaa' });
    const other = join(r, { role: 'phone', key: 'bbbbbbbbbbbbbbbb' });
    await Promise.all([connected(asker), connected(other)]);
    const heard: unknown[] = [];
    other.on('answer', (a) => heard.push(a));

    const arrived = next<Record<string, unknown>>(presenter, 'request');
    asker.emit('request', { id: 'r1', kind: 'pair', traceparent: TP, junk: 'dropped' });
    expect(await arrived).toEqual({ from: 'aaaaaaaaaaaaaaaa', id: 'r1', kind: 'pair', traceparent: TP });

    const answered = next<Record<string, unknown>>(asker, 'answer');
    presenter.emit('answer', { to: 'aaaaaaaaaaaaaaaa', id: 'r1', status: 200 });
    expect(await answered).toEqual({ id: 'r1', status: 200 });

    const done = next<Record<string, unknown>>(presenter, 'done');
    asker.emit('done', { id: 'r1', durationMs: 480 });
    expect(await done).toEqual({ from: 'aaaaaaaaaaaaaaaa', id: 'r1', durationMs: 480 });
    await settle();
    expect(heard).toEqual([]);
    expect(r.relay.numbers()).toMatchObject({ phones: 2, forwarded: 1, answered: 1 });
  });

  it('drops junk, oversized and unknown messages with a count, and forwards none of them', async () => {
    const r = await openRoom();
    const presenter = join(r, { role: 'presenter' });
    await connected(presenter);
    const forwarded: unknown[] = [];
    presenter.on('request', (m) => forwarded.push(m));
    const phone = join(r, { role: 'phone', key: 'cccccccccccccccc' });
    await connected(phone);
    phone.emit('request', { id: 'r1', kind: 'pair', traceparent: 'not-a-traceparent' });
    phone.emit('request', { id: 'r2', kind: 'pair', traceparent: TP, pad: 'x'.repeat(2000) });
    phone.emit('request', '<script>alert(1)</script>');
    phone.emit('answer', { to: 'cccccccccccccccc', id: 'r3' });
    await settle(300);
    expect(forwarded).toEqual([]);
    expect(r.relay.numbers().dropped).toMatchObject({ invalid: 2, oversized: 1, unknown: 1 });
  });

  it('holds a flooding phone to its burst, and tells it so', async () => {
    const r = await openRoom();
    const presenter = join(r, { role: 'presenter' });
    await connected(presenter);
    const forwarded: unknown[] = [];
    presenter.on('request', (m) => forwarded.push(m));
    const phone = join(r, { role: 'phone', key: 'dddddddddddddddd' });
    await connected(phone);
    const answers: Array<{ error?: string }> = [];
    phone.on('answer', (a) => answers.push(a));
    for (let i = 0; i < 30; i++) phone.emit('request', { id: `r${i}`, kind: 'beers', traceparent: TP });
    await settle(300);
    expect(forwarded).toHaveLength(3);
    expect(answers.filter((a) => a.error === 'rate-limited').length).toBe(5); // 8 messages pass the message bucket
    expect(r.relay.numbers().dropped.rateLimited).toBe(27);
  });

  it("tells the room it is busy while the deck has 16 requests in hand, and forwards again once it answers", async () => {
    const r = await openRoom();
    const presenter = join(r, { role: 'presenter' });
    await connected(presenter);
    const forwarded: Array<{ from: string; id: string }> = [];
    presenter.on('request', (m) => forwarded.push(m));
    const phones = Array.from({ length: 20 }, (_, i) => join(r, { role: 'phone', key: i.toString(16).padStart(16, '0') }));
    await Promise.all(phones.map(connected));
    const busy: unknown[] = [];
    for (const p of phones) p.on('answer', (a: { error?: string }) => a.error === 'busy' && busy.push(a));
    for (const p of phones) p.emit('request', { id: 'r1', kind: 'pair', traceparent: TP });
    await settle(300);
    expect(forwarded).toHaveLength(16);
    expect(busy).toHaveLength(4);
    expect(r.relay.numbers().dropped.busy).toBe(4);
    // One answer frees one place.
    presenter.emit('answer', { to: forwarded[0]!.from, id: 'r1', status: 200 });
    await settle(100);
    const waiting = phones.find((p) => !forwarded.some((f) => f.from === (p.auth as { key: string }).key))!;
    waiting.emit('request', { id: 'r2', kind: 'pair', traceparent: TP });
    await settle(200);
    expect(forwarded).toHaveLength(17);
  });

  it('gets a phone that dropped and came back its answer, by the key it kept', async () => {
    const r = await openRoom();
    const presenter = join(r, { role: 'presenter' });
    await connected(presenter);
    const before = join(r, { role: 'phone', key: 'ffffffffffffffff' });
    await connected(before);
    const arrived = next<{ from: string; id: string }>(presenter, 'request');
    before.emit('request', { id: 'r1', kind: 'pair', traceparent: TP });
    const request = await arrived;
    before.disconnect();
    const after = join(r, { role: 'phone', key: 'ffffffffffffffff' });
    await connected(after);
    const answered = next(after, 'answer');
    presenter.emit('answer', { to: request.from, id: request.id, status: 200 });
    expect(await answered).toEqual({ id: 'r1', status: 200 });
    expect(r.relay.numbers().phones).toBe(1);
  });

  it('hands the room to a reloaded deck: the newest presenter gets the requests', async () => {
    const r = await openRoom();
    const old = join(r, { role: 'presenter' });
    await connected(old);
    const phone = join(r, { role: 'phone', key: '1111111111111111' });
    await connected(phone);
    const reloaded = join(r, { role: 'presenter' });
    await connected(reloaded);
    old.disconnect();
    const arrived = next(reloaded, 'request');
    phone.emit('request', { id: 'r1', kind: 'beers', traceparent: TP });
    expect(await arrived).toMatchObject({ id: 'r1', kind: 'beers' });
  });

  it('tells a phone when no presenter is there, and when one arrives', async () => {
    const r = await openRoom();
    const phone = join(r, { role: 'phone', key: 'eeeeeeeeeeeeeeee' });
    expect(await next(phone, 'presenter')).toEqual({ here: false });
    const answer = next(phone, 'answer');
    phone.emit('request', { id: 'r1', kind: 'pair', traceparent: TP });
    expect(await answer).toEqual({ id: 'r1', error: 'no-presenter' });
    const here = next(phone, 'presenter');
    join(r, { role: 'presenter' });
    expect(await here).toEqual({ here: true });
  });

  it('turns away a socket with no role or a bad key', async () => {
    const r = await openRoom();
    const stranger = join(r, { role: 'phone', key: '<b>' });
    const reason = await next<string>(stranger, 'disconnect');
    expect(reason).toBe('io server disconnect');
    expect(r.relay.numbers()).toMatchObject({ phones: 0, dropped: { invalid: 1 } });
  });
});
