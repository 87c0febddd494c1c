// @ts-check
// ESLint 10 flat config: typescript-eslint 8 (recommended, not type-aware),
// eslint-plugin-lit (recommended), eslint-plugin-wc (best-practice, which includes recommended).
import tseslint from 'typescript-eslint';
import { configs as litConfigs } from 'eslint-plugin-lit';
import { configs as wcConfigs } from 'eslint-plugin-wc';
import { defineConfig, globalIgnores } from 'eslint/config';
import js from '@eslint/js';
import globals from 'globals';

// What gets linted: sources, tests, stories, scripts, and root/.storybook config files.
const scope = [
  'src/**/*.ts',
  'test/**/*.{ts,js}',
  'bin/**/*.js',
  'stories/**/*.ts',
  'scripts/**/*.{js,mjs,cjs,ts}',
  '.storybook/**/*.{js,mjs,cjs,ts}',
  '.ci/**/*.{js,mjs,cjs}',
  '*.config.{js,mjs,cjs,ts,mts}',
];
const codeFiles = ['**/*.{ts,mts,cts,js,mjs,cjs}'];
const testFiles = ['test/**/*.{ts,js}', '**/*.test.{ts,js}', '**/*.spec.{ts,js}'];

export default defineConfig(
  globalIgnores(
    [
      // Lint only what the project owns: everything else (prototypes, generated bundles) is out.
      '**/*.{js,mjs,cjs,ts,mts,cts}',
      ...scope.map(glob => `!${glob}`),
      '**/node_modules/**',
      'dist/**',
      'storybook-static/**',
      'coverage/**',
      'bench-results/**',
      'custom-elements.json',
    ],
    'project/ignores',
  ),
  { ...js.configs.recommended, files: codeFiles },
  tseslint.configs.recommended,
  { ...litConfigs['flat/recommended'], files: codeFiles },
  { ...wcConfigs['flat/best-practice'], files: codeFiles },
  {
    name: 'project/lit-and-wc',
    files: codeFiles,
    settings: {
      // Let eslint-plugin-wc treat Lit elements as custom elements.
      wc: { elementBaseClasses: ['LitElement'] },
    },
    rules: {
      // LitElement always implements connectedCallback/disconnectedCallback/attributeChangedCallback,
      // so `if (super.connectedCallback)` guards are dead code for Lit elements.
      'wc/guard-super-call': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  {
    name: 'project/node-scripts',
    files: [
      'scripts/**/*.{js,mjs,cjs}',
      'bin/**/*.js',
      'test/**/*.js',
      '*.config.{js,mjs,cjs}',
      '.storybook/**/*.{js,mjs}',
      '.ci/**/*.{js,mjs}',
    ],
    // Scripts drive browsers (page.evaluate callbacks run in the page), so they see both.
    languageOptions: { sourceType: 'module', globals: { ...globals.node, ...globals.browser } },
  },
  {
    name: 'project/tests',
    files: testFiles,
    rules: {
      // chai: expect(x).to.be.true / .to.exist are expressions by design
      '@typescript-eslint/no-unused-expressions': 'off',
      'no-unused-expressions': 'off',
      // test fixtures often reach into shadowRoot!
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
