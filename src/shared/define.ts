import {VERSION} from '../version.js';

/**
 * Registers `tag` unless it is registered already (the script included twice, or another
 * build on the page): then it keeps the first and warns when the versions differ.
 */
export function define(tag: string, element: CustomElementConstructor): void {
  const prior = customElements.get(tag) as (CustomElementConstructor & {version?: string}) | undefined;
  if (!prior) customElements.define(tag, element);
  else if (prior.version !== VERSION) {
    console.warn(`<${tag}> ${VERSION} not registered: version ${prior.version ?? 'unknown'} is already on the page`);
  }
}
