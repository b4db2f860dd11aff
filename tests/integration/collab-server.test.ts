import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HocuspocusProvider, HocuspocusProviderWebsocket, type onMessageParameters } from '@hocuspocus/provider';
import { MessageType } from '@hocuspocus/server';
// The `ws` client bundled by crossws (Hocuspocus's WebSocket layer): Node 20 has no global WebSocket.
import NodeWebSocket from 'crossws/websocket';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import net from 'node:net';
import * as Y from 'yjs';
import { describeRange } from '@/lib/anchoring/selectors';
import type { Role } from '@/lib/auth/roles';
import { articleTextOfYDoc, replaceArticleText } from '@/lib/collab/article-document';
import { issueCollabToken } from '@/lib/collab/collab-token';
import { colorForUser } from '@/lib/collab/colors';
import { articleDocumentName } from '@/lib/collab/document-name';
import { publishArticleEvent, publishUserEvent } from '@/lib/events/article-events';
import { createAnnotation } from '@/lib/annotations/create-annotation';
import { createAnnotationInput } from '@/lib/annotations/input-schemas';
import { COLLAB_DEFAULTS, createCollabServer, type CollabServer, type CollabServerOptions } from '@/server/collab-server-factory';
import { SocketClose } from '@/server/socket-close';
import * as accountPasswordRoute from '@/app/api/account/password/route';
import * as collabTokenRoute from '@/app/api/collab/token/route';
import { apiTokenFor, call, sessionCookieFor, setSessionCookie } from '../support/api';
import { resetUserPassword } from '@/lib/users/reset-user-password';
import { createArticle, createUser, db } from '../support/db';
import { strongPassword } from '../support/users';

const SECRET = process.env.COLLAB_TOKEN_SECRET!;

const P1 = 'The minister said the economy grew by 3 percent last year, according to figures published on Monday.';
const P2 = 'Critics argue the numbers were inflated by a one-off accounting change made in the spring.';
const P3 = 'Opposition leaders called for an independent audit of the national statistics office.';
const TEXT = `${P1}\n${P2}\n${P3}\n`;

const servers: CollabServer[] = [];
const clients: Client[] = [];
const serverLog: string[] = [];

async function startServer(options: Partial<CollabServerOptions> = {}): Promise<{ server: CollabServer; url: string }> {
  const server = createCollabServer({
    databaseUrl: process.env.DATABASE_URL!,
    tokenSecret: SECRET,
    port: 0,
    host: '127.0.0.1',
    debounceMs: 200,
    maxDebounceMs: 1000,
    log: (line) => serverLog.push(line),
    ...options,
  });
  servers.push(server);
  return { server, url: `ws://127.0.0.1:${await server.listen()}` };
}

interface Client {
  provider: HocuspocusProvider;
  socket: HocuspocusProviderWebsocket;
  doc: Y.Doc;
  synced: boolean;
  authenticated: boolean;
  failures: string[];
  stateless: string[];
  disconnects: number;
  /** Each close the provider reported: the document's (code 1000) and the socket's own. */
  closes: { code: number; reason: string }[];
  refusedUpdates: number;
  text(): string;
  sendRaw(bytes: Uint8Array): void;
}

function connect(url: string, articleId: string, token: string): Client {
  const doc = new Y.Doc();
  const state = {
    synced: false,
    authenticated: false,
    failures: [] as string[],
    stateless: [] as string[],
    disconnects: 0,
    closes: [] as { code: number; reason: string }[],
    refusedUpdates: 0,
  };
  // Node has no WebSocket of its own: the socket is given one, then the document's provider is attached to it.
  const socket = new HocuspocusProviderWebsocket({
    url,
    WebSocketPolyfill: NodeWebSocket,
    // Reconnect quickly, so that a refused reconnection shows within the test.
    delay: 100,
    minDelay: 100,
    maxDelay: 500,
  });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: articleDocumentName(articleId),
    document: doc,
    token,
    onSynced: ({ state: synced }) => (state.synced = synced),
    onAuthenticated: () => (state.authenticated = true),
    onAuthenticationFailed: ({ reason }) => {
      state.authenticated = false;
      state.failures.push(reason);
    },
    onStateless: ({ payload }) => state.stateless.push(payload),
    onDisconnect: () => (state.disconnects += 1),
    onClose: ({ event }) => state.closes.push({ code: event.code, reason: event.reason }),
    onMessage: ({ event }: onMessageParameters) => {
      if (isRefusedUpdate(new Uint8Array(event.data as ArrayBuffer))) state.refusedUpdates += 1;
    },
  });
  provider.attach();
  const client: Client = Object.assign(state, {
    provider,
    socket,
    doc,
    text: () => articleTextOfYDoc(doc),
    sendRaw: (bytes: Uint8Array) => {
      if (!socket.webSocket) throw new Error('socket is not open');
      socket.webSocket.send(bytes);
    },
  });
  clients.push(client);
  return client;
}

