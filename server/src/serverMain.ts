// Entry point of dist/server.js: `node dist/server.js --stdio` for any LSP client, IPC from VS Code.
import { createConnection, IPCMessageReader, IPCMessageWriter, ProposedFeatures, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import type { MessageReader, MessageWriter } from 'vscode-jsonrpc';
import { lifecycle } from './lifecycle';
import { startServer } from './server';

const life = lifecycle();
const transport = transportOf(process.argv);
const connection = transport
  ? createConnection(ProposedFeatures.all, transport.reader, transport.writer, life.options)
  : createConnection(ProposedFeatures.all, life.options);

// A bug must cost one request, not the session: log and keep serving.
process.on('uncaughtException', (e) => connection.console.error(`uncaught: ${e.stack ?? e.message}`));
process.on('unhandledRejection', (e) => connection.console.error(`unhandled rejection: ${String(e)}`));
startServer(connection);

/**
 * The reader and writer for stdio and IPC, made here so that a broken stream is heard. A message
 * whose Content-Length is wrong leaves the stream out of step: what follows would be read as
 * headers, or swallowed into a body that never ends, and the server would stay alive and deaf.
 * It cannot find the next message boundary reliably, so it says why on stderr and in the log
 * and exits with status 1; the client restarts it (VS Code does, with its crash notice).
 */
function transportOf(argv: string[]): { reader: MessageReader; writer: MessageWriter } | undefined {
  let reader: MessageReader;
  let writer: MessageWriter;
  if (argv.includes('--stdio')) {
    reader = new StreamMessageReader(process.stdin);
    writer = new StreamMessageWriter(process.stdout);
  } else if (argv.includes('--node-ipc')) {
    reader = new IPCMessageReader(process);
    writer = new IPCMessageWriter(process);
  } else return undefined;
  reader.onError((e) => {
    const line = `govreport: unreadable message from the client (${e.message.split('\n')[0]}); exiting so that the client restarts the server`;
    process.stderr.write(line + '\n');
    void writer
      .write({ jsonrpc: '2.0', method: 'window/logMessage', params: { type: 1, message: line } } as never)
      .catch(() => undefined)
      .finally(() => process.exit(1));
    setTimeout(() => process.exit(1), 500).unref();
  });
  reader.onPartialMessage((info) => {
    process.stderr.write(`govreport: waited ${Math.round(info.waitingTime / 1000)} s for the rest of a message (its Content-Length may be wrong)\n`);
  });
  return { reader, writer };
}
