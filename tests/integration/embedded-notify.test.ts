import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import postgres from 'postgres';
import { embeddedUrl, freePort, killEmbedded, startEmbedded } from '../support/embedded-postgres';
import { listenStatements } from '../../scripts/pglite-notify-relay.mjs';

// The embedded PostgreSQL (PGlite) runs one session for all its clients: without the relay, a
// NOTIFY reached the client that sent it and never the one that LISTENs (the collaboration server,
// the notification streams), so live updates waited for the clients' 30 s re-read.
let port: number;
const clients: { end: () => Promise<unknown> }[] = [];

beforeAll(async () => {
  port = await freePort();
  await startEmbedded(mkdtempSync(path.join(tmpdir(), 'pglite-notify-')), port);
}, 120_000);

afterAll(async () => {
  await Promise.all(clients.map((c) => c.end().catch(() => {})));
  killEmbedded();
});

async function listener(channel: string) {
  const sql = postgres(embeddedUrl(port), { max: 1, onnotice: () => {} });
  clients.push(sql);
  const heard: string[] = [];
  const subscription = await sql.listen(channel, (payload) => heard.push(payload));
  return { heard, unlisten: () => subscription.unlisten() };
}

async function notifier() {
  const client = new pg.Client({ connectionString: embeddedUrl(port) });
  await client.connect();
  clients.push(client);
  const heard: string[] = [];
  client.on('notification', (n) => heard.push(n.payload ?? ''));
  return { client, heard };
}

describe('LISTEN/NOTIFY on the embedded PostgreSQL', () => {
  it('delivers a committed NOTIFY to the clients listening to its channel, and only to them', async () => {
    const articles = await listener('article_events');
    const users = await listener('user_events');
    const { client, heard: notifierHeard } = await notifier();
    await client.query(`SELECT pg_notify('article_events', 'created a1')`);
    await client.query('BEGIN');
    await client.query(`NOTIFY article_events, 'corrected a1'`);
    await client.query(`SELECT pg_notify('article_events', 'created a2')`);
    await client.query('COMMIT');
    // Never delivered: rolled back.
    await client.query('BEGIN');
    await client.query(`SELECT pg_notify('article_events', 'rolled back')`);
    await client.query('ROLLBACK');
    // A payload larger than one chunk of the server's answer.
    const large = 'x'.repeat(7_000);
    await client.query(`SELECT pg_notify('article_events', $1)`, [large]);
    await expect.poll(() => articles.heard.length).toBe(4);
    expect(articles.heard).toEqual(['created a1', 'corrected a1', 'created a2', large]);
    expect(users.heard).toEqual([]);
    expect(notifierHeard).toEqual([]);
    // The notifier's own answers are whole: its next queries work.
    expect((await client.query('SELECT 41 + 1 AS answer')).rows).toEqual([{ answer: 42 }]);
  });

  it('stops delivering after UNLISTEN, and keeps delivering to the other listeners', async () => {
    const first = await listener('notification_events');
    const second = await listener('notification_events');
    const { client } = await notifier();
    await client.query(`SELECT pg_notify('notification_events', 'one')`);
    await expect.poll(() => [first.heard.length, second.heard.length]).toEqual([1, 1]);
    await first.unlisten();
    await client.query(`SELECT pg_notify('notification_events', 'two')`);
    await expect.poll(() => second.heard).toEqual(['one', 'two']);
    expect(first.heard).toEqual(['one']);
  });

  it('reads the channels of LISTEN and UNLISTEN statements as PostgreSQL does', () => {
    expect(listenStatements('LISTEN article_events')).toEqual([[false, 'article_events']]);
    expect(listenStatements('listen "Mixed Case"; UNLISTEN Other_Channel')).toEqual([
      [false, 'Mixed Case'],
      [true, 'other_channel'],
    ]);
    expect(listenStatements('UNLISTEN *')).toEqual([[true, '*']]);
    expect(listenStatements('SELECT 1')).toEqual([]);
  });
});
