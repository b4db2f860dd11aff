// A full garbage collection in another Node process, so that an RSS sample counts what is retained
// rather than what the collector has not got round to yet. The app's processes run with
// NODE_OPTIONS=--inspect-port=127.0.0.1:0 (set by scripts/bench.mjs): SIGUSR1 opens the inspector
// on a free port, which the process announces on stderr (the app's log file); the DevTools
// protocol then runs HeapProfiler.collectGarbage.
import { readFileSync, statSync } from 'node:fs';
import NodeWebSocket from 'crossws/websocket';
import { sleep } from './lib.mjs';

export async function openInspector(pid, logFile, timeoutMs = 10_000) {
  const offset = statSync(logFile).size;
  process.kill(pid, 'SIGUSR1');
  const deadline = Date.now() + timeoutMs;
  let url = null;
  while (!url) {
    if (Date.now() > deadline) throw new Error(`process ${pid} did not open its inspector`);
    await sleep(100);
    const added = readFileSync(logFile).subarray(offset).toString('utf8');
    url = /Debugger listening on (ws:\/\/\S+)/.exec(added)?.[1] ?? null;
  }
  const socket = new NodeWebSocket(url);
  await new Promise((resolve, reject) => {
    socket.addEventListener('open', resolve, { once: true });
    socket.addEventListener('error', () => reject(new Error(`cannot connect to the inspector at ${url}`)), { once: true });
  });
  let nextId = 1;
  const waiting = new Map();
  socket.addEventListener('message', (event) => {
    const message = JSON.parse(String(event.data));
    const pending = waiting.get(message.id);
    if (!pending) return;
    waiting.delete(message.id);
    if (message.error) pending.reject(new Error(message.error.message));
    else pending.resolve(message.result);
  });
  const call = (method, params = {}) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve, reject });
      socket.send(JSON.stringify({ id, method, params }));
      setTimeout(() => {
        if (waiting.delete(id)) reject(new Error(`inspector: ${method} timed out`));
      }, 60_000);
    });
  return {
    url,
    /** Any DevTools protocol method (for profiling). */
    call,
    async gc() {
      await call('HeapProfiler.collectGarbage');
    },
    async memoryUsage() {
      const { result } = await call('Runtime.evaluate', { expression: 'JSON.stringify(process.memoryUsage())', returnByValue: true });
      return JSON.parse(result.value);
    },
    async close() {
      // Closes the inspector's port again (the process carries on as before); the session ends
      // with it, so the answer may never come.
      await Promise.race([call('Runtime.evaluate', { expression: 'process._debugEnd?.()' }).catch(() => {}), sleep(1000)]);
      socket.close();
      for (const pending of waiting.values()) pending.reject(new Error('inspector closed'));
      waiting.clear();
    },
  };
}
