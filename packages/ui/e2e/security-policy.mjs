// For the apps' end-to-end tests: what the pages' Content-Security-Policy refuses (docs/security.md).

/**
 * Reports, on every document a Playwright page or context loads, what the pages' policy
 * refuses — a script, an `eval` even when caught, a style, a request — from the browser's own
 * `securitypolicyviolation` event (a caught `eval` is not written to the console).
 * @param {import('./security-policy.d.mts').PolicyWatchTarget} target a Playwright page or context
 * @param {(refusal: string) => void} onRefused
 */
export async function watchSecurityPolicy(target, onRefused) {
  await target.exposeBinding('necPolicyRefused', ({ frame }, text) => {
    onRefused(`${frame.url()} : ${text}`);
  });
  await target.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      window.necPolicyRefused(
        `${event.effectiveDirective} ${event.blockedURI} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
}
