// The browser for the end-to-end tests: Debian's Chromium, driven by playwright-core. When it is missing and
// this process can install it (Linux, root, apt-get), it installs it, once per machine: concurrent test
// runs wait on a lock in the temporary folder, and apt-get itself waits on dpkg's lock. Only when no browser
// can be had does the caller skip its browser tests, with the reason this returns.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A browser to launch, or why there is none. */
export type BrowserLookup =
  | { readonly executablePath: string; readonly installed: boolean }
  | { readonly executablePath: undefined; readonly reason: string };

/** Where to look, in order; `CSM_CHROMIUM` names another executable. */
const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome-stable'];
const INSTALL_TIMEOUT_MS = 15 * 60_000;
const LOCK = join(tmpdir(), 'customer-success-metrics-chromium-install.lock');
const APT_OPTIONS = ['-q', '-o', 'DPkg::Lock::Timeout=600', '-o', 'Acquire::Retries=3'];

const say = (message: string) => process.stderr.write(`[browser] ${message}\n`);

/** The Chromium already on this machine, if any. */
export function installedChromium(): string | undefined {
  const chosen = process.env.CSM_CHROMIUM;
  if (chosen) return existsSync(chosen) ? chosen : undefined;
  return CANDIDATES.find((path) => existsSync(path));
}

/** Why this process cannot install Chromium itself, or undefined when it can. */
export function cannotInstall(): string | undefined {
  if (process.env.CSM_NO_BROWSER_INSTALL) return 'CSM_NO_BROWSER_INSTALL is set';
  if (process.env.CSM_CHROMIUM) return `CSM_CHROMIUM names ${process.env.CSM_CHROMIUM}, which does not exist`;
  if (process.platform !== 'linux') return `installing it is automated on Linux only (this is ${process.platform})`;
  if (process.getuid?.() !== 0) return 'installing it needs root (apt-get); run the tests as root once, or install it';
  if (spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status !== 0) return 'apt-get is not available';
  return undefined;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The process id written in the lock, or 0 while it is being written or removed. */
function lockOwner(): number {
  try {
    return Number(readFileSync(join(LOCK, 'pid'), 'utf8')) || 0;
  } catch {
    return 0;
  }
}

/** Takes the machine-wide install lock, or returns false when Chromium appeared while waiting for it. */
async function lock(deadline: number): Promise<boolean> {
  let told = false;
  for (;;) {
    if (installedChromium()) return false;
    try {
      mkdirSync(LOCK);
      writeFileSync(join(LOCK, 'pid'), String(process.pid));
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = lockOwner();
    if (owner > 0 && !alive(owner)) {
      rmSync(LOCK, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`waited too long for ${LOCK}`);
    if (!told) say(`another test run is installing Chromium (${LOCK}); waiting for it`);
    told = true;
    await sleep(1000);
  }
}

/** Runs a command, echoing its output line by line; resolves with its exit code (or a timeout message). */
function run(command: string, args: string[], deadline: number): Promise<number | string> {
  say(`$ ${command} ${args.join(' ')}`);
  return new Promise((done) => {
    const child = spawn(command, args, {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let rest = '';
    const echo = (chunk: Buffer) => {
      const lines = (rest + chunk.toString()).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) if (line.trim()) say(`  ${line}`);
    };
    child.stdout.on('data', echo);
    child.stderr.on('data', echo);
    const timer = setTimeout(() => child.kill('SIGTERM'), Math.max(0, deadline - Date.now()));
    child.on('error', (error) => {
      clearTimeout(timer);
      done(error.message);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (rest.trim()) say(`  ${rest}`);
      done(signal ? `${command} stopped by ${signal} (time limit ${INSTALL_TIMEOUT_MS / 60_000} min)` : (code ?? 1));
    });
  });
}

/** apt-get update, then apt-get install chromium: undefined on success, else what went wrong. */
async function aptInstall(deadline: number): Promise<string | undefined> {
  const update = await run('apt-get', [...APT_OPTIONS, 'update'], deadline);
  if (update !== 0) return `apt-get update failed (${update})`;
  const install = await run(
    'apt-get',
    [...APT_OPTIONS, 'install', '-y', '--no-install-recommends', 'chromium'],
    deadline,
  );
  return install === 0 ? undefined : `apt-get install chromium failed (${install})`;
}

/**
 * Chromium for the browser tests: the one installed, else Debian's package installed now (when this process
 * can), else the reason there is none.
 */
export async function chromiumForTests(): Promise<BrowserLookup> {
  const present = installedChromium();
  if (present) return { executablePath: present, installed: false };
  const missing = `Chromium is not installed (looked for ${process.env.CSM_CHROMIUM ?? CANDIDATES.join(', ')})`;
  const obstacle = cannotInstall();
  if (obstacle) {
    return {
      executablePath: undefined,
      reason: `${missing} and ${obstacle}: apt-get install -y --no-install-recommends chromium`,
    };
  }
  const deadline = Date.now() + INSTALL_TIMEOUT_MS;
  if (await lock(deadline)) {
    const started = Date.now();
    try {
      say(`${missing}: installing Debian's chromium package with apt-get (a minute or so)`);
      const failure = await aptInstall(deadline);
      if (failure) say(failure);
      else say(`installed Chromium in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    } finally {
      rmSync(LOCK, { recursive: true, force: true });
    }
  }
  const after = installedChromium();
  if (after) return { executablePath: after, installed: true };
  return { executablePath: undefined, reason: `${missing} and installing it with apt-get failed (see above)` };
}
