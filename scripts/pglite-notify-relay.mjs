// LISTEN/NOTIFY for the embedded PostgreSQL. PGlite runs one PostgreSQL session for every client
// of its socket server (@electric-sql/pglite-socket queues their messages into it), so the
// NotificationResponse of a NOTIFY comes out in the answer to whichever client sent it, and a
// client that LISTENs (the collaboration server, the notification streams) never hears it. The
// relay takes every NotificationResponse out of the answers and sends it to the clients that
// LISTEN to its channel, as a PostgreSQL server would.
//
// It wraps the server's query queue (`server.queryQueue.enqueue(handlerId, message, onData)`),
// an internal of the pinned pglite-socket version (package.json): a test covers it
// (tests/integration/embedded-notify.test.ts).

const NOTIFICATION = 0x41; // 'A'
const QUERY = 0x51; // 'Q'
const PARSE = 0x50; // 'P'
const SYNC = 0x53; // 'S'

/** LISTEN and UNLISTEN statements in a query's text: [unlisten, channel or '*'][]. */
export function listenStatements(sql) {
  const found = [];
  for (const match of sql.matchAll(/\b(UN)?LISTEN\s+(?:"((?:[^"]|"")+)"|([A-Za-z_][\w$]*)|(\*))/gi)) {
    const channel = match[2] !== undefined ? match[2].replace(/""/g, '"') : match[3] !== undefined ? match[3].toLowerCase() : '*';
    found.push([match[1] !== undefined, channel]);
  }
  return found;
}

/** The SQL text of a simple Query or a Parse message, else null. */
function queryText(message) {
  const bytes = Buffer.from(message.buffer, message.byteOffset, message.byteLength);
  if (bytes.length < 6) return null;
  if (bytes[0] === QUERY) return bytes.toString('utf8', 5, bytes.indexOf(0, 5));
  if (bytes[0] === PARSE) {
    const afterName = bytes.indexOf(0, 5) + 1;
    return afterName > 0 ? bytes.toString('utf8', afterName, bytes.indexOf(0, afterName)) : null;
  }
  return null;
}

/** The queue's id for the relay's own statements (client handlers count up from 1). */
const RELAY_HANDLER_ID = -1;

/** A simple Query message. */
function queryMessage(sql) {
  const text = Buffer.from(`${sql}\0`, 'utf8');
  const message = Buffer.alloc(5 + text.length);
  message[0] = QUERY;
  message.writeInt32BE(4 + text.length, 1);
  text.copy(message, 5);
  return new Uint8Array(message);
}

/** A NotificationResponse message. */
export function notificationMessage(pid, channel, payload) {
  const body = Buffer.concat([Buffer.from(channel, 'utf8'), Buffer.from([0]), Buffer.from(payload, 'utf8'), Buffer.from([0])]);
  const message = Buffer.alloc(9 + body.length);
  message[0] = NOTIFICATION;
  message.writeInt32BE(8 + body.length, 1);
  message.writeInt32BE(pid, 5);
  body.copy(message, 9);
  return message;
}

/**
 * Passes an answer's messages on whole, except NotificationResponses, handed to `onNotification`
 * instead. Messages split across chunks are held until complete.
 */
function withoutNotifications(onData, onNotification) {
  let held = Buffer.alloc(0);
  return {
    push(chunk) {
      const bytes = held.length ? Buffer.concat([held, Buffer.from(chunk)]) : Buffer.from(chunk);
      const passed = [];
      let start = 0;
      let offset = 0;
      while (bytes.length - offset >= 5) {
        const end = offset + 1 + bytes.readInt32BE(offset + 1);
        if (end > bytes.length) break;
        if (bytes[offset] === NOTIFICATION) {
          if (offset > start) passed.push(bytes.subarray(start, offset));
          const pid = bytes.readInt32BE(offset + 5);
          const channelEnd = bytes.indexOf(0, offset + 9);
          const payloadEnd = bytes.indexOf(0, channelEnd + 1);
          onNotification(pid, bytes.toString('utf8', offset + 9, channelEnd), bytes.toString('utf8', channelEnd + 1, payloadEnd));
          start = end;
        }
        offset = end;
      }
      if (offset > start) passed.push(bytes.subarray(start, offset));
      held = Buffer.from(bytes.subarray(offset));
      if (passed.length) onData(passed.length === 1 ? passed[0] : Buffer.concat(passed));
    },
    /** Whatever is left (nothing, from a server that answers in whole messages). */
    end() {
      if (held.length) onData(held);
      held = Buffer.alloc(0);
    },
  };
}

