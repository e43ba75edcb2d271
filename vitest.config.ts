import { defineConfig } from 'vitest/config';

const conditions = ['@mnquants/source', 'module', 'node', 'import', 'default'];

const project = (name: string, root: string, include = ['src/**/*.test.ts', 'test/**/*.test.ts']) => ({
  extends: true as const,
  test: { name, root, include },
});

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ['@mnquants/source'] } },
  test: {
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 20_000,
    projects: [
      project('kalshi-sdk', 'packages/kalshi-sdk'),
      project('kalshi-sim', 'packages/kalshi-sim'),
      project('mm-core', 'packages/mm-core'),
      project('repo', '.', ['test/**/*.test.ts']),
      project('examples', 'examples', ['*/src/**/*.test.ts', '*/test/**/*.test.ts']),
    ],
  },
});
