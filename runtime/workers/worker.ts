/**
 * The worker entry: imports the task's module (cached per worker), calls the named export with the
 * input, and posts back the value or the error as data.
 */
import { parentPort } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import type { ResultMessage, TaskMessage } from './protocol.js';

const modules = new Map<string, Promise<Record<string, unknown>>>();

function load(spec: string): Promise<Record<string, unknown>> {
  let m = modules.get(spec);
  if (!m) {
    const url = spec.startsWith('file:') ? spec : pathToFileURL(spec).href;
    m = import(url) as Promise<Record<string, unknown>>;
    modules.set(spec, m);
  }
  return m;
}

parentPort?.postMessage({ ready: true });
parentPort?.on('message', (task: TaskMessage) => {
  void (async (): Promise<void> => {
    let reply: ResultMessage;
    try {
      const mod = await load(task.module);
      const fn = mod[task.exportName];
      if (typeof fn !== 'function') throw new TypeError(`${task.module} has no exported function "${task.exportName}"`);
      const value: unknown = await (fn as (input: unknown) => unknown)(task.input);
      reply = { id: task.id, ok: true, value };
    } catch (err) {
      const e = err instanceof Error ? err : new Error(String(err));
      reply = { id: task.id, ok: false, error: { name: e.name, message: e.message, stack: e.stack, code: (e as { code?: string }).code } };
    }
    parentPort?.postMessage(reply);
  })();
});
