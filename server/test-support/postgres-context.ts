// What the PostgreSQL global setup (postgres-global-setup.ts) hands the tests through
// vitest's provide/inject: the throwaway cluster's superuser URL. Its own module, so every
// program that compiles postgres.ts (the client's too: the model test runs on PostgreSQL)
// sees the declaration without loading the global setup.
declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

export {};
