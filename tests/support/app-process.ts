import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const nodeBin = process.execPath;

export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => res(port));
    });
  });
}

export interface AppProcess {
  url: string;
  output: () => string;
  stop(): Promise<void>;
}

/** Starts `node api/dist/main.js` exactly as `pnpm start` does, and waits until it serves. */
export async function startApp(env: Record<string, string | undefined>, timeoutMs = 120_000): Promise<AppProcess> {
  const port = await freePort();
  const child: ChildProcess = spawn(nodeBin, [join(repoRoot, 'api/dist/main.js')], {
    cwd: repoRoot,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  const url = `http://127.0.0.1:${port}`;
  await new Promise<void>((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`app did not start in ${timeoutMs} ms:\n${log}`)), timeoutMs);
    const onData = () => {
      if (log.includes('[portal] Mahalleh is running')) {
        clearTimeout(timer);
        res();
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      rej(new Error(`app exited with ${code}:\n${log}`));
    });
  });
  return {
    url,
    output: () => log,
    stop: () =>
      new Promise<void>((res) => {
        if (child.exitCode !== null) return res();
        child.once('exit', () => res());
        child.kill('SIGTERM');
      }),
  };
}

export function runNode(script: string, env: Record<string, string | undefined>): Promise<string> {
  return new Promise((res, rej) => {
    const child = spawn(nodeBin, [join(repoRoot, script)], { cwd: repoRoot, env: { ...process.env, ...env } });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.once('exit', (code) => (code === 0 ? res(out) : rej(new Error(`${script} exited ${code}:\n${out}`))));
  });
}
