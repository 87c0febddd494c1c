import type {StorybookConfig} from '@storybook/web-components-vite';

/**
 * Storybook for the four elements (set up by hand: `storybook init` does not work here).
 * `npm run storybook` (dev server on :6006) and `npm run build-storybook` (static
 * `storybook-static/`) both run `npm run analyze` first: `custom-elements.json`, which
 * `preview.ts` imports for controls and docs, is generated from the elements' JSDoc.
 */
const config: StorybookConfig = {
  framework: '@storybook/web-components-vite',
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs'],
  // The fixture images and JSON, for the stories' URLs (`fixtures/img.svg`). Not at
  // `/test/fixtures/`: in the dev server that path belongs to Vite, which serves the stories'
  // JSON imports from it as modules.
  staticDirs: [{from: '../test/fixtures', to: '/fixtures'}],
  core: {disableTelemetry: true, disableWhatsNewNotifications: true},
  // Storybook builds with the project's vite.config.ts (its `build` section ignored). Its
  // template-literal minifier is for the published library: here it only slows the build.
  // The dev server pre-bundles Lit's entry points together, or Lit loads twice (one copy for
  // Storybook's renderer, one for the elements) and warns.
  viteFinal: (config, {configType}) => ({
    ...config,
    // `build-storybook --quiet` still lists every asset: keep Vite to warnings in builds.
    ...(configType === 'PRODUCTION' ? {logLevel: 'warn' as const} : {}),
    plugins: config.plugins?.filter((p) => !(p && typeof p === 'object' && 'name' in p && p.name === 'minify-literals')),
    optimizeDeps: {
      ...config.optimizeDeps,
      include: [
        ...(config.optimizeDeps?.include ?? []),
        'lit',
        'lit/decorators.js',
        'lit/directive-helpers.js',
        'lit/directives/*.js',
        'lit/static-html.js',
      ],
    },
    build: {...config.build, chunkSizeWarningLimit: 2048},
  }),
};

export default config;
