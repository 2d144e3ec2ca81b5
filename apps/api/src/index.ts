export { buildServer } from './server';
export type { ApiServerDeps } from './server';
