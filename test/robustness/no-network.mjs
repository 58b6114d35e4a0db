// Preload for tests: any use of the network makes the process fail loudly (exit 99).
import dgram from 'node:dgram';
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';

const refuse = (what) => () => {
  process.stderr.write(`NETWORK USED: ${what}\n`);
  process.exit(99);
};
net.Socket.prototype.connect = refuse('net.Socket.connect');
net.connect = net.createConnection = refuse('net.connect');
tls.connect = refuse('tls.connect');
http.request = http.get = refuse('http.request');
https.request = https.get = refuse('https.request');
dns.lookup = dns.resolve = refuse('dns.lookup');
dns.promises.lookup = dns.promises.resolve = refuse('dns.promises.lookup');
dgram.createSocket = refuse('dgram.createSocket');
globalThis.fetch = refuse('fetch');
