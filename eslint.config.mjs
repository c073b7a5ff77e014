// Lint, including the dependency rule between source folders (docs/ARCHITECTURE.md).
// NOTE: in flat config the last matching block's options replace earlier ones for the same rule,
// so each block below lists every pattern that applies to its files.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import pluginVue from 'eslint-plugin-vue'
import globals from 'globals'
import vueI18n from '@intlify/eslint-plugin-vue-i18n'
import importX from 'eslint-plugin-import-x'
import eslintConfigPrettier from 'eslint-config-prettier/flat'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'

const nodeOrElectron = {
  group: ['electron', 'node:*', 'fs', 'path', 'child_process', 'os', 'url'],
  message: 'Node and Electron APIs belong in src/main (and the preload bridge).'
}
const rendererLibraries = {
  group: ['vue', 'vue-router', 'pinia', 'dexie', 'minisearch', '@vue/*'],
  message: 'Renderer libraries belong in src/renderer.'
}
// Pure libraries that run anywhere (Node, page, worker) may serve shared code: the CLI uses them too.
const sharedUnsafeLibraries = {
  group: ['vue', 'vue-router', 'vue-i18n', '@intlify/*', 'pinia', 'dexie', '@vue/*', 'dompurify', 'd3-*', '@tanstack/*'],
  message:
    'src/shared runs in Node too: no renderer-only libraries (minisearch, papaparse, docx and the like are fine), and no language: words belong to the edges (src/locales).'
}
const otherProcesses = (...names) => ({
  group: names.flatMap((name) => [`**/${name}/**`, `@${name}/**`]),
  message: `Processes do not import each other: share code through src/shared (not ${names.join(', ')}).`
})
const forbid = (files, patterns) => ({
  files,
  rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] }
})
// src/node: Node code the desktop main process and the command line both use (the team server's adapter, the atomic file writer).
const nodeFolder = {
  group: ['**/node/**'],
  message: 'src/node runs in Node only: the renderer, the preload and src/shared never import it (main and cli do).'
}
const rendererPatterns = [nodeOrElectron, otherProcesses('main', 'preload', 'cli'), nodeFolder]
const databaseOnlyThroughFeatures = {
  group: ['dexie', '**/db/**', '@renderer/db/**'],
  message: 'Components read through composables and write through stores, never the database.'
}
const kitKnowsNoFeature = {
  group: ['**/features/**', '@renderer/features/**'],
  message: 'recordKit/ sits below the features and imports none of them: a feature fills its slots instead (docs/ARCHITECTURE.md).'
}

// Components whose every word comes from the catalogues (issue 14 converts them folder by folder);
// no-raw-text keeps them so. A component joins the list when it is translated.
const TRANSLATED_COMPONENTS = [
  'src/renderer/App.vue',
  'src/renderer/ui/*.vue',
  'src/renderer/recordKit/*.vue',
  'src/renderer/features/sources/*.vue',
  'src/renderer/features/recordPage/*.vue',
  'src/renderer/features/startup/*.vue',
  'src/renderer/features/importing/*.vue',
  'src/renderer/features/backups/*.vue',
  'src/renderer/features/exporting/*.vue',
  'src/renderer/features/briefings/BriefingListView.vue',
  'src/renderer/features/briefings/BriefingComposerView.vue',
  'src/renderer/features/briefings/AddToBriefingButton.vue',
  'src/renderer/features/briefings/BriefingDocumentView.vue',
  'src/renderer/features/duplicates/*.vue',
  'src/renderer/features/graph/*.vue',
  'src/renderer/features/team/*.vue',
  'src/renderer/features/search/*.vue',
  'src/renderer/features/timeline/*.vue',
  'src/renderer/features/timelineChart/*.vue',
  'src/renderer/features/charts/*.vue',
  'src/renderer/features/comparison/JurisdictionComparisonView.vue',
  'src/renderer/features/comparison/JurisdictionComparisonTable.vue',
  'src/renderer/features/comparison/JurisdictionComparisonFigure.vue',
  'src/renderer/features/incidents/*.vue',
  'src/renderer/features/organisations/*.vue',
  'src/renderer/features/jurisdictions/*.vue',
  'src/renderer/features/laws/*.vue',
  'src/renderer/features/responses/*.vue',
  'src/renderer/features/history/*.vue'
]

