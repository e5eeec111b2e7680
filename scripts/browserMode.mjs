// Browser mode's port. The browser keeps a site's IndexedDB per origin, and the port is part
// of the origin: the same app on another port starts with an empty projects list. So the
// port never moves on its own: a busy port stops `npm start` with what to do, and a port
// chosen on purpose is served with a warning that the usual address's projects are not there.
import net from 'node:net';

export const DEFAULT_PORT = 4173;

const urlOf = (port) => `http://127.0.0.1:${port}/`;

/**
 * `npm start`'s options: --port N (or --port=N, or the PORT environment variable; the flag
 * wins), --no-build. `chosen` says the port is not the default one on purpose.
 * @param {string[]} argv
 * @param {Record<string, string | undefined>} [env]
 */
export function parseStartArgs(argv, env = process.env) {
  let portText = env.PORT?.trim() || null;
  let from = 'PORT';
  let build = true;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--no-build') build = false;
    else if (arg === '--port' || arg?.startsWith('--port=')) {
      portText = arg === '--port' ? (argv[++i] ?? '') : arg.slice('--port='.length);
      from = '--port';
    } else throw new Error(`Unknown option ${arg}. Use --port N or --no-build.`);
  }
  let port = DEFAULT_PORT;
  if (portText !== null) {
    port = Number(portText);
    if (!/^\d+$/.test(portText) || port > 65535) throw new Error(`${from} needs a number from 0 to 65535, got ${portText}`);
  }
  return { port, build, chosen: port !== DEFAULT_PORT };
}

/** What to do when the port is taken; `workbench` is true when the workbench already answers there. */
export function portBusyMessage(port, workbench = false) {
  const url = urlOf(port);
  const lines = workbench
    ? [
        `Mirabal Workbench is already running at ${url} (another \`npm start\`, perhaps in another terminal).`,
        `Open ${url} in your browser: your projects are there. Nothing was started.`,
      ]
    : [
        `Port ${port} on 127.0.0.1 is already in use, so browser mode did not start.`,
        `- If another copy of Mirabal Workbench is running, use it: open ${url} in your browser.`,
        `- Otherwise stop the program holding port ${port} (\`ss -ltnp 'sport = :${port}'\` or \`lsof -i :${port}\` names it) and run \`npm start\` again.`,
        `- Or choose another port: \`PORT=4180 npm start\` (or \`npm start -- --port 4180\`).`,
        `  The browser keeps projects per address: projects saved at ${url} will not appear at another port.`,
      ];
  return lines.join('\n');
}

/** The warning printed when browser mode serves on a port other than the default, on purpose. */
export function otherPortWarning(port) {
  const usual = urlOf(DEFAULT_PORT);
  const here = port === 0 ? 'a port picked at random' : urlOf(port);
  return [
    `Warning: serving on ${here}, not the usual ${usual}.`,
    `The browser keeps projects per address: projects saved at ${usual} will not appear here,`,
    port === 0
      ? 'and what you save here will not appear at the next start either (the port changes every time).'
      : `and what you save here will appear only at ${here}. Start with the same port to find them again.`,
  ].join('\n');
}

/** A port's own error, carrying the message above; thrown by `assertPortFree` and `serveDist`. */
export class PortBusyError extends Error {
  /** @param {number} port @param {boolean} [workbench] */
  constructor(port, workbench = false) {
    super(portBusyMessage(port, workbench));
    this.name = 'PortBusyError';
    this.code = 'EADDRINUSE';
    this.port = port;
  }
}

/** True when the page at that port is the workbench (its title), within a second. */
export async function workbenchAnswersAt(port) {
  // A timer of our own: AbortSignal.timeout's does not keep Node running, and a fetch left
  // waiting on it would end `npm start` with no message at all.
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 1000);
  try {
    const res = await fetch(urlOf(port), { signal: controller.signal });
    return /<title>\s*Mirabal Workbench\b/i.test(await res.text());
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Checks, before any build, that browser mode can listen on 127.0.0.1:port; port 0 is
 * always free. Throws a PortBusyError saying what to do.
 */
export async function assertPortFree(port) {
  if (port === 0) return;
  const busy = await new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (error) => (error.code === 'EADDRINUSE' || error.code === 'EACCES' ? resolve(error.code) : reject(error)));
    probe.listen({ port, host: '127.0.0.1', exclusive: true }, () => probe.close(() => resolve(null)));
  });
  if (busy === 'EACCES')
    throw new Error(`Port ${port} needs special permission on this computer. Choose a port above 1024, e.g. PORT=4180 npm start.`);
  if (busy) throw new PortBusyError(port, await workbenchAnswersAt(port));
}
