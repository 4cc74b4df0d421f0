/**
 * runtime/workers — a worker_threads pool for CPU-heavy work: tasks are module path + export name +
 * serialisable input; bounded queue; errors propagate; aborted tasks terminate their worker.
 */
export { QueueFullError, TaskError, WorkerPool } from './pool.js';
export type { Task, WorkerPoolOptions } from './pool.js';
