/**
 * Helm v3.19's template engine: the function map (Sprig + Helm's additions), the built-in objects and
 * `renderChartTemplates`, the equivalent of engine.Render used by the helm-controller and offline
 * rendering. Values coalescing for root charts is {@link coalesceValues}.
 */
export {
  renderChartTemplates,
  splitNotes,
  sortTemplates,
  HelmRenderError,
  RECURSION_MAX_NUMS,
} from './render.js';
export type { HelmChart, RenderOptions } from './render.js';
export { helmFuncMap } from './funcs.js';
export type { HelmFuncOptions, LookupClient } from './funcs.js';
export { capabilitiesValue, chartValue, releaseValue, valuesValue, parseKubeVersion } from './objects.js';
export type { CapabilitiesInfo, ChartMetadata, ReleaseInfo } from './objects.js';
export { filesValue, compileGlob } from './files.js';
export type { ChartFile } from './files.js';
export { coalesceValues } from './values.js';
export { DEFAULT_API_VERSIONS } from './api-versions.js';
