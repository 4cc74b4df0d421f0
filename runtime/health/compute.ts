/**
 * kstatus `Compute`: generic properties first (deletion, observedGeneration, Reconciling/Stalled,
 * and — as in Flux's cli-utils fork — a Ready condition), then the built-in rule for the kind,
 * otherwise Current. Custom readers (Job, CEL) replace the whole computation for what they match.
 */
import { builtinRules, type RuleContext } from './builtins.js';
import { apiVersionOf, conditionsOf, field, groupOf, hasInt, intField, kindOf } from './fields.js';
import { current, inProgress, type KubeObject, type StatusReader, type StatusResult } from './types.js';

export interface ComputeOptions {
  /** Readers consulted in order before the built-in rules; the first that answers wins. */
  readonly readers?: readonly StatusReader[];
  /** Current time in ms. @default Date.now() */
  readonly now?: number;
}

function checkGeneration(obj: KubeObject): StatusResult | undefined {
  if (!hasInt(obj, ['metadata', 'generation']) || !hasInt(obj, ['status', 'observedGeneration']))
    return undefined;
  const generation = intField(obj, ['metadata', 'generation'], 0);
  const observed = intField(obj, ['status', 'observedGeneration'], 0);
  if (generation === observed) return undefined;
  return inProgress(
    'LatestGenerationNotObserved',
    `${kindOf(obj)} generation is ${generation}, but latest observed generation is ${observed}`,
  );
}

/** The checks every kind shares; undefined when they cannot decide. */
export function checkGenericProperties(obj: KubeObject): StatusResult | undefined {
  const deletion = field(obj, ['metadata', 'deletionTimestamp']);
  if (typeof deletion === 'string' && deletion !== '') {
    return { status: 'Terminating', message: 'Resource scheduled for deletion', conditions: [] };
  }
  const gen = checkGeneration(obj);
  if (gen) return gen;
  for (const c of conditionsOf(obj)) {
    if (c.type === 'Reconciling' && c.status === 'True') {
      return {
        status: 'InProgress',
        message: c.message,
        conditions: [{ type: 'Reconciling', status: 'True', reason: c.reason, message: c.message }],
      };
    }
    if (c.type === 'Stalled' && c.status === 'True') {
      return {
        status: 'Failed',
        message: c.message,
        conditions: [{ type: 'Stalled', status: 'True', reason: c.reason, message: c.message }],
      };
    }
  }
  return undefined;
}

/** Custom resources that report a Ready condition: only Ready=True is Current. */
function readyCondition(obj: KubeObject): StatusResult | undefined {
  const ready = conditionsOf(obj).find((c) => c.type === 'Ready');
  if (!ready) return undefined;
  if (ready.status === 'True') return current(ready.message || 'Resource is Ready');
  return inProgress(ready.reason || 'NotReady', ready.message || `Ready condition is ${ready.status}`);
}

export function ruleKey(obj: KubeObject): string {
  const group = groupOf(apiVersionOf(obj));
  return group === '' ? kindOf(obj) : `${group}/${kindOf(obj)}`;
}

/** Computes the kstatus of one live object. Throws when the object is malformed (→ Unknown). */
export function computeStatus(obj: KubeObject, opts: ComputeOptions = {}): StatusResult {
  for (const reader of opts.readers ?? []) {
    const r = reader(obj);
    if (r) return r;
  }
  const generic = checkGenericProperties(obj);
  if (generic) return generic;
  const rule = builtinRules[ruleKey(obj)];
  const ctx: RuleContext = { now: opts.now ?? Date.now() };
  if (rule) return rule(obj, ctx);
  return readyCondition(obj) ?? current('Resource is current');
}