export default tseslint.config(
  { ignores: ['out/**', 'src/renderer/out/**', 'dist/**', 'node_modules/**', 'tools/**', 'test-results/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } }
  },
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'vue/multi-word-component-names': 'error',
      'vue/no-v-html': 'error',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      // RELIABILITY-SECURITY 14: a renderer's code is never run from a string, whatever its origin.
      'no-restricted-properties': [
        'error',
        {
          property: 'executeJavaScript',
          message: 'Never run code from a string in a web contents (RELIABILITY-SECURITY 14): send a validated IPC message instead.'
        }
      ]
    }
  },
  forbid(
    ['src/shared/**'],
    [
      nodeOrElectron,
      sharedUnsafeLibraries,
      {
        group: ['**/main/**', '**/preload/**', '**/renderer/**', '**/cli/**', '**/node/**', '@renderer/**'],
        message: 'src/shared depends on nothing else in src/.'
      }
    ]
  ),
  forbid(['src/main/**'], [rendererLibraries, otherProcesses('renderer', 'preload', 'cli')]),
  forbid(
    ['src/cli/**'],
    [
      rendererLibraries,
      otherProcesses('main', 'renderer', 'preload'),
      { group: ['electron'], message: 'The command line runs on plain Node, without Electron.' }
    ]
  ),
  forbid(
    ['src/node/**'],
    [
      rendererLibraries,
      otherProcesses('main', 'renderer', 'preload', 'cli'),
      { group: ['electron'], message: 'src/node runs on plain Node too (the command line): no Electron.' }
    ]
  ),
  forbid(
    ['src/preload/**'],
    [
      otherProcesses('main', 'renderer', 'cli'),
      nodeFolder,
      rendererLibraries,
      {
        group: ['zod', '**/shared/ipc/contract', '**/shared/domain/**'],
        allowTypeImports: true,
        message: 'A sandboxed preload can require only electron: import the contract as a type.'
      }
    ]
  ),
  forbid(['src/renderer/**'], rendererPatterns),
  forbid(['src/renderer/**/*.vue'], [...rendererPatterns, databaseOnlyThroughFeatures]),
  forbid(
    ['src/renderer/ui/**'],
    [
      ...rendererPatterns,
      databaseOnlyThroughFeatures,
      {
        group: ['pinia', '**/features/**', '@renderer/features/**', '**/desktop/**', '@renderer/desktop/**'],
        message: 'ui/ components take props and emit events; they know no stores, features or desktop services.'
      }
    ]
  ),
  // The record kit sits below the features: every feature may use it, it uses none of them.
  forbid(['src/renderer/recordKit/**'], [...rendererPatterns, kitKnowsNoFeature]),
  forbid(['src/renderer/recordKit/**/*.vue'], [...rendererPatterns, databaseOnlyThroughFeatures, kitKnowsNoFeature]),
  forbid(
    ['src/renderer/db/**'],
    [
      ...rendererPatterns,
      {
        group: ['pinia', 'vue-router', '**/features/**', '@renderer/features/**', '**/ui/**', '@renderer/ui/**'],
        message: 'db/ wraps Dexie only; it knows nothing of the UI.'
      }
    ]
  ),
  // No import cycles in the page's code, so no two features depend on each other (each feature's
  // index re-exports its parts, so a cycle between two features is a cycle between their files).
  // Dynamic imports count too: a route's lazy view is still a dependency of its feature.
  {
    files: ['src/renderer/**/*.ts', 'src/renderer/**/*.vue'],
    plugins: { 'import-x': importX },
    // The rule parses each imported file with the options of the file being linted: a .ts file must also
    // hand vue-eslint-parser the TypeScript parser, or every <script setup lang="ts"> it reaches fails to
    // parse and its imports (and the cycles through them) go unseen.
    languageOptions: { parserOptions: { parser: tseslint.parser } },
    settings: {
      'import-x/extensions': ['.ts', '.vue', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'], 'vue-eslint-parser': ['.vue'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.web.json', extensions: ['.ts', '.vue', '.js', '.json'] })]
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] }
  },
  {
    files: ['src/renderer/**/*.worker.ts'],
    languageOptions: { globals: { ...globals.worker } }
  },
  {
    files: ['test/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' }
  },
  // zod is configured once (jitless, for the CSP) in src/shared/lib/zod.ts; every schema takes z from there.
  {
    files: ['src/**/*.ts', 'src/**/*.vue'],
    ignores: ['src/shared/lib/zod.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'zod', message: "Import z from src/shared/lib/zod.ts (configured once for the app's CSP), not from 'zod'." }] }
      ]
    }
  },
  // The interface's words: every key the renderer asks for exists in the catalogues (src/locales/<language>/*.json),
  // and components already translated hold no text of their own. (That every language has every key,
  // and every message compiles, is test/renderer/i18n/catalogues.test.ts.)
  {
    files: ['src/renderer/**/*.ts', 'src/renderer/**/*.vue'],
    plugins: { '@intlify/vue-i18n': vueI18n },
    settings: {
      'vue-i18n': {
        localeDir: { pattern: './src/locales/*/*.json', localeKey: 'path', localePattern: /^.*\/(?<locale>[A-Za-z0-9-]+)\/[^/]+\.json$/ },
        messageSyntaxVersion: '^11.0.0'
      }
    }
  },
  {
    files: ['src/renderer/**/*.ts', 'src/renderer/**/*.vue'],
    rules: { '@intlify/vue-i18n/no-missing-keys': 'error', '@intlify/vue-i18n/no-deprecated-tc': 'error' }
  },
  {
    files: TRANSLATED_COMPONENTS,
    rules: {
      '@intlify/vue-i18n/no-raw-text': [
        'error',
        { ignorePattern: '^[-–—·•:;,.!?/()\\[\\]#×+*%=<>|…\\s\\d]+$', ignoreText: ['Precedent', 'English', '简体中文'] }
      ]
    }
  },
  // Layout is Prettier's (.prettierrc.json, checked by `npm run lint`): the style rules that would argue with it are off.
  eslintConfigPrettier
)
