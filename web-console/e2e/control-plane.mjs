// Global setup/teardown of the e2e suite: the real control-plane jar on a free port with a
// fresh data directory and a known bootstrap admin key.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { copyFile, mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';

const here = new URL('.', import.meta.url).pathname;
export const RESULTS = resolve(here, '../test-results');
const JAR = resolve(here, '../../api/target/tributary.jar');

function freePort() {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => ok(port));
    });
  });
}

/** A jar still being written by a concurrent build is not copied half-way. */
async function waitUntilSettled(file) {
  let last = '';
  for (let i = 0; i < 60; i++) {
    const s = await stat(file);
    const now = `${s.size}:${s.mtimeMs}`;
    if (now === last && Date.now() - s.mtimeMs > 3000) return;
    last = now;
    await new Promise((r) => setTimeout(r, 1000));
  }
}

async function waitForHealth(baseUrl, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`control plane exited with ${child.exitCode}; see test-results/control-plane.log`);
    try {
      const res = await fetch(`${baseUrl}/actuator/health`);
      if (res.ok && (await res.json()).status === 'UP') return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`control plane not healthy after ${timeoutMs / 1000} s; see test-results/control-plane.log`);
}

/**
 * Starts the control plane, or uses E2E_BASE_URL + E2E_TOKEN when given (a server already running).
 * Returns { baseUrl, token, stop }.
 */
export async function startControlPlane() {
  mkdirSync(RESULTS, { recursive: true });
  if (process.env.E2E_BASE_URL) {
    return { baseUrl: process.env.E2E_BASE_URL.replace(/\/$/, ''), token: process.env.E2E_TOKEN, stop: async () => {} };
  }
  if (!existsSync(JAR)) throw new Error(`${JAR} is missing: build it first (mvn -DskipTests install)`);
  const home = await mkdtemp(join(tmpdir(), 'tributary-e2e-'));
  const port = await freePort();
  const token = `trb_e2e_${randomBytes(16).toString('hex')}`;
  const log = createWriteStream(join(RESULTS, 'control-plane.log'));
  // run a private copy: a rebuild of api/ during the run must not pull the jar from under the JVM
  const jar = join(home, 'tributary.jar');
  await waitUntilSettled(JAR);
  await copyFile(JAR, jar);
  const child = spawn('java', ['-jar', jar], {
    env: { ...process.env, SERVER_PORT: String(port), TRIBUTARY_AGENT_PORT: '0', TRIBUTARY_HOME: join(home, 'data'), TRIBUTARY_BOOTSTRAP_TOKEN: token },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const baseUrl = `http://127.0.0.1:${port}`;

  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
      await exited;
      clearTimeout(timer);
    }
    killProcessesUnder(home);
    await rm(home, { recursive: true, force: true, maxRetries: 3 });
  };

  try {
    await waitForHealth(baseUrl, child, 180_000);
  } catch (e) {
    await stop();
    throw e;
  }
  if (process.env.E2E_CONSOLE === 'preview') return withPreview(baseUrl, token, stop);
  return { baseUrl, token, stop };
}

/**
 * E2E_CONSOLE=preview: serve this checkout's dist/ with `vite preview`, proxying /api to the
 * control plane, to test console changes without rebuilding the jar (run `npm run build` first).
 */
async function withPreview(apiUrl, token, stopControlPlane) {
  const port = await freePort();
  const vite = spawn(resolve(here, '../node_modules/.bin/vite'), ['preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'], {
    cwd: resolve(here, '..'),
    env: { ...process.env, TRIBUTARY_API: apiUrl },
    stdio: 'ignore',
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (vite.exitCode === null) {
      const exited = new Promise((r) => vite.once('exit', r));
      vite.kill('SIGTERM');
      await exited;
    }
    await stopControlPlane();
  };
  for (let i = 0; i < 60; i++) {
    try {
      if ((await fetch(`${baseUrl}/`)).ok) return { baseUrl, token, stop };
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  await stop();
  throw new Error('vite preview did not start');
}

/**
 * Broker agents outlive their control plane by design (they are "VMs"); a test run must not leave
 * them behind, so anything whose command line names the run's home is ended.
 */
function killProcessesUnder(home) {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    let cmdline = '';
    try {
      cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    if (cmdline.includes(home)) {
      try {
        process.kill(Number(entry), 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
}
