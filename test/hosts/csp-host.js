// The host page's own script (test/hosts/csp.html), same-origin as script-src 'self' requires.
// 1. Before anything else: record every CSP and Trusted Types violation for test/csp.test.ts.
window.cspViolations = [];
window.addEventListener(
  'securitypolicyviolation',
  (e) => {
    window.cspViolations.push({
      directive: e.violatedDirective,
      blocked: e.blockedURI,
      sample: e.sample,
      source: `${e.sourceFile}:${e.lineNumber}`,
    });
  },
  true,
);
window.pageErrors = [];
window.addEventListener('error', (e) => window.pageErrors.push(String(e.message)));
window.addEventListener('unhandledrejection', (e) => window.pageErrors.push(String(e.reason)));

// 2. Once parsed: the four elements with the seed through the data attribute (JSON text).
const parsed = new Promise((resolve) =>
  document.readyState === 'loading' ? document.addEventListener('DOMContentLoaded', resolve) : resolve(),
);
window.hostReady = Promise.all([fetch('/test/fixtures/seed.json').then((r) => r.json()), parsed]).then(([seed]) => {
  const blocks = seed.sections.flatMap((s) => s.blocks);
  const add = (id, tag, data) => {
    const el = document.createElement(tag);
    el.id = id;
    el.setAttribute('data', JSON.stringify(data));
    document.body.append(el);
  };
  add('article-data', 'digest-article', seed);
  add('card-data', 'source-card', blocks.find((b) => b.type === 'source'));
  add('takeaways-data', 'takeaway-list', seed.takeaways);
  add('comment-data', 'reader-comment', blocks.find((b) => b.type === 'comment'));
});
