// Starts s3rver (a real S3-compatible HTTP server, files kept in a folder) for the evidence storage tests.
//   node start.js <data folder> <bucket> [port]
// Port 0 (the default) takes a free port. Prints one line, {"port":N}, once the server listens, and stops
// when its standard input closes, so a test run that dies does not leave the server behind.
'use strict';
const crypto = require('crypto');

// s3rver 3.7.1 makes list continuation tokens with single DES, which OpenSSL 3 (Node 17 and later) only offers
// through its legacy provider: without it every listing with more than one page fails with an internal error.
// Triple DES with the key repeated three times is the same cipher and is in OpenSSL 3's default provider.
function desAsTripleDes(original) {
  return (algorithm, key, ...rest) =>
    algorithm === 'des'
      ? original('des-ede3-cbc', Buffer.concat([key, key, key]), ...rest)
      : original(algorithm, key, ...rest);
}
crypto.createCipheriv = desAsTripleDes(crypto.createCipheriv);
crypto.createDecipheriv = desAsTripleDes(crypto.createDecipheriv);

const S3rver = require('s3rver');

async function main() {
  const [directory, bucket, port = '0'] = process.argv.slice(2);
  if (!directory || !bucket) {
    console.error('usage: node start.js <data folder> <bucket> [port]');
    process.exit(2);
  }
  const server = new S3rver({
    address: '127.0.0.1',
    port: Number(port),
    directory,
    silent: true,
    configureBuckets: [{ name: bucket }],
  });
  const address = await server.run();
  process.stdout.write(JSON.stringify({ port: address.port }) + '\n');
  process.stdin.on('end', () => server.close().then(() => process.exit(0)));
  process.stdin.resume();
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
