/**
 * GraphQL Code Generator: typed documents for every operation and fragment written with
 * `graphql(...)` in client/src, from the server's emitted schema. Run `npm run codegen` after
 * changing an operation or the schema; the output (client/src/gql/) is committed so a fresh clone
 * builds without running it.
 */
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: ['client/src/**/*.{ts,tsx}', '!client/src/gql/**'],
  ignoreNoDocuments: false,
  generates: {
    'client/src/gql/': {
      preset: 'client',
      presetConfig: {
        // component-owned fragments: a parent passes the masked reference, the component unmasks it
        fragmentMasking: { unmaskFunctionName: 'getFragmentData' },
      },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
        scalars: {
          Date: 'string',
          DateTime: 'string',
          Decimal: 'string',
        },
        strictScalars: true,
        skipTypename: false,
        nonOptionalTypename: true,
      },
    },
  },
  hooks: { afterAllFileWrite: ['prettier --write'] },
};

export default config;
