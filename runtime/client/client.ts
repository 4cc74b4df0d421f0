/**
 * KubeClient: a raw-JSON Kubernetes client. Objects in, objects out, never a typed model, so unknown
 * fields survive. One client = one identity; `impersonate()` derives another identity that shares the
 * connection pool, REST mapper, rate limiter and request counters.
 */
import { KubeApiError } from './errors.js';
import { loadKubeConfig } from './kubeconfig.js';
import type { ConnectionConfig, LoadKubeConfigOptions } from './kubeconfig.js';
import { query, resourcePath } from './paths.js';
import { TokenBucket, defaultRateLimiterOptions } from './rate-limiter.js';
import type { RateLimiterOptions } from './rate-limiter.js';
import { RestMapper } from './rest-mapper.js';
import type { RestMapping } from './rest-mapper.js';
import { Transport } from './transport.js';
import type { GroupVersionKind, KubeList, KubeObject, ObjectRef, StatusBody, WatchEvent } from './types.js';
import { parseApiVersion } from './types.js';
import { decodeWatchLines } from './watch-stream.js';

export type PatchType = 'merge' | 'json' | 'strategic' | 'apply';

const patchContentType: Readonly<Record<PatchType, string>> = {
  merge: 'application/merge-patch+json',
  json: 'application/json-patch+json',
  strategic: 'application/strategic-merge-patch+json',
  apply: 'application/apply-patch+yaml',
};

export interface Impersonation {
  /** `Impersonate-User`, e.g. `system:serviceaccount:ns:name`. */
  readonly user: string;
  readonly groups?: readonly string[];
  readonly uid?: string;
}

export interface KubeClientOptions {
  /** Client-side rate limit (Flux: --kube-api-qps=50, --kube-api-burst=300). */
  readonly rateLimit?: RateLimiterOptions;
  /** Default field manager for writes. @default "sluice" */
  readonly fieldManager?: string;
  /** @default "sluice" */
  readonly userAgent?: string;
  readonly impersonate?: Impersonation;
  /** Per-request timeout (time to response headers). @default 60000 */
  readonly timeoutMs?: number;
}

export interface WriteOptions {
  /** Server-side dry run (`dryRun=All`): validated and defaulted, not persisted. */
  readonly dryRun?: boolean;
  readonly fieldManager?: string;
  /** `Strict` | `Warn` | `Ignore` (server default Warn for most verbs). */
  readonly fieldValidation?: 'Strict' | 'Warn' | 'Ignore';
}

export interface PatchOptions extends WriteOptions {
  /** Server-side apply only: take ownership of conflicting fields. */
  readonly force?: boolean;
  /** e.g. `status`. */
  readonly subresource?: string;
}

export interface ApplyOptions extends WriteOptions {
  /** @default true, as Flux always forces its own field manager. */
  readonly force?: boolean;
}

export interface DeleteOptions {
  readonly propagationPolicy?: 'Foreground' | 'Background' | 'Orphan';
  readonly preconditions?: { readonly uid?: string; readonly resourceVersion?: string };
  readonly gracePeriodSeconds?: number;
  readonly dryRun?: boolean;
}

export interface ListOptions {
  /** Unset lists across all namespaces (for namespaced kinds). */
  readonly namespace?: string;
  readonly labelSelector?: string;
  readonly fieldSelector?: string;
  /** Page size; `list()` follows `continue` until done. @default 500 */
  readonly limit?: number;
  readonly continue?: string;
  readonly resourceVersion?: string;
  readonly resourceVersionMatch?: 'Exact' | 'NotOlderThan';
  /** Only metadata (PartialObjectMetadata): no `data`/`spec`, far less memory for Secret/ConfigMap watches. */
  readonly metadataOnly?: boolean;
}

export interface WatchOptions {
  readonly namespace?: string;
  readonly labelSelector?: string;
  readonly fieldSelector?: string;
  readonly resourceVersion?: string;
  /** @default true */
  readonly allowWatchBookmarks?: boolean;
  /** Server-side watch timeout. */
  readonly timeoutSeconds?: number;
  readonly signal?: AbortSignal;
  /** Only metadata (PartialObjectMetadata). */
  readonly metadataOnly?: boolean;
}

/** Accept headers asking the server for metadata only (as controller-runtime's metadata client). */
const metadataAccept = {
  list: 'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json',
  object: 'application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1,application/json',
};

