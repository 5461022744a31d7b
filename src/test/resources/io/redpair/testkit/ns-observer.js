// The independent observer, run INSIDE a box's network namespace (ip netns exec <ns> node ns-observer.js ...),
// so cutting the console's link never blinds it. Polls one URL every PERIOD ms with a keep-alive agent and
// appends one line per poll to OUT: "<sent ns> <received ns> <status>", times from CLOCK_MONOTONIC
// (process.hrtime.bigint(), the clock System.nanoTime() reads on Linux). Status: the HTTP code, or
// -1 refused, -2 timeout, -3 any other error (the codes of io.redpair.testkit.Observer).
// Usage: node ns-observer.js <url> <periodMs> <outFile>; stops on SIGTERM after flushing.
'use strict';
const http = require('http');
const fs = require('fs');

const [url, periodArg, outFile] = process.argv.slice(2);
const periodNs = BigInt(Math.round(Number(periodArg) * 1e6));
const READ_TIMEOUT_MS = 2000;
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const out = fs.openSync(outFile, 'a');
let lines = [];
let stopping = false;

function flush() {
  if (lines.length > 0) {
    fs.writeSync(out, lines.join(''));
    lines = [];
  }
}

function record(sent, status) {
  lines.push(`${sent} ${process.hrtime.bigint()} ${status}\n`);
}

function poll(sent, done) {
  let finished = false;
  const finish = (status) => {
    if (!finished) {
      finished = true;
      record(sent, status);
      done();
    }
  };
  const req = http.get(url, { agent, timeout: READ_TIMEOUT_MS }, (res) => {
    res.resume();
    res.on('end', () => finish(res.statusCode));
    res.on('error', () => finish(-3));
  });
  req.on('timeout', () => { req.destroy(new Error('timeout')); finish(-2); });
  req.on('error', (e) => finish(e.code === 'ECONNREFUSED' ? -1 : -3));
}

let next = process.hrtime.bigint();
function loop() {
  if (stopping) {
    return;
  }
  poll(process.hrtime.bigint(), () => {
    next += periodNs;
    const now = process.hrtime.bigint();
    if (next < now) {
      next = now;
    }
    setTimeout(loop, Number((next - now) / 1000000n));
  });
}

setInterval(flush, 20);
process.on('SIGTERM', () => { stopping = true; flush(); fs.closeSync(out); process.exit(0); });
fs.writeSync(out, '');
loop();
