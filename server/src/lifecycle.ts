// The LSP lifecycle as the specification states it, enforced before any handler runs:
//   • before `initialize`, a request is answered with ServerNotInitialized (-32002) and a
//     notification is dropped (`exit` excepted);
//   • after `shutdown`, a request is answered with InvalidRequest (-32600) and a notification
//     other than `exit` is dropped;
//   • a request cancelled while it still waits in the queue is answered RequestCancelled (-32800)
//     without running (vscode-jsonrpc's default runs it anyway).
// vscode-languageserver leaves all three to the server.
import { ErrorCodes, Message, type ConnectionOptions, type NotificationMessage, type RequestMessage, type ResponseMessage } from 'vscode-jsonrpc';
import { LSPErrorCodes } from 'vscode-languageserver-protocol';

/** Rejected requests are routed to this method, whose handler answers with the stored error. */
export const REJECTED_METHOD = 'govreport/internal/rejected';

export interface Lifecycle {
  state: 'new' | 'initializing' | 'running' | 'shutdown';
  options: ConnectionOptions;
}

export function lifecycle(): Lifecycle {
  const life: Lifecycle = {
    state: 'new',
    options: {
      messageStrategy: {
        handleMessage(message: Message, next: (m: Message) => void) {
          if (Message.isRequest(message)) {
            const rejected = rejectRequest(life.state, message);
            if (rejected) return next(rejected);
            if (message.method === 'initialize') life.state = 'initializing';
            else if (message.method === 'shutdown') life.state = 'shutdown';
            return next(message);
          }
          if (Message.isNotification(message) && !acceptNotification(life.state, message)) return;
          if (Message.isNotification(message) && message.method === 'initialized') life.state = 'running';
          return next(message);
        },
      },
      connectionStrategy: {
        cancelUndispatched: (message: Message): ResponseMessage | undefined =>
          Message.isRequest(message)
            ? { jsonrpc: '2.0', id: message.id, error: { code: LSPErrorCodes.RequestCancelled, message: `${message.method} cancelled` } }
            : undefined,
      },
    },
  };
  return life;
}

function rejectRequest(state: Lifecycle['state'], m: RequestMessage): RequestMessage | undefined {
  if (state === 'new' && m.method !== 'initialize') {
    return reroute(m, ErrorCodes.ServerNotInitialized, `server not initialized: ${m.method} before initialize`);
  }
  if (state !== 'new' && m.method === 'initialize') return reroute(m, ErrorCodes.InvalidRequest, 'initialize sent twice');
  if (state === 'shutdown') return reroute(m, ErrorCodes.InvalidRequest, `server is shut down: ${m.method} after shutdown`);
  return undefined;
}

function acceptNotification(state: Lifecycle['state'], m: NotificationMessage): boolean {
  if (m.method === 'exit') return true;
  if (state === 'new') return false;
  if (state === 'shutdown') return false;
  return true;
}

/** The same request id, sent to the handler that answers with `code`. */
function reroute(m: RequestMessage, code: number, message: string): RequestMessage {
  return { jsonrpc: '2.0', id: m.id, method: REJECTED_METHOD, params: { code, message } };
}