export type Verb = 'get' | 'list' | 'watch' | 'create' | 'update' | 'patch' | 'apply' | 'delete' | 'discovery';

/** Request counters (shared by all clients derived from one root). */
export interface RequestStats {
  total: number;
  byVerb: Record<Verb, number>;
  /** Requests that waited for the client-side rate limiter. */
  throttled: number;
}

export type RequestObserver = (verb: Verb, code: number, seconds: number) => void;

interface Shared {
  readonly transport: Transport;
  readonly limiter: TokenBucket;
  readonly mapper: RestMapper;
  readonly stats: RequestStats;
  readonly observers: RequestObserver[];
}

function newStats(): RequestStats {
  return {
    total: 0,
    throttled: 0,
    byVerb: { get: 0, list: 0, watch: 0, create: 0, update: 0, patch: 0, apply: 0, delete: 0, discovery: 0 },
  };
}

export class KubeClient {
  private readonly shared: Shared;
  readonly options: KubeClientOptions;

  /** Loads a kubeconfig (or the in-cluster config) and builds a client for it. */
  static fromKubeConfig(load: LoadKubeConfigOptions = {}, opts: KubeClientOptions = {}): KubeClient {
    return new KubeClient(loadKubeConfig(load), opts);
  }

  constructor(connection: ConnectionConfig, opts?: KubeClientOptions);
  constructor(shared: Shared, opts?: KubeClientOptions);
  constructor(conn: ConnectionConfig | Shared, opts: KubeClientOptions = {}) {
    this.options = opts;
    if ('transport' in conn) {
      this.shared = conn;
    } else {
      const transport = new Transport(conn);
      const shared: Shared = {
        transport,
        limiter: new TokenBucket(opts.rateLimit ?? defaultRateLimiterOptions()),
        mapper: new RestMapper((path) => this.requestJson('discovery', 'GET', path)),
        stats: newStats(),
        observers: [],
      };
      this.shared = shared;
    }
  }

  /** The connection this client talks to (server URL, default namespace). */
  get connection(): ConnectionConfig {
    return this.shared.transport.connection;
  }

  get mapper(): RestMapper {
    return this.shared.mapper;
  }

  /** Counters since start (all derived clients together). */
  get stats(): Readonly<RequestStats> {
    return this.shared.stats;
  }

  /** Called after every request with verb, HTTP status (0 on network error) and latency. */
  onRequest(observer: RequestObserver): void {
    this.shared.observers.push(observer);
  }

  /** A client acting as another identity (same pool, mapper, limiter and counters). */
  impersonate(who: Impersonation): KubeClient {
    return new KubeClient(this.shared, { ...this.options, impersonate: who });
  }

  /** Impersonates `system:serviceaccount:<namespace>:<name>` with the service-account groups. */
  impersonateServiceAccount(namespace: string, name: string): KubeClient {
    return this.impersonate({
      user: `system:serviceaccount:${namespace}:${name}`,
      groups: ['system:serviceaccounts', `system:serviceaccounts:${namespace}`, 'system:authenticated'],
    });
  }

  /**
   * Whether the server runs API Priority and Fairness: its answer to `/livez/ping` names the flow schema
   * that classified it (the check Flux makes through cli-utils' flowcontrol.IsEnabled before it switches
   * client-side throttling off). Not counted as an API request of the controller.
   */
  async priorityAndFairnessEnabled(): Promise<boolean> {
    const res = await this.shared.transport.request({
      method: 'GET',
      path: '/livez/ping',
      headers: this.headers(undefined, '*/*'),
      timeoutMs: this.options.timeoutMs,
    });
    return typeof res.headers['x-kubernetes-pf-flowschema-uid'] === 'string' && res.headers['x-kubernetes-pf-flowschema-uid'] !== '';
  }

  /** Switches the client-side rate limiter off for this client and every client derived from it. */
  disableRateLimit(): void {
    this.shared.limiter.switchOff();
  }

  /** Whether requests still wait for the client-side rate limiter. */
  get rateLimited(): boolean {
    return !this.shared.limiter.disabled;
  }

  /** Closes pooled connections. */
  close(): void {
    this.shared.transport.close();
  }

  // ---- plumbing ------------------------------------------------------------------------------

