export { createWorkerApp } from './worker.app';
export type { WorkerApp, WorkerAppOptions, WorkerTimings } from './worker.app';
export type { JobContext, JobHandler, JobHandlers } from './job.handler';
export { createHandlers } from './handlers/job.handlers';
export type { HandlerDependencies } from './handlers/job.handlers';
export { SCHEDULES } from './worker.schedules';
export type { JobSchedule } from './worker.schedules';
