// Layer boundaries from DESIGN.md, enforced on import specifiers (relative imports name the folder they reach).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const layer = (name) => [`**/${name}/**`, `**/${name}`];
const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'http', 'https', 'net', 'child_process', 'worker_threads'];
const restrict = (groups, message) => ({
  'no-restricted-imports': ['error', { patterns: groups.map((group) => ({ group, message })) }],
});

export default tseslint.config(
  { ignores: ['node_modules/**', '.cache/**', 'extension/**', 'dist/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports' }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: restrict(
      [[...layer('ports'), ...layer('adapters'), ...layer('service'), ...layer('agent'), ...layer('server'), ...layer('cli'), ...nodeBuiltins]],
      'src/core is pure domain code: no I/O, no node built-ins, no outer layers (DESIGN.md).',
    ),
  },
  {
    files: ['src/ports/**/*.ts'],
    rules: restrict(
      [[...layer('adapters'), ...layer('service'), ...layer('agent'), ...layer('server'), ...layer('cli')]],
      'src/ports holds interfaces only; it may import core.',
    ),
  },
  {
    files: ['src/adapters/**/*.ts'],
    rules: restrict(
      [[...layer('service'), ...layer('agent'), ...layer('server'), ...layer('cli')]],
      'Adapters implement ports; they may import core and ports, never use cases or front ends.',
    ),
  },
  {
    files: ['src/service/**/*.ts'],
    ignores: ['src/service/create-service.ts'],
    rules: restrict(
      [[...layer('adapters'), ...layer('agent'), ...layer('server'), ...layer('cli')]],
      'Use cases depend on ports; only create-service.ts wires adapters.',
    ),
  },
  {
    files: ['src/agent/**/*.ts'],
    rules: restrict([[...layer('adapters'), ...layer('server'), ...layer('cli')]], 'The agent calls the service through its tools.'),
  },
  {
    files: ['src/server/**/*.ts'],
    rules: restrict([[...layer('adapters'), ...layer('cli')]], 'Routes validate, call the service and map errors.'),
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: restrict([[...layer('adapters'), ...layer('server/routes')]], 'The CLI is thin: it calls the service.'),
  },
);