  private headers(contentType?: string, accept = 'application/json'): Record<string, string | string[]> {
    const h: Record<string, string | string[]> = {
      Accept: accept,
      'User-Agent': this.options.userAgent ?? 'sluice',
    };
    if (contentType) h['Content-Type'] = contentType;
    const imp = this.options.impersonate;
    if (imp) {
      h['Impersonate-User'] = imp.user;
      if (imp.groups?.length) h['Impersonate-Group'] = [...imp.groups];
      if (imp.uid) h['Impersonate-Uid'] = imp.uid;
    }
    return h;
  }

  private async throttle(): Promise<void> {
    if (!this.shared.limiter.tryAcquire()) {
      this.shared.stats.throttled++;
      await this.shared.limiter.acquire();
    }
  }

  private count(verb: Verb, code: number, started: number): void {
    this.shared.stats.total++;
    this.shared.stats.byVerb[verb]++;
    const secs = (performance.now() - started) / 1000;
    for (const o of this.shared.observers) o(verb, code, secs);
  }

  /** One JSON request with rate limiting, 429 retry (honouring Retry-After) and typed errors. */
  async requestJson(verb: Verb, method: string, path: string, body?: unknown, contentType?: string, accept?: string): Promise<unknown> {
    const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
    for (let attempt = 0; ; attempt++) {
      await this.throttle();
      const started = performance.now();
      let res;
      try {
        res = await this.shared.transport.request({
          method,
          path,
          body: payload,
          headers: this.headers(payload === undefined ? undefined : (contentType ?? 'application/json'), accept),
          timeoutMs: this.options.timeoutMs,
        });
      } catch (err) {
        this.count(verb, 0, started);
        throw err;
      }
      this.count(verb, res.status, started);
      const text = res.body.toString('utf8');
      if (res.status >= 200 && res.status < 300) return text ? (JSON.parse(text) as unknown) : {};
      const retryAfter = Number(res.headers['retry-after']);
      if ((res.status === 429 || (res.status >= 500 && Number.isFinite(retryAfter) && retryAfter > 0)) && attempt < 5) {
        await new Promise((r) => setTimeout(r, Math.min(10, Number.isFinite(retryAfter) ? retryAfter : 1) * 1000));
        continue;
      }
      throw new KubeApiError(res.status, parseStatus(text), method, path);
    }
  }

  /** Maps apiVersion+kind to its resource (discovery, cached). */
  mapping(apiVersion: string, kind: string): Promise<RestMapping> {
    const gvk: GroupVersionKind = { ...parseApiVersion(apiVersion), kind };
    return this.shared.mapper.mapping(gvk);
  }

  private async pathFor(ref: { apiVersion: string; kind: string; namespace?: string; name?: string }, sub?: string): Promise<{ path: string; m: RestMapping }> {
    const m = await this.mapping(ref.apiVersion, ref.kind);
    if (m.namespaced && ref.name !== undefined && !ref.namespace) {
      throw new Error(`${ref.kind}/${ref.name}: a namespace is required for a namespaced kind`);
    }
    return { path: resourcePath(m, ref.namespace, ref.name, sub), m };
  }

  // ---- reads ---------------------------------------------------------------------------------

  /** GET one object; throws KubeApiError (isNotFound) when absent. */
  async get<T extends KubeObject = KubeObject>(ref: ObjectRef, opts: { subresource?: string } = {}): Promise<T> {
    const { path } = await this.pathFor(ref, opts.subresource);
    return (await this.requestJson('get', 'GET', path)) as T;
  }

  /** GET one object, or undefined when it does not exist. */
  async getOrUndefined<T extends KubeObject = KubeObject>(ref: ObjectRef): Promise<T | undefined> {
    try {
      return await this.get<T>(ref);
    } catch (err) {
      if (err instanceof KubeApiError && err.code === 404) return undefined;
      throw err;
    }
  }

  /** GET the status subresource. */
  getStatus<T extends KubeObject = KubeObject>(ref: ObjectRef): Promise<T> {
    return this.get<T>(ref, { subresource: 'status' });
  }

