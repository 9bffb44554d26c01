import type { SeveritySetting } from './types';
import schema from '../../../schemas/govreport.schema.json';

/**
 * Settings shared by the editor (`govreport.*` settings) and the CLI (`.govreport.json`):
 * one schema (schemas/govreport.schema.json), one validator, one merge.
 */
export interface GovReportConfig {
  /** Severity per rule id; rules not named keep their default. */
  rules: Record<string, SeveritySetting>;
  /** Extra groups of metric names that mean the same (能耗强度 ≈ 单位国内生产总值能耗). */
  synonyms: string[][];
  /** Latin words that stray-latin accepts in Chinese prose (beyond the built-in list). */
  latinAllowlist: string[];
  /** Beyond this many characters the expensive rules are skipped (with one notice). */
  maxFileSize: number;
  /** Tolerance for `左右`/`约` on rates, in percentage points (7%左右 accepts 6.8%–7.2% with 0.2). */
  approxRatePoints: number;
  /** Relative tolerance for `左右`/`约` on amounts (0.05 = ±5 %). */
  approxRelative: number;
  /**
   * Whether last year's report (year N) also gets its targets' diagnostics, beside the draft (year
   * N+1) that gets them in its review part. Off by default: a published report cannot be changed.
   */
  targetDiagnosticsInLastYear: boolean;
}

export const DEFAULT_CONFIG: GovReportConfig = {
  rules: {},
  synonyms: [],
  latinAllowlist: [],
  // 1,000,000 characters ≈ 3 MB of Chinese text, 16× the largest real report (national-2018, 62 KB).
  maxFileSize: 1_000_000,
  approxRatePoints: 0.2,
  approxRelative: 0.05,
  targetDiagnosticsInLastYear: false,
};

export interface ConfigProblem {
  /** JSON path of the offending key, e.g. `rules.stray-latin`. */
  key: string;
  message: string;
}

type SchemaNode = {
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, SchemaNode>;
  additionalProperties?: boolean | SchemaNode;
  items?: SchemaNode;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  description?: string;
};

/** Validates a parsed config object against the published schema; returns the valid part and the problems. */
export function validateConfig(value: unknown): { config: Partial<GovReportConfig>; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const cleaned = check(value, schema as SchemaNode, '', problems);
  return { config: (cleaned ?? {}) as Partial<GovReportConfig>, problems };
}

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function check(value: unknown, node: SchemaNode, path: string, problems: ConfigProblem[]): unknown {
  const key = path || '(root)';
  if (node.type) {
    const allowed = Array.isArray(node.type) ? node.type : [node.type];
    const actual = typeOf(value);
    const ok = allowed.includes(actual) || (actual === 'integer' && allowed.includes('number'));
    if (!ok) {
      problems.push({ key, message: `expected ${allowed.join(' | ')}, found ${actual}` });
      return undefined;
    }
  }
  if (node.enum && !node.enum.includes(value)) {
    problems.push({ key, message: `expected one of ${node.enum.map((e) => JSON.stringify(e)).join(', ')}, found ${JSON.stringify(value)}` });
    return undefined;
  }
  if (typeof value === 'number') {
    if (node.minimum !== undefined && value < node.minimum) {
      problems.push({ key, message: `must be ≥ ${node.minimum}` });
      return undefined;
    }
    if (node.maximum !== undefined && value > node.maximum) {
      problems.push({ key, message: `must be ≤ ${node.maximum}` });
      return undefined;
    }
  }
  if (Array.isArray(value)) {
    if (node.minItems !== undefined && value.length < node.minItems) {
      problems.push({ key, message: `needs at least ${node.minItems} items` });
      return undefined;
    }
    if (!node.items) return value;
    const out: unknown[] = [];
    value.forEach((item, i) => {
      const v = check(item, node.items!, `${path}[${i}]`, problems);
      if (v !== undefined) out.push(v);
    });
    return out;
  }
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (k === '$schema') continue;
      const sub = path ? `${path}.${k}` : k;
      // Own keys only: `constructor`, `toString` or `__proto__` would otherwise find Object.prototype's
      // members in the schema's `properties` and pass as known (`{"rules": {"constructor": "off"}}`).
      const own = node.properties && Object.hasOwn(node.properties, k) ? node.properties[k] : undefined;
      const child = own ?? (typeof node.additionalProperties === 'object' && k !== '__proto__' ? node.additionalProperties : undefined);
      if (!child) {
        if (node.additionalProperties === false || node.properties) problems.push({ key: sub, message: 'unknown key' });
        continue;
      }
      const r = check(v, child, sub, problems);
      // defineProperty, not `out[k] =`: an own key never reaches the prototype.
      if (r !== undefined) Object.defineProperty(out, k, { value: r, enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return value;
}

/** Configs that came out of mergeConfig: complete, and never merged again (a 1 M-word latinAllowlist costs 0.9 s a copy). */
const MERGED = new WeakSet<object>();

/** Whether `c` is already a complete, merged config (analyze() then uses it as it is). */
export function isMergedConfig(c: Partial<GovReportConfig> | undefined): c is GovReportConfig {
  return !!c && MERGED.has(c);
}

/** Later layers win: defaults ← workspace file ← editor settings. Rule maps merge key by key. */
export function mergeConfig(...layers: (Partial<GovReportConfig> | undefined)[]): GovReportConfig {
  const out: GovReportConfig = { ...DEFAULT_CONFIG, rules: {}, synonyms: [], latinAllowlist: [] };
  for (const layer of layers) {
    if (!layer) continue;
    if (layer.rules) Object.assign(out.rules, layer.rules);
    if (layer.synonyms) out.synonyms = out.synonyms.length ? out.synonyms.concat(layer.synonyms) : layer.synonyms;
    // A layer's list is shared, not copied, when nothing comes before it (one list per config file).
    if (layer.latinAllowlist) out.latinAllowlist = out.latinAllowlist.length ? out.latinAllowlist.concat(layer.latinAllowlist) : layer.latinAllowlist;
    if (layer.maxFileSize !== undefined) out.maxFileSize = layer.maxFileSize;
    if (layer.approxRatePoints !== undefined) out.approxRatePoints = layer.approxRatePoints;
    if (layer.approxRelative !== undefined) out.approxRelative = layer.approxRelative;
    if (layer.targetDiagnosticsInLastYear !== undefined) out.targetDiagnosticsInLastYear = layer.targetDiagnosticsInLastYear;
  }
  MERGED.add(out);
  return out;
}
