// Browser mode's port: another port is another origin, with an empty IndexedDB, so a busy port
// stops `npm start` saying what to do, and a port chosen on purpose comes with a warning.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { assertPortFree, DEFAULT_PORT, otherPortWarning, parseStartArgs, PortBusyError } from '../../scripts/browserMode.mjs';
import { PROJECT_DIR, serveDist } from '../../scripts/serve.mjs';

const project = mkdtempSync(join(tmpdir(), 'wb-port-'));
mkdirSync(join(project, 'dist'));
writeFileSync(join(project, 'dist', 'index.html'), '<!doctype html><title>served</title>');
afterAll(() => rmSync(project, { recursive: true, force: true }));

/** Something else listening on 127.0.0.1, on a port of its own; closed after each test. */
const holders: Array<net.Server> = [];
const sockets = new Set<net.Socket>();
afterEach(async () => {
  for (const socket of sockets) socket.destroy(); // the probe's fetch to a server that never answers
  await Promise.all(holders.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});
async function occupy(server: net.Server = net.createServer((socket) => socket.destroy())): Promise<number> {
  holders.push(server);
  server.on('connection', (socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as net.AddressInfo).port;
}

/** Runs `node scripts/start.mjs` in browser mode (Electron's binary pointed at nothing). */
function start(args: string[], env: Record<string, string> = {}, until?: RegExp) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [join(PROJECT_DIR, 'scripts', 'start.mjs'), ...args], {
      cwd: PROJECT_DIR,
      env: { ...process.env, PORT: '', ELECTRON_OVERRIDE_DIST_PATH: join(project, 'no-electron'), ...env },
    });
    let stdout = '';
    let stderr = '';
    const check = () => {
      if (until && until.test(stdout + stderr)) child.kill('SIGTERM');
    };
    child.stdout.on('data', (d: Buffer) => ((stdout += d.toString()), check()));
    child.stderr.on('data', (d: Buffer) => ((stderr += d.toString()), check()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('the browser-mode port', () => {
  it('is 4173 unless chosen with --port or PORT, the flag first', () => {
    expect(parseStartArgs([], {})).toEqual({ port: DEFAULT_PORT, build: true, chosen: false });
    expect(DEFAULT_PORT).toBe(4173);
    expect(parseStartArgs(['--no-build'], { PORT: '4180' })).toEqual({ port: 4180, build: false, chosen: true });
    expect(parseStartArgs(['--port', '4190'], { PORT: '4180' }).port).toBe(4190);
    expect(parseStartArgs(['--port=0'], {})).toEqual({ port: 0, build: true, chosen: true });
    expect(parseStartArgs([], { PORT: '4173' }).chosen).toBe(false);
    expect(() => parseStartArgs([], { PORT: 'http' })).toThrow('PORT needs a number from 0 to 65535, got http');
    expect(() => parseStartArgs(['--port', '70000'], {})).toThrow('--port needs a number from 0 to 65535, got 70000');
    expect(() => parseStartArgs(['--port', '41.5'], {})).toThrow('--port needs a number');
    expect(() => parseStartArgs(['--open'], {})).toThrow('Unknown option --open');
  });

  it('busy: says which port, that another copy may be running there, and how to free or choose one', async () => {
    const port = await occupy();
    const error = await assertPortFree(port).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PortBusyError);
    const message = (error as Error).message;
    expect(message).toContain(`Port ${port} on 127.0.0.1 is already in use, so browser mode did not start.`);
    expect(message).toContain(`If another copy of Mirabal Workbench is running, use it: open http://127.0.0.1:${port}/ in your browser.`);
    expect(message).toContain(`lsof -i :${port}`);
    expect(message).toContain('PORT=4180 npm start');
    expect(message).toContain('npm start -- --port 4180');
    expect(message).toContain(`projects saved at http://127.0.0.1:${port}/ will not appear at another port`);
  });

  it('busy with the workbench itself: says to open it there', async () => {
    const port = await occupy(
      createHttpServer((_req, res) => res.end('<!doctype html><html><head><title>Mirabal Workbench</title></head></html>')),
    );
    await expect(assertPortFree(port)).rejects.toThrow(
      `Mirabal Workbench is already running at http://127.0.0.1:${port}/ (another \`npm start\`, perhaps in another terminal).\n` +
        `Open http://127.0.0.1:${port}/ in your browser: your projects are there. Nothing was started.`,
    );
  });

  it('serveDist never moves on to the next port', async () => {
    const port = await occupy();
    await expect(serveDist({ port, projectDir: project, logLevel: 'silent' })).rejects.toThrow(PortBusyError);
    await expect(serveDist({ port, projectDir: project, logLevel: 'silent' })).rejects.toThrow(
      `Port ${port} on 127.0.0.1 is already in use`,
    );
  });

  it('npm start stops at once, before building, with that message and a failing exit code', { timeout: 30_000 }, async () => {
    const port = await occupy();
    for (const [args, env] of [[['--port', String(port)], {}] as const, [[], { PORT: String(port) }] as const]) {
      const run = await start([...args], env);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`Port ${port} on 127.0.0.1 is already in use, so browser mode did not start.`);
      expect(run.stdout).not.toMatch(/Open http/);
    }
  });

  it('a port chosen on purpose: warns that projects saved at the usual address will not be there', { timeout: 30_000 }, async () => {
    expect(otherPortWarning(4180)).toBe(
      'Warning: serving on http://127.0.0.1:4180/, not the usual http://127.0.0.1:4173/.\n' +
        'The browser keeps projects per address: projects saved at http://127.0.0.1:4173/ will not appear here,\n' +
        'and what you save here will appear only at http://127.0.0.1:4180/. Start with the same port to find them again.',
    );
    expect(otherPortWarning(0)).toMatch(
      /a port picked at random.*\n.*will not appear here,\nand what you save here will not appear at the next start/,
    );
    // npm start prints it before it builds or serves (stopped as soon as it is seen).
    const free = await occupy();
    await new Promise((resolve) => holders.pop()!.close(resolve));
    const run = await start(['--no-build'], { PORT: String(free) }, /projects saved at http:\/\/127\.0\.0\.1:4173\/ will not appear here/);
    expect(run.stderr).toContain(`Warning: serving on http://127.0.0.1:${free}/, not the usual http://127.0.0.1:4173/.`);
  });
});