  /** One page of a list. */
  async listPage<T extends KubeObject = KubeObject>(apiVersion: string, kind: string, opts: ListOptions = {}): Promise<KubeList<T>> {
    const { path } = await this.pathFor({ apiVersion, kind, namespace: opts.namespace });
    const q = query({
      labelSelector: opts.labelSelector,
      fieldSelector: opts.fieldSelector,
      limit: opts.limit ?? 500,
      continue: opts.continue,
      resourceVersion: opts.resourceVersion,
      resourceVersionMatch: opts.resourceVersionMatch,
    });
    const list = (await this.requestJson('list', 'GET', path + q, undefined, undefined, opts.metadataOnly ? metadataAccept.list : undefined)) as KubeList<T>;
    list.items ??= [];
    // List items omit apiVersion/kind; restore them so every object is self-describing.
    for (const it of list.items) {
      // Metadata-only items say PartialObjectMetadata; name the kind asked for, as controller-runtime does.
      if (opts.metadataOnly || !it.apiVersion) it.apiVersion = apiVersion;
      if (opts.metadataOnly || !it.kind) it.kind = kind;
    }
    return list;
  }

  /** Lists every page (limit/continue) and returns one list at the first page's resourceVersion. */
  async list<T extends KubeObject = KubeObject>(apiVersion: string, kind: string, opts: ListOptions = {}): Promise<KubeList<T>> {
    const first = await this.listPage<T>(apiVersion, kind, opts);
    const items = [...first.items];
    let cont = first.metadata.continue;
    while (cont) {
      const page = await this.listPage<T>(apiVersion, kind, { ...opts, continue: cont, resourceVersion: undefined, resourceVersionMatch: undefined });
      items.push(...page.items);
      cont = page.metadata.continue;
    }
    return { ...first, metadata: { resourceVersion: first.metadata.resourceVersion }, items };
  }

  /**
   * Streams watch events. An ERROR event is thrown as KubeApiError (410 Gone → `isGone`). The stream
   * ends when the server closes it (timeoutSeconds) or `signal` aborts.
   */
  async *watch<T extends KubeObject = KubeObject>(apiVersion: string, kind: string, opts: WatchOptions = {}): AsyncGenerator<WatchEvent<T>> {
    const { path } = await this.pathFor({ apiVersion, kind, namespace: opts.namespace });
    const q = query({
      watch: 1,
      labelSelector: opts.labelSelector,
      fieldSelector: opts.fieldSelector,
      resourceVersion: opts.resourceVersion,
      allowWatchBookmarks: opts.allowWatchBookmarks ?? true,
      timeoutSeconds: opts.timeoutSeconds,
    });
    await this.throttle();
    const started = performance.now();
    let res;
    try {
      res = await this.shared.transport.stream({
        method: 'GET',
        path: path + q,
        headers: this.headers(undefined, opts.metadataOnly ? metadataAccept.object : undefined),
        signal: opts.signal,
        timeoutMs: this.options.timeoutMs,
      });
    } catch (err) {
      this.count('watch', 0, started);
      throw err;
    }
    this.count('watch', res.statusCode ?? 0, started);
    if ((res.statusCode ?? 0) >= 300) {
      const chunks: Buffer[] = [];
      for await (const c of res) chunks.push(c as Buffer);
      throw new KubeApiError(res.statusCode ?? 0, parseStatus(Buffer.concat(chunks).toString('utf8')), 'GET', path);
    }
    try {
      for await (const ev of decodeWatchLines(res)) {
        if (ev.type === 'ERROR') {
          const st = ev.object as unknown as StatusBody;
          throw new KubeApiError(st.code ?? 500, st, 'WATCH', path);
        }
        const obj = ev.object as T;
        if (ev.type !== 'BOOKMARK') {
          if (opts.metadataOnly || !obj.apiVersion) obj.apiVersion = apiVersion;
          if (opts.metadataOnly || !obj.kind) obj.kind = kind;
        }
        yield { type: ev.type, object: obj };
      }
    } catch (err) {
      if (opts.signal?.aborted) return;
      throw err;
    } finally {
      res.destroy();
    }
  }

  // ---- writes --------------------------------------------------------------------------------

  private writeQuery(opts: WriteOptions & { force?: boolean }): string {
    return query({
      dryRun: opts.dryRun ? 'All' : undefined,
      fieldManager: opts.fieldManager ?? this.options.fieldManager,
      fieldValidation: opts.fieldValidation,
      force: opts.force ? 'true' : undefined,
    });
  }

  /** POST a new object. */
  async create<T extends KubeObject>(obj: T, opts: WriteOptions = {}): Promise<T> {
    const { path } = await this.pathFor({ apiVersion: obj.apiVersion, kind: obj.kind, namespace: obj.metadata.namespace });
    return (await this.requestJson('create', 'POST', path + this.writeQuery(opts), obj)) as T;
  }