function disconnect(client: Client): void {
  // Closing a socket whose handshake is still under way (a busy machine) makes ws emit 'error' once
  // it has aborted it; nothing listens by then, and it would surface as an uncaught exception.
  client.socket.webSocket?.addEventListener('error', () => {});
  client.provider.destroy();
  client.socket.destroy();
}

/** The WebSocket's own close, not the document-level close message the provider reports as 1000. */
function isSocketClose(close: { code: number }): boolean {
  return close.code !== 1000;
}

/** The server answers each update with SyncStatus: 1 applied, 0 refused (read-only connection). */
function isRefusedUpdate(message: Uint8Array): boolean {
  const decoder = decoding.createDecoder(message);
  decoding.readVarString(decoder);
  return decoding.readVarUint(decoder) === MessageType.SyncStatus && decoding.readVarInt(decoder) === 0;
}

async function tokenFor(role: Role, overrides: { active?: boolean } = {}) {
  const user = await createUser(role, overrides);
  return { user, token: await issueCollabToken(user, SECRET) };
}

async function connectSynced(url: string, articleId: string, role: Role) {
  const { user, token } = await tokenFor(role);
  const client = connect(url, articleId, token);
  await waitFor(() => client.synced, `${role} to sync`);
  return { user, client };
}

/** Polls until `probe` returns something truthy; no timing is asserted, the timeout is only a backstop. */
async function waitFor<T>(probe: () => T | Promise<T>, what: string, timeoutMs = 20_000): Promise<Exclude<NonNullable<T>, false>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value as Exclude<NonNullable<T>, false>;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function annotate(articleId: string, authorId: string, text: string, quote: string) {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`"${quote}" is not in the text`);
  const anchor = describeRange(text, start, start + quote.length);
  return db.annotation.create({
    data: {
      articleId,
      authorId,
      quoteExact: anchor.quote.exact,
      quotePrefix: anchor.quote.prefix,
      quoteSuffix: anchor.quote.suffix,
      positionStart: anchor.position.start,
      positionEnd: anchor.position.end,
    },
  });
}

function rawMessage(documentName: string, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, documentName);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

afterEach(() => {
  for (const client of clients.splice(0)) disconnect(client);
});

afterAll(async () => {
  for (const client of clients.splice(0)) disconnect(client);
  await Promise.all(servers.splice(0).map((server) => server.destroy()));
});

