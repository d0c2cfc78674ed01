/**
 * Baseline for the push benchmark: the least a server can do — a bare `ws` server that, on
 * POST /call, broadcasts one JSON message to every socket and answers. Run as its own process,
 * like the hub, so the two are measured the same way.
 */
import { createServer } from 'node:http';
import { WebSocketServer } from 'ws';

const server = createServer((req, res) => {
  let body = '';
  req.on('data', (c: Buffer) => (body += c.toString()));
  req.on('end', () => {
    const data = JSON.stringify({
      type: 'ticket.called',
      recall: false,
      call: { ticketId: Number(body) || 0, number: 'A001', line: 'household', windowNumber: 6, windowName: '6号窗口', calledAt: Date.now(), maskedName: null },
    });
    for (const c of wss.clients) c.send(data);
    res.end('{}');
  });
});
const wss = new WebSocketServer({ server });
server.listen(0, '127.0.0.1', () => {
  const a = server.address();
  process.stdout.write(`listening ${typeof a === 'object' && a ? a.port : 0}\n`);
});
process.on('SIGTERM', () => process.exit(0));
