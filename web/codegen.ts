// GraphQL Code Generator: the explorer's response and variable types, made
// from the server's schema (gql/*.graphqls) and the operations written in
// src/ with graphql(`…`). `npm run build` runs it first, so a query that
// asks for a field the schema lacks, or code that reads a field its query
// does not ask for, fails the build. The output (src/gql/) is generated,
// git-ignored and deterministic (no timestamps, sorted by source).
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: '../gql/*.graphqls',
  documents: ['src/**/*.ts', '!src/gql/**'],
  ignoreNoDocuments: false,
  errorsOnly: true,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        // Strings, not parsed ASTs: the bundle carries each query once, as text.
        documentMode: 'string',
        enumsAsTypes: true,
        useTypeImports: true,
        onlyOperationTypes: true,
        skipTypename: true,
        avoidOptionals: { field: true, inputValue: false, object: true },
        scalars: { ID: 'string' },
      },
    },
  },
};

export default config;
