import { MessageType, type Connection, type Extension, type WebSocketLike, type beforeHandleMessagePayload } from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import type { CollabContext } from '../collab-context';
import { MessageRejected, SocketClose, closeSocket, type SocketCloseEvent } from '../socket-close';

interface RateWindow {
  startedAt: number;
  count: number;
}

/**
 * A client that floods the server or sends what no provider sends loses its own socket; everyone
 * else carries on. Oversized frames never get here: the WebSocket server's `maxPayload` closes
 * those sockets with 1009. Messages a socket sends before it is authenticated are bounded by
 * Hocuspocus itself (maxUnauthenticatedQueueSize/-Messages).
 */
export class MessageGuard implements Extension<CollabContext> {
  extensionName = 'factcheck-message-guard';
  // Before every other extension's beforeHandleMessage.
  priority = 1100;

  private readonly windows = new WeakMap<WebSocketLike, RateWindow>();

  constructor(private readonly limits: { maxMessagesPerSecond: number }) {}

  async beforeHandleMessage({ connection, update }: beforeHandleMessagePayload<CollabContext>): Promise<void> {
    if (this.exceedsRate(connection.webSocket)) this.reject(connection, SocketClose.rateLimited, `over ${this.limits.maxMessagesPerSecond}/s`);
    const problem = malformation(update);
    if (problem) this.reject(connection, SocketClose.malformed, problem);
  }

  private reject(connection: Connection, event: SocketCloseEvent, detail: string): never {
    closeSocket(connection, event);
    throw new MessageRejected(event, detail);
  }

  /** Counted per socket, across the documents it has open, in fixed one-second windows. */
  private exceedsRate(socket: WebSocketLike): boolean {
    const now = Date.now();
    const window = this.windows.get(socket);
    if (!window || now - window.startedAt >= 1000) {
      this.windows.set(socket, { startedAt: now, count: 1 });
      return false;
    }
    window.count += 1;
    return window.count > this.limits.maxMessagesPerSecond;
  }
}

/** What is wrong with a message from a client, or null when it decodes as the provider writes it. */
function malformation(message: Uint8Array): string | null {
  try {
    const decoder = decoding.createDecoder(message);
    decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MessageType.Sync:
      case MessageType.SyncReply:
        return syncMalformation(decoder);
      case MessageType.Awareness:
        readAwarenessUpdate(decoding.readVarUint8Array(decoder));
        return null;
      case MessageType.Stateless:
        decoding.readVarString(decoder);
        return null;
      case MessageType.Auth:
        decoding.readVarUint(decoder);
        decoding.readVarString(decoder);
        return null;
      case MessageType.QueryAwareness:
      case MessageType.CLOSE:
        return null;
      default:
        return `message type ${type} is not one clients send`;
    }
  } catch (error) {
    return error instanceof Error ? error.message : 'undecodable';
  }
}

function syncMalformation(decoder: decoding.Decoder): string | null {
  const step = decoding.readVarUint(decoder);
  const payload = decoding.readVarUint8Array(decoder);
  if (step === 0) Y.decodeStateVector(payload);
  else if (step === 1 || step === 2) Y.decodeUpdate(payload);
  else return `unknown sync step ${step}`;
  return null;
}

/** Throws unless the bytes are an awareness update: entries of client id, clock and JSON state. */
function readAwarenessUpdate(update: Uint8Array): void {
  const decoder = decoding.createDecoder(update);
  const entries = decoding.readVarUint(decoder);
  for (let i = 0; i < entries; i++) {
    decoding.readVarUint(decoder);
    decoding.readVarUint(decoder);
    JSON.parse(decoding.readVarString(decoder));
  }
}