  /** PUT the whole object (optimistic concurrency on metadata.resourceVersion → isConflict). */
  async update<T extends KubeObject>(obj: T, opts: WriteOptions & { subresource?: string } = {}): Promise<T> {
    const { path } = await this.pathFor(refOf(obj), opts.subresource);
    return (await this.requestJson('update', 'PUT', path + this.writeQuery(opts), obj)) as T;
  }

  /** PUT the status subresource. */
  updateStatus<T extends KubeObject>(obj: T, opts: WriteOptions = {}): Promise<T> {
    return this.update(obj, { ...opts, subresource: 'status' });
  }

  /** PATCH with a merge, JSON, strategic-merge or apply patch. */
  async patch<T extends KubeObject = KubeObject>(ref: ObjectRef, type: PatchType, patch: unknown, opts: PatchOptions = {}): Promise<T> {
    const { path } = await this.pathFor(ref, opts.subresource);
    if (type === 'apply' && !(opts.fieldManager ?? this.options.fieldManager)) {
      throw new Error('server-side apply requires a field manager');
    }
    const q = this.writeQuery({ ...opts, force: type === 'apply' ? opts.force : undefined });
    return (await this.requestJson(type === 'apply' ? 'apply' : 'patch', 'PATCH', path + q, patch, patchContentType[type])) as T;
  }

  /** PATCH the status subresource. */
  patchStatus<T extends KubeObject = KubeObject>(ref: ObjectRef, type: PatchType, patch: unknown, opts: PatchOptions = {}): Promise<T> {
    return this.patch<T>(ref, type, patch, { ...opts, subresource: 'status' });
  }

  /** Server-side apply of a (partial) object; force defaults to true. */
  apply<T extends KubeObject = KubeObject>(obj: KubeObject, opts: ApplyOptions = {}): Promise<T> {
    const stripped = { ...obj, metadata: { ...obj.metadata } };
    delete stripped.metadata.managedFields;
    delete stripped.metadata.resourceVersion;
    return this.patch<T>(refOf(obj), 'apply', stripped, { ...opts, force: opts.force ?? true });
  }

  /** Server-side apply to the status subresource. */
  applyStatus<T extends KubeObject = KubeObject>(obj: KubeObject, opts: ApplyOptions = {}): Promise<T> {
    const body = { apiVersion: obj.apiVersion, kind: obj.kind, metadata: { name: obj.metadata.name, namespace: obj.metadata.namespace }, status: obj.status };
    return this.patch<T>(refOf(obj), 'apply', body, { ...opts, force: opts.force ?? true, subresource: 'status' });
  }

  /**
   * DELETE one object. Resolves with the server's answer: the object (when finalizers keep it
   * around) or a Status. Throws isNotFound when absent.
   */
  async delete(ref: ObjectRef, opts: DeleteOptions = {}): Promise<KubeObject | StatusBody> {
    const { path } = await this.pathFor(ref);
    const body: Record<string, unknown> = { apiVersion: 'v1', kind: 'DeleteOptions' };
    if (opts.propagationPolicy) body.propagationPolicy = opts.propagationPolicy;
    if (opts.preconditions) body.preconditions = opts.preconditions;
    if (opts.gracePeriodSeconds !== undefined) body.gracePeriodSeconds = opts.gracePeriodSeconds;
    if (opts.dryRun) body.dryRun = ['All'];
    return (await this.requestJson('delete', 'DELETE', path, body)) as KubeObject | StatusBody;
  }

  /** A raw JSON GET of any API path (e.g. `/version`, `/readyz`). */
  getPath(path: string): Promise<unknown> {
    return this.requestJson('get', 'GET', path);
  }
}

export function refOf(obj: { apiVersion: string; kind: string; metadata: { name?: string; namespace?: string } }): ObjectRef {
  if (!obj.metadata.name) throw new Error(`${obj.kind}: metadata.name is required`);
  return { apiVersion: obj.apiVersion, kind: obj.kind, name: obj.metadata.name, namespace: obj.metadata.namespace };
}

function parseStatus(text: string): StatusBody {
  try {
    const v = JSON.parse(text) as StatusBody;
    if (v && typeof v === 'object') return v;
  } catch {
    // not JSON (e.g. a proxy error page): keep a short excerpt as the message
  }
  return { message: text.slice(0, 200).trim() || undefined };
}
