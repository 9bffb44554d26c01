// Benchmarks run the code as shipped: bundled by esbuild with the server's options (tsx, which
// the tests use, wraps every function for its names and would slow the numbers down).
import * as esbuild from 'esbuild';

await Promise.all(
  ['run', 'workspace', 'targets'].map((name) =>
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
