export { JobQueue, retryDelayMs } from './job-queue.js';
export type { ClaimedJob, EnqueueOptions, JobQueueDeps } from './job-queue.js';
export { DEFAULT_TIMEZONE, enqueueDueSchedules, nextCronRun, upsertSchedule } from './schedules.js';
export type { ScheduleDefinition } from './schedules.js';
export { JobRegistry, Worker } from './worker.js';
export type { JobContext, JobDefinition, JobHandler, WorkerOptions } from './worker.js';
export { PRUNE_JOBS_CRON, PRUNE_JOBS_JOB, pruneFinishedJobs } from './prune.js';
