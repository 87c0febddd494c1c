/**
 * `npm run analyze` (part of the build): custom-elements.json from the elements' JSDoc.
 * Modules are sorted by path, so the file is the same on every machine (the analyzer lists them
 * in the order the file system returns them).
 */
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.styles.ts'],
  litelement: true,
  plugins: [
    {
      name: 'digest-elements/sorted-modules',
      packageLinkPhase({customElementsManifest}) {
        customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      },
    },
  ],
};
