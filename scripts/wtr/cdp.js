/**
 * Test command `cdp` (Chromium only): `executeServerCommand('cdp', {method, params})` sends one
 * DevTools Protocol command for the test's own page and returns its result (`false` in the other
 * browsers). One session per page, kept, so that emulation (Emulation.setEmulatedMedia) lasts.
 */
const sessions = new Map();

/** @type {import('@web/test-runner').TestRunnerPlugin} */
export const cdpPlugin = {
  name: 'cdp',
  async executeCommand({command, payload, session}) {
    if (command !== 'cdp') return undefined;
    const launcher = /** @type {any} */ (session.browser);
    if (!/^Chrom/.test(launcher.name) || typeof launcher.getPage !== 'function') return false;
    let client = sessions.get(session.id);
    if (!client) {
      client = await launcher.getPage(session.id).createCDPSession();
      sessions.set(session.id, client);
    }
    const {method, params} = /** @type {{method: string, params?: object}} */ (payload);
    return (await client.send(method, params)) ?? {};
  },
};