/** Makes `server` (a PGLiteSocketServer) deliver NOTIFY to the clients that LISTEN. */
export function relayNotifications(server) {
  const queue = server.queryQueue;
  if (!queue || typeof queue.enqueue !== 'function') throw new Error('pglite-notify-relay: this pglite-socket version has no query queue to wrap');
  /** channel → ids of the client handlers listening to it */
  const listening = new Map();
  const handler = (id) => [...server.handlers].find((h) => h.handlerId === id);

  /** Records the client's LISTEN and UNLISTEN; returns the channels it stops listening to that others still do. */
  const track = (id, message) => {
    const sql = id === RELAY_HANDLER_ID ? null : queryText(message);
    const stillHeard = new Set();
    if (!sql || !/listen/i.test(sql)) return stillHeard;
    for (const [unlisten, channel] of listenStatements(sql)) {
      if (!unlisten) {
        if (!listening.has(channel)) listening.set(channel, new Set());
        listening.get(channel).add(id);
        continue;
      }
      for (const [name, ids] of listening) {
        if (channel !== '*' && channel !== name) continue;
        ids.delete(id);
        if (ids.size > 0) stillHeard.add(name);
      }
    }
    return stillHeard;
  };

  const deliver = (notifications) => {
    for (const { pid, channel, payload } of notifications) {
      const ids = listening.get(channel);
      if (!ids) continue;
      for (const id of ids) {
        const socket = handler(id)?.socket;
        if (socket?.writable) socket.write(notificationMessage(pid, channel, payload));
        else ids.delete(id); // that client is gone
      }
    }
  };

  const enqueue = queue.enqueue.bind(queue);
  /** handler id → channels to LISTEN again once its extended query's Sync has run */
  const relistenAtSync = new Map();
  const relisten = (channels) => {
    const sql = [...channels].map((channel) => `LISTEN "${channel.replace(/"/g, '""')}";`).join(' ');
    // Through the relay too: a notification coming out in its answer is delivered all the same.
    queue.enqueue(RELAY_HANDLER_ID, queryMessage(sql), () => {}).catch((error) => console.error(`pglite-notify-relay: ${sql} failed:`, error));
  };
  queue.enqueue = async (id, message, onData) => {
    const stillHeard = track(id, message);
    const notifications = [];
    const answer = withoutNotifications(onData, (pid, channel, payload) => notifications.push({ pid, channel, payload }));
    const done = enqueue(id, message, (chunk) => answer.push(chunk));
    // The session is every client's: one client's UNLISTEN would end the others' LISTEN. Queued
    // right behind the message that completes it (a simple Query, or the Sync closing an extended
    // query: the queue takes each message alone and in order), a LISTEN of the channels others
    // still listen to restores theirs before anything else runs.
    if (stillHeard.size > 0) {
      if (message[0] === PARSE) relistenAtSync.set(id, new Set([...(relistenAtSync.get(id) ?? []), ...stillHeard]));
      else relisten(stillHeard);
    } else if (message[0] === SYNC && relistenAtSync.has(id)) {
      relisten(relistenAtSync.get(id));
      relistenAtSync.delete(id);
    }
    try {
      return await done;
    } finally {
      answer.end();
      deliver(notifications);
    }
  };
}
