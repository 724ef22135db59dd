// What a query needs, the pool or a transaction alike: helpers that run inside a
// caller's transaction (sql.begin) take a Query, so one statement serves both.
import type postgres from 'postgres';

export type Query = postgres.ISql<{ bigint: number }>;
