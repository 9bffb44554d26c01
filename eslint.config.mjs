// Lint: the TypeScript rules that catch real bugs (floating promises, == instead of ===), plus the
// layer rule the boundary test also checks: the core imports no Node built-in (vscode-markdown-
// languageservice does the same with no-restricted-imports).
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = builtinModules.flatMap((m) => [m, `node:${m}`]);

export default tseslint.config(
  { ignores: ['dist/**', '.bench/**', '.scratch/**', 'node_modules/**', '.vscode-test/**', 'artifacts/**', 'out/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // node:test's test() returns a promise the runner awaits.
      '@typescript-eslint/no-floating-promises': [
        'error',
        { allowForKnownSafeCalls: [{ from: 'package', name: ['test', 'it', 'describe', 'suite', 'before', 'after'], package: 'node:test' }] },
      ],
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-namespace': 'off', // shared/protocol.ts: `namespace XRequest { method; type }`, as vscode-eslint's $shared does
      '@typescript-eslint/no-non-null-assertion': 'off',
      eqeqeq: ['error', 'always'],
      curly: ['error', 'multi-line'],
      'no-control-regex': 'off', // regexes over text do name control characters
    },
  },
  {
    // The protocol tests read JSON from the wire, as any LSP client does.
    files: ['test/protocol/**/*.ts', 'test/support/lspClient.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['server/src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: nodeBuiltins.map((name) => ({ name, message: 'The core is pure: no Node built-ins (boundaries.test.ts).' })) },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    rules: {
      // tsc -p test/e2e type-checks these files (checkJs): it knows Node's, Mocha's and the DOM's globals.
      'no-undef': 'off',
      '@typescript-eslint/no-require-imports': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
);
