/**
 * WebKitGTK for web-test-runner: MiniBrowser driven by WebKitWebDriver (WebDriver classic), on the
 * display in $DISPLAY or on an Xvfb started here. Xvfb and the driver each get a process group,
 * killed (with MiniBrowser and WebKit's helper processes) when node exits, even by SIGKILL: a
 * detached shell waits for this process and then kills the groups.
 */
import {spawn} from 'node:child_process';
import {once} from 'node:events';
import {createServer, connect} from 'node:net';
import {webdriverLauncher} from '@web/test-runner-webdriver';
import {MINIBROWSER, WEBKIT_DRIVER} from '../browsers.js';

const groups = [];
const start = (cmd, args, options) => {
  const child = spawn(cmd, args, {detached: true, stdio: 'ignore', ...options});
  child.unref();
  groups.push(child.pid);
  spawn('sh', ['-c', `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done; kill -KILL -${child.pid} 2>/dev/null`], {detached: true, stdio: 'ignore'}).unref();
  return child;
};
const killAll = () => groups.splice(0).forEach((pid) => {
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
});
process.on('exit', killAll);
// wtr handles SIGINT itself; without these, the helpers would outlive a terminated run.
for (const [sig, code] of [['SIGTERM', 143], ['SIGHUP', 129]]) process.once(sig, () => process.exit(code));

/** Xvfb on a free display number (-displayfd): resolves ":N". */
async function xvfb() {
  const child = start('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {stdio: ['ignore', 'ignore', 'ignore', 'pipe']});
  const [line] = await Promise.race([
    once(child.stdio[3], 'data'),
    once(child, 'error').then(([e]) => Promise.reject(new Error(`cannot start Xvfb (apt-get install xvfb): ${e.message}`))),
    once(child, 'exit').then(([c]) => Promise.reject(new Error(`Xvfb exited (${c})`))),
  ]);
  child.stdio[3].destroy();
  return `:${String(line).trim()}`;
}

const freePort = () => new Promise((ok, fail) => {
  const srv = createServer().unref().on('error', fail);
  srv.listen(0, '127.0.0.1', () => {
    const {port} = /** @type {import('node:net').AddressInfo} */ (srv.address());
    srv.close(() => ok(port));
  });
});
const accepts = (port) => new Promise((ok) => {
  const s = connect(port, '127.0.0.1', () => {
    s.end();
    ok(true);
  }).on('error', () => ok(false));
});

/** Starts Xvfb (if needed) and WebKitWebDriver; resolves the wtr launcher once the driver listens. */
export async function webkitLauncher() {
  const display = process.env.DISPLAY || (await xvfb());
  const port = await freePort();
  const driver = start(WEBKIT_DRIVER, [`--port=${port}`], {env: {...process.env, DISPLAY: display}});
  await Promise.race([once(driver, 'spawn'), once(driver, 'error').then(([e]) => Promise.reject(new Error(`cannot start ${WEBKIT_DRIVER} (apt-get install webkit2gtk-driver): ${e.message}`)))]);
  for (const deadline = Date.now() + 20_000; !(await accepts(port)); await new Promise((r) => setTimeout(r, 100))) {
    if (driver.exitCode !== null || Date.now() > deadline) throw new Error(`${WEBKIT_DRIVER} did not listen on port ${port} (exit code ${driver.exitCode})`);
  }
  return webdriverLauncher({
    hostname: '127.0.0.1',
    port,
    path: '/',
    logLevel: 'error',
    capabilities: {
      browserName: 'MiniBrowser',
      'wdio:enforceWebDriverClassic': true,
      'webkitgtk:browserOptions': {binary: MINIBROWSER, args: ['--automation']},
    },
  });
}
