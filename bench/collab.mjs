// Node collaboration clients (as tests/integration/collab-server.test.ts connects them), tokens
// from lib/collab/collab-token.ts, and the bare Hocuspocus baseline server in a child process.
import { fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
// The `ws` client bundled by crossws: Node 20 has no global WebSocket.
import NodeWebSocket from 'crossws/websocket';
import * as Y from 'yjs';
import { sleep } from './lib.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(here);

let tokenModule;
/** issueCollabToken from the app's own module (TypeScript, loaded through tsx). */
export async function issueCollabToken(user, secret, ttlSeconds) {
  if (!tokenModule) {
    const { tsImport } = await import('tsx/esm/api');
    tokenModule = await tsImport(path.join(root, 'lib', 'collab', 'collab-token.ts'), import.meta.url);
  }
  return tokenModule.issueCollabToken(user, secret, ttlSeconds);
}

export function articleDocumentName(articleId) {
  return `article:${articleId}`;
}

export function connectClient(url, documentName, token) {
  const doc = new Y.Doc();
  const state = { synced: false, failures: [], disconnects: 0 };
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: NodeWebSocket, delay: 200, minDelay: 200, maxDelay: 2000 });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: documentName,
    document: doc,
    token,
    onSynced: ({ state: synced }) => (state.synced = synced),
    onAuthenticationFailed: ({ reason }) => state.failures.push(reason),
    onDisconnect: () => (state.disconnects += 1),
  });
  provider.attach();
  return Object.assign(state, {
    doc,
    provider,
    socket,
    destroy() {
      provider.destroy();
      socket.destroy();
      doc.destroy();
    },
  });
}

/** Connects `count` clients, `batch` at a time, each synced before the next batch starts. */
export async function connectMany(count, make, { batch = 10, timeoutMs = 60_000 } = {}) {
  const clients = [];
  try {
    for (let i = 0; i < count; i += batch) {
      const group = [];
      for (let j = i; j < Math.min(count, i + batch); j++) group.push(await make(j));
      clients.push(...group);
      await waitFor(() => group.every((c) => c.synced), `clients ${i}–${i + group.length - 1} to sync`, timeoutMs, group);
    }
  } catch (error) {
    for (const client of clients) client.destroy();
    throw error;
  }
  return clients;
}

export async function waitFor(probe, what, timeoutMs = 30_000, clients = []) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (probe()) return;
    const failures = clients.flatMap((c) => c.failures);
    if (failures.length) throw new Error(`${what}: refused (${[...new Set(failures)].join(', ')})`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

export function destroyAll(clients) {
  for (const client of clients.splice(0)) {
    try {
      client.destroy();
    } catch {
      // Already closed.
    }
  }
}

/** The first Y.XmlText of the article fragment (the first paragraph's text), as an editor's change would touch. */
export function firstXmlText(doc) {
  const fragment = doc.getXmlFragment('default');
  for (const node of fragment.toArray()) {
    if (node instanceof Y.XmlText) return node;
    if (node instanceof Y.XmlElement) {
      const text = node.toArray().find((child) => child instanceof Y.XmlText);
      if (text) return text;
    }
  }
  return null;
}

/** Starts bench/bare-hocuspocus.mjs; resolves with its url, pid and a stop function. */
export async function startBareServer() {
  const child = fork(path.join(here, 'bare-hocuspocus.mjs'), [], { cwd: root, stdio: ['ignore', 'pipe', 'inherit', 'ipc'], execArgv: ['--expose-gc'] });
  const port = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('the bare Hocuspocus server did not start within 20 s')), 20_000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /listening (\d+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the bare Hocuspocus server exited (${code})`));
    });
  });
  return {
    url: `ws://127.0.0.1:${port}`,
    pid: child.pid,
    /** A full garbage collection in the server; resolves with its process.memoryUsage(). */
    gc() {
      return new Promise((resolve) => {
        const listener = (message) => {
          if (message?.type !== 'gc-done') return;
          child.off('message', listener);
          resolve(message.memory);
        };
        child.on('message', listener);
        child.send({ type: 'gc' });
      });
    },
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await Promise.race([new Promise((resolve) => child.once('exit', resolve)), sleep(5000)]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}
