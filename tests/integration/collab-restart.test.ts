import { afterAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import NodeWebSocket from 'crossws/websocket';
import * as Y from 'yjs';
import { articleTextOfYDoc, replaceArticleText } from '@/lib/collab/article-document';
import { issueCollabToken } from '@/lib/collab/collab-token';
import { articleDocumentName } from '@/lib/collab/document-name';
import { createArticle, createUser, db } from '../support/db';

// The real collaboration server process, killed with SIGKILL mid-editing and started again.
const SECRET = process.env.COLLAB_TOKEN_SECRET!;
const children: ChildProcess[] = [];
const providers: HocuspocusProvider[] = [];

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function startServer(port: number): Promise<ChildProcess> {
  // `node --import tsx`, not the tsx binary: SIGKILL must hit the server itself, not a wrapper.
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/collab-server.ts'], {
    env: { ...process.env, COLLAB_PORT: String(port), COLLAB_HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('collab server did not start')), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('listening')) {
        clearTimeout(timer);
        resolve();
      }
    });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`collab server exited ${code}: ${stderr.slice(0, 500)}`)));
  });
  return child;
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function connect(port: number, articleId: string, user: { id: string; name: string; role: 'EDITOR' }) {
  const doc = new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({ url: `ws://127.0.0.1:${port}`, WebSocketPolyfill: NodeWebSocket, delay: 200, minDelay: 200, maxDelay: 1000 });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: articleDocumentName(articleId),
    document: doc,
    token: () => issueCollabToken(user, SECRET),
  });
  provider.attach();
  providers.push(provider);
  return { doc, provider, text: () => articleTextOfYDoc(doc) };
}

afterAll(() => {
  for (const provider of providers) {
    provider.destroy();
    provider.configuration.websocketProvider.destroy();
  }
  for (const child of children) child.kill('SIGKILL');
});

describe('collaboration server killed mid-editing', () => {
  it('clients reconnect and converge, and nothing they were told was saved is lost', async () => {
    const text = 'First paragraph about the budget.\nSecond paragraph about the harbour.\n';
    const article = await createArticle(text);
    const [editorA, editorB] = await Promise.all([createUser('EDITOR'), createUser('EDITOR')]);
    const port = await freePort();
    let server = await startServer(port);

    const a = connect(port, article.id, { id: editorA.id, name: editorA.name, role: 'EDITOR' });
    const b = connect(port, article.id, { id: editorB.id, name: editorB.name, role: 'EDITOR' });
    await until(() => a.text() === text && b.text() === text);

    // A correction that the server relayed (so it was received) ...
    const first = 'First paragraph about the city budget.\nSecond paragraph about the harbour.\n';
    replaceArticleText(a.doc, first);
    await until(() => b.text() === first);

    // ... then the server dies without a chance to store anything, and B keeps editing offline.
    server.kill('SIGKILL');
    await new Promise((resolve) => server.once('exit', resolve));
    const second = 'First paragraph about the city budget.\nSecond paragraph about the old harbour.\n';
    replaceArticleText(b.doc, second);

    server = await startServer(port);
    // Both reconnect on their own and converge on both edits.
    await until(() => a.text() === second && b.text() === second, 60_000);
    // And the server stores them: the article text in PostgreSQL has both.
    await until(async () => (await db.article.findUniqueOrThrow({ where: { id: article.id } })).text === second, 60_000);
    const revisions = await db.articleRevision.count({ where: { articleId: article.id } });
    expect(revisions).toBeGreaterThan(1);
  }, 180_000);
});
