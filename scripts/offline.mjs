// Loaded with `node --import` ahead of a tool that would reach for the network (see
// electronegativity.mjs): every connection and name lookup fails at once, saying why.
import dns from 'node:dns';
import net from 'node:net';
import tls from 'node:tls';

const reason = 'network disabled: this check runs offline';
function refuse() {
  throw new Error(reason);
}
net.Socket.prototype.connect = refuse;
net.connect = refuse;
net.createConnection = refuse;
tls.connect = refuse;
dns.lookup = (_host, options, callback) => (typeof options === 'function' ? options : callback)(new Error(reason));
