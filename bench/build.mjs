// Benchmarks run the code as shipped: bundled by esbuild with the server's options (tsx, which
// the tests use, wraps every function for its names and would slow the numbers down).
import * as esbuild from 'esbuild';
import { mkdirSync, rmSync } from 'node:fs';

// Each run's results start afresh (bench/results.ts appends to the file, bench/readme.ts reads it).
mkdirSync('.bench', { recursive: true });
rmSync('.bench/results.json', { force: true });

await Promise.all(
  ['run', 'workspace', 'cannedServer', 'archive', 'targets', 'readme'].map((name) =>
    esbuild.build({
      entryPoints: [`bench/${name}.ts`],
      outfile: `.bench/${name}.js`,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      logLevel: 'warning',
      external: ['markdownlint', 'markdownlint/*'],
    }),
  ),
);
