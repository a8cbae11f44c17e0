// @ts-check
// Flat config. TypeScript files are linted with type information (projectService reads
// tsconfig.json), so a .ts file outside tsconfig's "include" is reported as "not found by the
// project service": add it to tsconfig rather than loosening this file.
import { readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import js from '@eslint/js';
import globals from 'globals';
import { defineConfig } from 'eslint/config';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import ts from 'typescript';
import tseslint from 'typescript-eslint';

// ---- Import cycles ------------------------------------------------------------------------------
// No import cycle, not even one closed by an `import type`: a type-only back edge still ties the
// two sides together (the hub, the request context and the services were such a knot, issue 16),
// and a later value import on it is a cycle at run time. import-x/no-cycle reports cycles of value
// imports; in 4.x it never follows a type-only one (no option to), so `pulse/no-type-import-cycle`
// checks exactly those declarations, following every relative import, type-only or not, of the
// files it reaches. Together: every cycle. Packages and the client's `@domain` alias (api/domain
// imports nothing of the client) are not followed.

/** file -> its relative imports (resolved), read once per change of the file. */
const importsCache = new Map();

function isFile(path) {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function resolveRelative(from, specifier) {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(from), specifier);
  return [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`].find(isFile);
}

function importsOf(file) {
  const mtime = statSync(file, { throwIfNoEntry: false })?.mtimeMs;
  if (mtime === undefined) return [];
  const cached = importsCache.get(file);
  if (cached?.mtime === mtime) return cached.imports;
  // every `import`/`export ... from`/`import()`, type-only or not
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  const imports = importedFiles.flatMap((f) => resolveRelative(file, f.fileName) ?? []);
  importsCache.set(file, { mtime, imports });
  return imports;
}

/** The shortest import chain from `start` to `goal` (both included), or undefined. */
function chain(start, goal) {
  const cameFrom = new Map([[start, undefined]]);
  const queue = [start];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (file === goal) {
      const path = [];
      for (let at = file; at !== undefined; at = cameFrom.get(at)) path.unshift(at);
      return path;
    }
    for (const next of importsOf(file)) {
      if (!cameFrom.has(next)) {
        cameFrom.set(next, file);
        queue.push(next);
      }
    }
  }
  return undefined;
}

/** @type {import('eslint').Rule.RuleModule} */
const noTypeImportCycle = {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid a type-only import that closes an import cycle.' },
    messages: { cycle: 'Import cycle closed by a type-only import: {{route}}' },
    schema: [],
  },
  create(context) {
    const file = context.physicalFilename;
    /** @param {any} node an import or export declaration */
    const check = (node) => {
      const specifiers = node.specifiers ?? [];
      const typeOnly =
        node.importKind === 'type' ||
        node.exportKind === 'type' ||
        (specifiers.length > 0 &&
          specifiers.every((/** @type {any} */ s) => s.importKind === 'type' || s.exportKind === 'type'));
      if (!typeOnly || !node.source) return;
      const target = resolveRelative(file, node.source.value);
      const back = target && chain(target, file);
      if (!back) return;
      const route = [file, ...back].map((f) => relative(context.cwd, f)).join(' -> ');
      context.report({ node, messageId: 'cycle', data: { route } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
  },
};

/** TypeScript with type information (projectService reads the nearest tsconfig). */
const typedLanguageOptions = {
  parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
};

/** The rules every TypeScript file follows, server, client and tests. */
const typedRules = {
  '@typescript-eslint/no-explicit-any': 'error',
  '@typescript-eslint/no-unused-vars': [
    'error',
    {
      argsIgnorePattern: '^_',
      varsIgnorePattern: '^_',
      caughtErrorsIgnorePattern: '^_',
      destructuredArrayIgnorePattern: '^_',
    },
  ],
  // tsconfig has verbatimModuleSyntax and emitDecoratorMetadata is off, so a type-only import is
  // never needed at run time by a decorator. If the server ever moves to a compiler that emits
  // decorator metadata (SWC decoratorMetadata), revisit this: reflected types need values.
  '@typescript-eslint/consistent-type-imports': 'error',
};

export default defineConfig(
  {
    // Global ignores: generated output, data and any JavaScript except root config files.
    // (node_modules is always ignored by ESLint.)
    ignores: [
      'dist/',
      'data/',
      'coverage/',
      'client/dist/',
      // generated by GraphQL Code Generator (npm run codegen)
      'client/src/gql/',
      'drizzle/meta/',
      'bench/results/',
      'test-results/',
      '**/*.{js,mjs,cjs}',
      '!*.config.{js,mjs,cjs}',
      // the benchmark's own scripts are linted too (plain JavaScript on Node: the block below)
      '!bench/**/*.{mjs,cjs}',
    ],
  },
  js.configs.recommended,
  {
    // bench/: Node scripts in plain JavaScript (ESM, and PostGraphile 4's CommonJS server)
    files: ['bench/**/*.mjs'],
    languageOptions: { globals: globals.node, sourceType: 'module' },
    rules: { 'no-unused-vars': ['error', { argsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }] },
  },
  {
    files: ['bench/**/*.cjs'],
    languageOptions: { globals: globals.node, sourceType: 'commonjs' },
  },
  {
    files: ['api/**/*.ts', 'schema/**/*.ts', 'tests/**/*.ts', '*.config.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: typedLanguageOptions,
    rules: {
      ...typedRules,
      // type-graphql: input/object types are classes that only carry decorated fields, resolvers
      // are classes with no state; neither is an "extraneous" class.
      '@typescript-eslint/no-extraneous-class': 'off',
      // The no-unsafe-* family stays on (from recommendedTypeChecked): no `any` leaks out of
      // decorators, drizzle rows or JSON.parse unnoticed.
    },
  },
  {
    // The web client (React, browser): typed with client/tsconfig.json, which projectService finds
    // as the nearest tsconfig; the rules of hooks (and the React Compiler's checks) on top.
    files: ['client/**/*.{ts,tsx}'],
    extends: [tseslint.configs.recommendedTypeChecked, reactHooks.configs.flat['recommended-latest']],
    languageOptions: typedLanguageOptions,
    rules: typedRules,
  },
  {
    // No import cycles (see noTypeImportCycle above): the server, the web client and the tests.
    files: ['api/**/*.ts', 'client/src/**/*.{ts,tsx}', 'tests/**/*.ts'],
    plugins: { 'import-x': importX, pulse: { rules: { 'no-type-import-cycle': noTypeImportCycle } } },
    settings: {
      'import-x/extensions': ['.ts', '.tsx'],
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'pulse/no-type-import-cycle': 'error',
    },
  },
);
