import { EventEmitter } from "node:events";
import type { Client, Pool } from "pg";
import type { Database, Prisma } from "./database";

// Change signals between processes through the database's own LISTEN/NOTIFY, so a page served by one instance
// hears about work done by another (a scan running on a worker). One listening connection per process and
// database, fanned out in process to any number of subscribers. On PGlite (one process, one connection) the
// same NOTIFY arrives through PGlite's own listen().
//
// Signals only say "something changed"; subscribers re-read the database for what changed. A lost signal
// (a reconnect) therefore costs latency, never data — and a reconnect itself wakes every subscriber.

export const RECONNECTED = "__plumb_signals_reconnected";

interface Hub {
  emitter: EventEmitter;
  channels: Map<string, Promise<void>>;
  client?: Client;
  closed: boolean;
}

// Keyed by the connection owner (the pool or the PGlite instance), not the Database object, which tests wrap.
const hubs = new WeakMap<object, Hub>();

function ownerOf(db: Database): object {
  const owner = db.kind === "postgres" ? db.pool : db.pglite;
  if (!owner) throw new Error(`The ${db.kind} database has no connection to listen on.`);
  return owner;
}

function hubFor(db: Database): Hub {
  const owner = ownerOf(db);
  let hub = hubs.get(owner);
  if (!hub) {
    const emitter = new EventEmitter();
    emitter.setMaxListeners(0); // one listener per open stream, removed when it ends
    hub = { emitter, channels: new Map(), closed: false };
    hubs.set(owner, hub);
  }
  return hub;
}

async function postgresClient(hub: Hub, pool: Pool): Promise<Client> {
  if (hub.client) return hub.client;
  const pg = (await import("pg")).default;
  const client = new pg.Client({ connectionString: pool.options.connectionString });
  client.on("notification", (m) => hub.emitter.emit(m.channel, m.payload ?? ""));
  client.on("error", (err) => {
    console.error(`[db] signal listener connection lost: ${err.message}`);
    // The next subscriber (or the retry below) opens a new connection and LISTENs again on every channel.
    if (hub.client === client) {
      hub.client = undefined;
      hub.channels.clear();
      void client.end().catch(() => undefined);
      hub.emitter.emit(RECONNECTED);
    }
  });
  hub.client = client;
  await client.connect();
  return client;
}

async function startListening(db: Database, hub: Hub, channel: string): Promise<void> {
  if (db.kind === "postgres") {
    const client = await postgresClient(hub, db.pool as Pool);
    // Channel names are ours (constants), quoted as identifiers all the same.
    await client.query(`LISTEN "${channel.replace(/"/g, '""')}"`);
    return;
  }
  await db.pglite!.listen(channel, (payload) => hub.emitter.emit(channel, payload));
}

/**
 * Calls `handler` whenever `sendSignal` is called on `channel` by any process on this database. Resolves once
 * the process listens (so a signal sent after it resolves is heard). Returns the unsubscribe function.
 */
export async function listenSignal(db: Database, channel: string, handler: (payload: string) => void): Promise<() => void> {
  const hub = hubFor(db);
  let started = hub.channels.get(channel);
  if (!started) {
    started = startListening(db, hub, channel).catch((err: unknown) => {
      hub.channels.delete(channel);
      throw err;
    });
    hub.channels.set(channel, started);
  }
  await started;
  const onReconnect = () => handler("");
  hub.emitter.on(channel, handler);
  hub.emitter.on(RECONNECTED, onReconnect);
  return () => {
    hub.emitter.off(channel, handler);
    hub.emitter.off(RECONNECTED, onReconnect);
  };
}

/** Sends a signal; inside a transaction it is delivered at commit (PostgreSQL's NOTIFY semantics). */
export async function sendSignal(db: Pick<Prisma, "$executeRaw">, channel: string, payload: string): Promise<void> {
  await db.$executeRaw`SELECT pg_notify(${channel}, ${payload})`;
}

/** Ends this process's listening connection for `db` (called when the database closes). */
export async function closeSignals(db: Database): Promise<void> {
  const owner = db.kind === "postgres" ? db.pool : db.pglite;
  const hub = owner ? hubs.get(owner) : undefined;
  if (!hub || hub.closed) return;
  hub.closed = true;
  hub.emitter.removeAllListeners();
  const client = hub.client;
  hub.client = undefined;
  await client?.end().catch(() => undefined);
}
