// The floor of a workspace/symbol round trip: a JSON-RPC server over stdio that does no work,
// answering every `workspace/symbol` with the answer it was handed once (`bench/canned`). What it
// takes is serialisation, the pipe and the client's parse of the same payload, through the same
// library (vscode-jsonrpc) the language server uses; bench/workspace.ts measures it beside the server.
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

const connection = createMessageConnection(new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout));
let answer: unknown = null;
connection.onRequest('bench/canned', (params: { answer: unknown }) => {
  answer = params.answer;
  return null;
});
connection.onRequest('workspace/symbol', () => answer);
// Ends with its input, when the bench is done.
connection.listen();