describe('collaboration server', () => {
  let url: string;
  let httpUrl: string;

  beforeAll(async () => {
    ({ url } = await startServer());
    httpUrl = url.replace('ws://', 'http://');
  });

  it('answers GET /health on its port', async () => {
    const response = await fetch(`${httpUrl}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });

  it("lets an active editor in read-write and syncs the article's text from the database", async () => {
    const article = await createArticle(TEXT);
    const { client } = await connectSynced(url, article.id, 'EDITOR');
    expect(client.authenticated).toBe(true);
    expect(client.provider.authorizedScope).toBe('read-write');
    expect(client.text()).toBe(TEXT);
  });

  it('lets a reviewer in read-only', async () => {
    const article = await createArticle(TEXT);
    const { client } = await connectSynced(url, article.id, 'REVIEWER');
    expect(client.provider.authorizedScope).toBe('readonly');
    expect(client.text()).toBe(TEXT);
  });

  it('shows each user in awareness (carets) under the name and colour the server knows, whatever the client claims', async () => {
    const article = await createArticle(TEXT);
    const { user: reviewer, client: claimant } = await connectSynced(url, article.id, 'REVIEWER');
    const { client: watcher } = await connectSynced(url, article.id, 'EDITOR');
    claimant.provider.setAwarenessField('user', { name: 'The Editor-in-Chief', color: '#ffffff', avatar: 'a.png' });
    const seen = await waitFor(
      () => [...watcher.provider.awareness!.getStates().values()].find((state) => state.user?.id === reviewer.id),
      "the reviewer's awareness state",
    );
    expect(seen.user).toEqual({ id: reviewer.id, name: reviewer.name, color: colorForUser(reviewer.id), avatar: 'a.png' });

    // The passage a client says it is checking is passed on only if it is a sane one.
    const checkingSeen = () => [...watcher.provider.awareness!.getStates().values()].find((state) => state.user?.id === reviewer.id)?.checking;
    claimant.provider.setAwarenessField('checking', { start: 4, end: 9, exact: 'quick' });
    await waitFor(() => (checkingSeen()?.exact === 'quick' ? true : undefined), 'a checking passage');
    expect(checkingSeen()).toEqual({ start: 4, end: 9, exact: 'quick' });
    claimant.provider.setAwarenessField('checking', { start: 4, end: 9_000_000, exact: '<img src=x>', color: 'red' });
    await waitFor(() => (checkingSeen() === null ? true : undefined), 'the insane passage dropped');
  });

  it('refuses an invalid token, an expired token, a deactivated user and an unknown article', async () => {
    const article = await createArticle(TEXT);
    const editor = await createUser('EDITOR');
    const forged = await issueCollabToken(editor, 'another-secret-that-is-long-enough-0123456789');
    const expired = await issueCollabToken(editor, SECRET, -10);
    const { token: deactivated } = await tokenFor('EDITOR', { active: false });
    const valid = await issueCollabToken(editor, SECRET);

    const refused = [
      connect(url, article.id, forged),
      connect(url, article.id, expired),
      connect(url, article.id, 'not-a-jwt'),
      connect(url, article.id, deactivated),
      connect(url, 'no-such-article', valid),
    ];
    await waitFor(() => refused.every((client) => client.failures.length > 0), 'every connection to be refused');
    expect(refused.map((client) => client.failures[0])).toEqual([
      'invalid-token',
      'invalid-token',
      'invalid-token',
      'inactive-user',
      'unknown-document',
    ]);
    expect(refused.some((client) => client.authenticated || client.synced)).toBe(false);
  });

  it("refuses a reviewer's edit while an editor's edit reaches the other clients and the stored document", async () => {
    const article = await createArticle(TEXT);
    const { client: reviewer } = await connectSynced(url, article.id, 'REVIEWER');
    const { client: editor } = await connectSynced(url, article.id, 'EDITOR');
    const { client: watcher } = await connectSynced(url, article.id, 'EDITOR');

    // A crafted client: it applies the change locally and sends it, as if it could edit.
    replaceArticleText(reviewer.doc, TEXT.replace('Critics argue', 'REVIEWER WAS HERE. Critics argue'));
    await waitFor(() => reviewer.refusedUpdates > 0, "the server to refuse the reviewer's update");

    const corrected = TEXT.replace('on Monday', 'on Tuesday');
    replaceArticleText(editor.doc, corrected);
    await waitFor(() => watcher.text() === corrected, "the editor's change to reach the other editor");
    expect(watcher.text()).not.toContain('REVIEWER');

    const stored = await waitFor(
      () => db.collabDocument.findUnique({ where: { name: articleDocumentName(article.id) } }),
      'the document to be stored',
    );
    const storedDoc = new Y.Doc();
    Y.applyUpdate(storedDoc, stored.state);
    expect(articleTextOfYDoc(storedDoc)).toBe(corrected);
    const row = await waitFor(async () => {
      const current = await db.article.findUniqueOrThrow({ where: { id: article.id } });
      return current.version === 2 ? current : null;
    }, 'the article text to be corrected');
    expect(row.text).toBe(corrected);
  });

  it('stores the corrected text, records a revision and re-anchors annotations (fuzzy, moved, orphaned — never deleted)', async () => {
    const article = await createArticle(TEXT);
    const { user: editorUser, client: editor } = await connectSynced(url, article.id, 'EDITOR');
    const { client: reviewer } = await connectSynced(url, article.id, 'REVIEWER');
    const author = await createUser('REVIEWER');
    const edited = await annotate(article.id, author.id, TEXT, 'the economy grew by 3 percent last year');
    const shifted = await annotate(article.id, author.id, TEXT, 'a one-off accounting change');
    const deleted = await annotate(article.id, author.id, TEXT, 'called for an independent audit of the national statistics office');

    const corrected = `${P1.replace('by 3 percent', 'by 2.5 percent')}\n${P2}\n`;
    replaceArticleText(editor.doc, corrected);

    const row = await waitFor(async () => {
      const current = await db.article.findUniqueOrThrow({ where: { id: article.id } });
      return current.version === 2 ? current : null;
    }, 'the correction to be stored');
    expect(row.text).toBe(corrected);
    expect(await db.collabDocument.count({ where: { name: articleDocumentName(article.id) } })).toBe(1);

    const revision = await db.articleRevision.findUniqueOrThrow({ where: { articleId_version: { articleId: article.id, version: 2 } } });
    expect(revision).toMatchObject({ text: corrected, editorId: editorUser.id });
    expect(revision.note).toMatch(/^Corrected in the live editor: .*Annotations: 1 moved, 1 re-anchored, 1 orphaned\.$/);

    const after = new Map((await db.annotation.findMany({ where: { articleId: article.id } })).map((a) => [a.id, a]));
    expect(after.size).toBe(3);

    const fuzzy = after.get(edited.id)!;
    expect(fuzzy.orphaned).toBe(false);
    expect(fuzzy.quoteExact).toContain('2.5 percent');
    expect(corrected.slice(fuzzy.positionStart, fuzzy.positionEnd)).toBe(fuzzy.quoteExact);

    const moved = after.get(shifted.id)!;
    expect(moved.orphaned).toBe(false);
    expect(moved.quoteExact).toBe('a one-off accounting change');
    expect(moved.positionStart).toBe(shifted.positionStart + 2);
    expect(corrected.slice(moved.positionStart, moved.positionEnd)).toBe(moved.quoteExact);

    const orphan = after.get(deleted.id)!;
    expect(orphan.orphaned).toBe(true);
    expect(orphan.deletedAt).toBeNull();
    expect(orphan.quoteExact).toBe(deleted.quoteExact);

    const events = await db.annotationEvent.findMany({ where: { annotationId: { in: [edited.id, deleted.id] } } });
    expect(events.map((e) => [e.annotationId, e.kind, e.actorId]).sort()).toEqual(
      [
        [edited.id, 'reanchored', editorUser.id],
        [deleted.id, 'orphaned', editorUser.id],
      ].sort(),
    );

    // The committed correction is announced to everyone on the article.
    for (const client of [editor, reviewer]) {
      await waitFor(
        () => client.stateless.some((payload) => JSON.parse(payload).type === 'article.changed' && JSON.parse(payload).version === 2),
        'the article.changed event',
      );
    }
  });

  it("relays article_events notifications to that article's clients only, as stateless messages", async () => {
    const article = await createArticle(TEXT);
    const other = await createArticle(TEXT);
    const { user, client: first } = await connectSynced(url, article.id, 'REVIEWER');
    const { client: second } = await connectSynced(url, article.id, 'EDITOR');
    const { client: elsewhere } = await connectSynced(url, other.id, 'EDITOR');

    const event = { type: 'annotation.changed', articleId: article.id, annotationId: 'a1', actorId: user.id, version: 3 } as const;
    await db.$transaction((tx) => publishArticleEvent(tx, event));
    for (const client of [first, second]) {
      await waitFor(() => client.stateless.length > 0, 'the relayed event');
      expect(client.stateless.map((payload) => JSON.parse(payload))).toEqual([event]);
    }

    // Notifications arrive in order: once the other article's marker is there, the first event
    // would have been too, had it been sent there.
    const marker = { type: 'comment.changed', articleId: other.id, annotationId: 'a2', actorId: user.id } as const;
    await publishArticleEvent(db, marker);
    await waitFor(() => elsewhere.stateless.length > 0, 'the marker event');
    expect(elsewhere.stateless.map((payload) => JSON.parse(payload))).toEqual([marker]);
  });

  it('tells the article\'s clients of an annotation created through the API, once it is stored', async () => {
    const article = await createArticle(TEXT);
    const { user, client } = await connectSynced(url, article.id, 'EDITOR');
    const start = TEXT.indexOf('3 percent');
    const input = createAnnotationInput.parse({ start, end: start + '3 percent'.length, exact: '3 percent', verdict: null, rationale: 'Checked against the release.' });
    const { annotation } = await createAnnotation(user, article.id, input);

    const relayed = await waitFor(
      () => client.stateless.map((payload) => JSON.parse(payload)).find((event) => event.type === 'annotation.created'),
      'the annotation.created event',
    );
    expect(relayed).toEqual({ type: 'annotation.created', articleId: article.id, annotationId: annotation.id, actorId: user.id });
    // Sent after the commit: what the event names is there to read.
    expect(await db.annotation.count({ where: { id: annotation.id } })).toBe(1);
  });

  it("closes a deactivated user's connection on user_events while another user's stays open", async () => {
    const article = await createArticle(TEXT);
    const { user: leaving, client: leavingClient } = await connectSynced(url, article.id, 'REVIEWER');
    const { client: staying } = await connectSynced(url, article.id, 'EDITOR');

    await db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: leaving.id }, data: { active: false } });
      await publishUserEvent(tx, { type: 'user.deactivated', userId: leaving.id });
    });
    await waitFor(() => leavingClient.disconnects > 0, 'the deactivated user to be disconnected');
    // Its provider reconnects on its own, and is refused.
    await waitFor(() => leavingClient.failures.includes('inactive-user'), 'the reconnection to be refused');
    expect(leavingClient.authenticated).toBe(false);

    expect(staying.disconnects).toBe(0);
    expect(staying.authenticated).toBe(true);
    replaceArticleText(staying.doc, TEXT.replace('on Monday', 'on Friday'));
    await waitFor(async () => (await db.article.findUniqueOrThrow({ where: { id: article.id } })).version === 2, "the other user's edit to be stored");
  });

  it('closes only the connection that sends garbage, an oversized message or a flood', async () => {
    const article = await createArticle(TEXT);
    const name = articleDocumentName(article.id);
    const { client: garbage } = await connectSynced(url, article.id, 'EDITOR');
    const { client: oversized } = await connectSynced(url, article.id, 'EDITOR');
    const { client: flood } = await connectSynced(url, article.id, 'REVIEWER');
    const { client: bystander } = await connectSynced(url, article.id, 'REVIEWER');

    garbage.sendRaw(
      rawMessage(name, (encoder) => {
        encoding.writeVarUint(encoder, MessageType.Sync);
        encoding.writeVarUint(encoder, 2);
        encoding.writeVarUint8Array(encoder, new Uint8Array([0xde, 0xad, 0xbe, 0xef, 1, 2, 3]));
      }),
    );
    await waitFor(() => garbage.disconnects > 0, 'the garbage sender to be disconnected');

    oversized.sendRaw(new Uint8Array(COLLAB_DEFAULTS.maxMessageBytes + 1));
    await waitFor(() => oversized.disconnects > 0, 'the oversized sender to be disconnected');

    const query = rawMessage(name, (encoder) => encoding.writeVarUint(encoder, MessageType.QueryAwareness));
    for (let i = 0; i < COLLAB_DEFAULTS.maxMessagesPerSecond * 2; i++) flood.sendRaw(query);
    await waitFor(() => flood.disconnects > 0, 'the flooding client to be disconnected');

    expect(bystander.disconnects).toBe(0);
    expect(bystander.authenticated).toBe(true);
    // The server carries on: the garbage sender's provider reconnects and its edit reaches the bystander.
    await waitFor(() => garbage.authenticated && garbage.synced, 'the garbage sender to reconnect');
    const corrected = TEXT.replace('in the spring', 'in the autumn');
    replaceArticleText(garbage.doc, corrected);
    await waitFor(() => bystander.text() === corrected, 'an edit after the bad messages');
    expect(bystander.disconnects).toBe(0);
  });
});

/** A collaboration token as the app issues it to the caller (a session cookie, or an API token). */
async function collabTokenFor(auth: { cookie: string } | { bearer: string }): Promise<string> {
  const response = await call(collabTokenRoute.POST, 'POST', 'cookie' in auth ? { headers: { cookie: auth.cookie } } : { token: auth.bearer });
  expect(response.status).toBe(200);
  return response.json.token;
}

/** One editor signed in twice (`here` earlier than `elsewhere`), both sessions on one new article. */
async function twoSessionsOnAnArticle(url: string) {
  const article = await createArticle(TEXT);
  const user = await createUser('EDITOR');
  const here = await sessionCookieFor(user, 120);
  const elsewhere = await sessionCookieFor(user, 60);
  const onHere = connect(url, article.id, await collabTokenFor(here));
  const onElsewhere = connect(url, article.id, await collabTokenFor(elsewhere));
  return { article, user, here, elsewhere, onHere, onElsewhere };
}

describe('collaboration sockets and password changes', () => {
  let url: string;

  beforeAll(async () => {
    ({ url } = await startServer());
  });

  it("closes the sockets of the sessions a password change ended at once, while the changing session's socket stays and syncs", async () => {
    const { article, user, here, elsewhere, onHere, onElsewhere } = await twoSessionsOnAnArticle(url);
    // A personal API token is no session: no password change ends it, nor its socket.
    const byApiToken = connect(url, article.id, await collabTokenFor({ bearer: await apiTokenFor(user.id) }));
    await waitFor(() => onHere.synced && onElsewhere.synced && byApiToken.synced, 'the three connections to sync');

    const changed = await call(accountPasswordRoute.POST, 'POST', {
      headers: { cookie: here.cookie },
      body: { currentPassword: user.password, newPassword: strongPassword() },
    });
    expect(changed.status).toBe(204);

    await waitFor(() => onElsewhere.closes.some(isSocketClose), "the other session's socket to be closed");
    expect(onElsewhere.closes.filter(isSocketClose)[0]).toEqual(SocketClose.sessionEnded);
    // Its provider reconnects on its own with the token it had, and is refused.
    await waitFor(() => onElsewhere.failures.includes('session-ended'), 'the reconnection to be refused');
    expect(onElsewhere.authenticated).toBe(false);
    // …and it gets no new token.
    expect((await call(collabTokenRoute.POST, 'POST', { headers: { cookie: elsewhere.cookie } })).status).toBe(401);

    expect(onHere.disconnects).toBe(0);
    expect(byApiToken.disconnects).toBe(0);
    const corrected = TEXT.replace('on Monday', 'on Wednesday');
    replaceArticleText(onHere.doc, corrected);
    await waitFor(() => byApiToken.text() === corrected, "the changing session's edit to reach the other socket");
    await waitFor(async () => (await db.article.findUniqueOrThrow({ where: { id: article.id } })).version === 2, 'the edit to be stored');
    expect(onHere.disconnects).toBe(0);

    // The changing session, signed again, gets tokens for new sockets.
    const renewed = connect(url, article.id, await collabTokenFor({ cookie: setSessionCookie(changed.headers) }));
    await waitFor(() => renewed.synced, "the changing session's new socket to sync");
    expect(renewed.text()).toBe(corrected);
  });

  it("closes a user's sockets at once when an admin resets their password, and refuses their tokens while they are held", async () => {
    const article = await createArticle(TEXT);
    const { user, client } = await connectSynced(url, article.id, 'EDITOR');
    const { client: other } = await connectSynced(url, article.id, 'EDITOR');

    await resetUserPassword(await createUser('ADMIN'), user.id);
    await waitFor(() => client.closes.some(isSocketClose), "the held user's socket to be closed");
    expect(client.closes.filter(isSocketClose)[0]).toEqual(SocketClose.passwordReset);
    await waitFor(() => client.failures.includes('password-reset'), 'the reconnection to be refused');
    expect(other.disconnects).toBe(0);
  });

  it('refuses a socket for a token issued to a session before a password change ended it', async () => {
    const article = await createArticle(TEXT);
    const user = await createUser('REVIEWER');
    const session = await sessionCookieFor(user, 60);
    const token = await collabTokenFor(session);
    await db.user.update({ where: { id: user.id }, data: { sessionsValidFrom: new Date() } });
    const client = connect(url, article.id, token);
    await waitFor(() => client.failures.length > 0, 'the connection to be refused');
    expect(client.failures[0]).toBe('session-ended');
    expect(client.synced).toBe(false);
  });
});

describe('collaboration server safety net', () => {
  it('closes the connection of a user deactivated without a notification at the next re-check', async () => {
    const { url } = await startServer({ userRecheckIntervalMs: 300 });
    const article = await createArticle(TEXT);
    const { user, client } = await connectSynced(url, article.id, 'EDITOR');
    const { client: other } = await connectSynced(url, article.id, 'REVIEWER');
    await db.user.update({ where: { id: user.id }, data: { active: false } });
    await waitFor(() => client.disconnects > 0, 'the re-check to disconnect the user');
    expect(other.disconnects).toBe(0);
  });

  it("closes the sockets of sessions a password change ended without a notification at the next re-check, and keeps the changing session's", async () => {
    const { url } = await startServer({ userRecheckIntervalMs: 300 });
    const { user, here, onHere, onElsewhere } = await twoSessionsOnAnArticle(url);
    await waitFor(() => onHere.synced && onElsewhere.synced, 'both sessions to sync');

    // What a password change from `here` writes, without its notification.
    await db.user.update({ where: { id: user.id }, data: { sessionsValidFrom: new Date(), keptSessionId: here.sid } });
    await waitFor(() => onElsewhere.closes.some(isSocketClose), 'the re-check to close the ended session');
    expect(onElsewhere.closes.filter(isSocketClose)[0]).toEqual(SocketClose.sessionEnded);
    // Several more re-checks pass over the changing session's socket.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(onHere.disconnects).toBe(0);
    expect(onHere.authenticated).toBe(true);
  });
});

async function redisIsUp(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(6379, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe.runIf(await redisIsUp())('two collaboration servers joined by Redis', () => {
  it('share edits, and relay each article event once to every client', async () => {
    const redisUrl = 'redis://127.0.0.1:6379';
    const { url: first } = await startServer({ redisUrl });
    const { url: second } = await startServer({ redisUrl });
    const article = await createArticle(TEXT);
    const { user, client: onFirst } = await connectSynced(first, article.id, 'EDITOR');
    const { client: onSecond } = await connectSynced(second, article.id, 'EDITOR');

    const corrected = TEXT.replace('on Monday', 'on Sunday');
    replaceArticleText(onFirst.doc, corrected);
    await waitFor(() => onSecond.text() === corrected, 'the edit to cross instances');
    await waitFor(async () => (await db.article.findUniqueOrThrow({ where: { id: article.id } })).version === 2, 'the correction to be stored');

    const isVersion2 = (payload: string) => JSON.parse(payload).type === 'article.changed' && JSON.parse(payload).version === 2;
    await waitFor(() => onFirst.stateless.some(isVersion2) && onSecond.stateless.some(isVersion2), 'both clients to hear of the correction');
    const marker = { type: 'comment.changed', articleId: article.id, annotationId: 'm', actorId: user.id } as const;
    await publishArticleEvent(db, marker);
    const isMarker = (payload: string) => JSON.parse(payload).annotationId === 'm';
    await waitFor(() => onFirst.stateless.some(isMarker) && onSecond.stateless.some(isMarker), 'the marker on both instances');
    // Anything duplicated would have arrived by the time a later event does.
    await publishArticleEvent(db, { ...marker, annotationId: 'm2' });
    const isLater = (payload: string) => JSON.parse(payload).annotationId === 'm2';
    await waitFor(() => onFirst.stateless.some(isLater) && onSecond.stateless.some(isLater), 'the later marker on both instances');
    for (const client of [onFirst, onSecond]) {
      expect(client.stateless.filter(isVersion2)).toHaveLength(1);
      expect(client.stateless.filter(isMarker)).toHaveLength(1);
    }
    expect(await db.articleRevision.count({ where: { articleId: article.id } })).toBe(2);
  });
});
