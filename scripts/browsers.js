/**
 * The system browsers that every script, node test and the web-test-runner config drive (Debian's
 * packages; nothing downloads a browser): their paths, the environment variables that override
 * them, and the flags for a sandbox-less, offline, quiet headless run as root.
 *
 *   BROWSERS=chromium,firefox,webkit   which engines web-test-runner runs (default: all three)
 *   CHROMIUM_PATH, FIREFOX_PATH, WEBKIT_DRIVER_PATH, MINIBROWSER_PATH   the executables
 */
const env = process.env;
export const CHROMIUM = env.CHROMIUM_PATH || '/usr/bin/chromium';
export const FIREFOX = env.FIREFOX_PATH || '/usr/bin/firefox-esr';
export const WEBKIT_DRIVER = env.WEBKIT_DRIVER_PATH || 'WebKitWebDriver';
export const MINIBROWSER = env.MINIBROWSER_PATH || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
/** Test files share one Firefox in background tabs, whose timers Firefox would throttle to ~1 s. */
export const FIREFOX_PREFS = {
  'dom.min_background_timeout_value': 4,
  'dom.min_background_timeout_value_without_budget_throttling': 4,
  'dom.timeout.enable_budget_timer_throttling': false,
};

const ALL = ['chromium', 'firefox', 'webkit'];
/** The engines named by $BROWSERS (all three by default). */
export function wantedBrowsers() {
  const wanted = (env.BROWSERS || ALL.join(',')).split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  const unknown = wanted.filter((b) => !ALL.includes(b));
  if (unknown.length || !wanted.length) throw new Error(`BROWSERS: unknown "${unknown}"; use a subset of ${ALL}`);
  return wanted;
}
