// The baseline collaboration server: Hocuspocus with no extensions at all (no authentication,
// persistence, guards or relays), in a process of its own like the app's. Prints its port.
import { Server } from '@hocuspocus/server';

const server = new Server({ port: Number(process.env.BARE_PORT ?? 0), address: '127.0.0.1', quiet: true, stopOnSignals: false });
await server.listen();
process.stdout.write(`listening ${server.address.port}\n`);
const stop = async () => {
  await server.destroy().catch(() => {});
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// A full collection on request (run with --expose-gc), before the bench samples memory.
process.on('message', (message) => {
  if (message?.type !== 'gc') return;
  globalThis.gc?.();
  process.send({ type: 'gc-done', memory: process.memoryUsage() });
});
// Ends with the bench, even if the bench dies without stopping it.
process.on('disconnect', stop);
