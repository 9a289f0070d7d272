// An S3-compatible server on 127.0.0.1 for the dashboard publishing tests (s3rver), with one
// bucket. Usage: node s3server.js <data folder> <bucket>. Prints "listening <port>" once up;
// stops when its standard input closes (the test that started it is gone).
'use strict';

const S3rver = require('s3rver');

const [directory, bucket] = process.argv.slice(2);
const server = new S3rver({
  address: '127.0.0.1',
  port: 0,
  silent: true,
  directory,
  configureBuckets: [{ name: bucket }],
});

server.run().then(({ port }) => {
  process.stdout.write(`listening ${port}\n`);
});
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
