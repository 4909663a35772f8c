// The unauthenticated pairing endpoint against the real server process: a 300 MB chunked
// body (no Content-Length) is answered 413 without the server buffering it. Before the fix
// the server read it all first and its resident memory grew by about 800 MB.
import { execFileSync } from 'node:child_process';
import http from 'node:http';
import { expect, test } from './fixtures';

const BODY_BYTES = 300 * 1024 * 1024;
const CHUNK = Buffer.alloc(64 * 1024, 0x61);
// The route's limit is 1 KB, far below what one request's ordinary work (JIT, GC timing,
// sockets) moves the resident set by, so the bound is a fixed margin: well under the
// 300 MB a buffering server needs, and tens of times the few MB normal requests cost.
const MAX_RSS_GROWTH_KB = 48 * 1024;

/** The pid listening on this TCP port (the Playwright-started Vigil server). */
function pidListeningOn(port: number): number {
  const out = execFileSync('ss', ['-Hltnp', `sport = :${port}`], { encoding: 'utf8' });
  const pid = /pid=(\d+)/.exec(out)?.[1];
  if (!pid) throw new Error(`No process found listening on port ${port}: ${out}`);
  return Number(pid);
}

const rssKb = (pid: number) =>
  Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim());

/** POSTs up to 300 MB, generated as the socket drains, and resolves with the status once the server answers. */
function postHugeChunkedBody(url: URL): Promise<{ status: number; sent: number }> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = http.request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
    });
    const write = () => {
      while (!answered && sent < BODY_BYTES) {
        sent += CHUNK.length;
        if (!req.write(CHUNK)) return void req.once('drain', write);
      }
      if (!answered) req.end();
    };
    req.on('response', (res) => {
      answered = true;
      res.resume();
      res.on('end', () => {
        req.destroy();
        resolve({ status: res.statusCode ?? 0, sent });
      });
    });
    // Once the server has answered and closed, writes still in flight fail with EPIPE/ECONNRESET.
    req.on('error', (e) => {
      if (!answered) reject(e);
    });
    req.write('{"store":"');
    write();
  });
}

test('a 300 MB chunked body to POST /api/kiosk/pair gets 413 without growing server memory', async ({ baseURL }) => {
  test.setTimeout(120_000);
  const url = new URL('/api/kiosk/pair', baseURL);
  const pid = pidListeningOn(Number(url.port));
  const before = rssKb(pid);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rssKb(pid))), 50);
  try {
    const { status, sent } = await postHugeChunkedBody(url);
    expect(status).toBe(413);
    // The server stopped reading: the client never got to send more than a sliver of it.
    expect(sent).toBeLessThan(BODY_BYTES);
    await new Promise((r) => setTimeout(r, 500));
  } finally {
    clearInterval(sampler);
  }
  peak = Math.max(peak, rssKb(pid));
  expect(peak - before).toBeLessThan(MAX_RSS_GROWTH_KB);
});
