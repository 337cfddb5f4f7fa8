// The registry and its helpers.
export * from './endpoint-def';
export * from './endpoints';
export * from './errors';
export * from './response-examples';
// Schemas shared across groups.
export * from './schemas/column-overhead-rows';
export * from './schemas/contract-registry';
export * from './schemas/error-body';
export * from './schemas/int-param';
export * from './schemas/primitives';
export * from './schemas/user';
// Endpoints and their group-specific schemas, by group.
export * from './endpoints/basic';
export * from './endpoints/pagination';
export * from './endpoints/column-overhead';
export * from './endpoints/n-plus-one';
export * from './endpoints/bulk';
export * from './endpoints/transactions';
export * from './endpoints/caching';
export * from './endpoints/auth';
export * from './endpoints/aggregation';
export * from './endpoints/server-config';
export * from './endpoints/search';
// OpenAPI generation.
export * from './json-schema';
export * from './openapi';
// The database seed (sql/).
export * from './seed-counts';
export { SCENARIO_CATEGORIES, categoryOfScenarioNumber, type ScenarioCategory } from './scenario-categories';
