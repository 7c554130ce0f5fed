import { configDefaults, defineConfig } from 'vitest/config';

/** Units: no CLI spawns, no workers, no Chromium, no PDF tools — `npm run test:fast`, seconds. */
const FAST = [
  'tests/card-key.test.ts',
  'tests/contrast.test.ts',
  'tests/emoji.test.ts',
  'tests/font-coverage.test.ts',
  'tests/highlight.test.ts',
  'tests/import-graph.test.ts',
  'tests/hostile/yaml.test.ts',
  'tests/images.test.ts',
  'tests/import.test.ts',
  'tests/load.test.ts',
  'tests/markdown.test.ts',
  'tests/measure-memo.test.ts',
  'tests/png-encode.test.ts',
  'tests/preview-complete.test.ts',
  'tests/preview-units.test.ts',
  'tests/source-map.test.ts',
  'tests/template-golden.test.ts',
  'tests/typography-golden.test.ts',
  'tests/unicode-fold.test.ts',
];

// `npm test` runs both projects; the full one spawns the CLI, starts workers, servers and Chromium.
export default defineConfig({
  test: {
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'fast', include: FAST, testTimeout: 30_000, hookTimeout: 30_000 } },
      { extends: true, test: { name: 'full', include: ['tests/**/*.test.ts'], exclude: [...configDefaults.exclude, ...FAST], testTimeout: 120_000, hookTimeout: 120_000 } },
    ],
  },
});
