/** What the helper needs of a Playwright page or browser context. */
export interface PolicyWatchTarget {
  exposeBinding(
    name: string,
    callback: (source: { frame: { url(): string } }, text: string) => void,
  ): Promise<unknown>;
  addInitScript(script: () => void): Promise<unknown>;
}
export function watchSecurityPolicy(
  target: PolicyWatchTarget,
  onRefused: (refusal: string) => void,
): Promise<void>;
