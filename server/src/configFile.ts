// `.govreport.json`: found by walking up from a report's folder (the nearest one wins), parsed,
// and validated against the published schema. The CLI and the server both use this.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { validateConfig, type ConfigProblem, type GovReportConfig } from './core/config';

export const CONFIG_FILE = '.govreport.json';

export interface LoadedConfig {
  path?: string;
  config: Partial<GovReportConfig>;
  /** Problems, each naming the file and the key. */
  problems: string[];
}

export function findConfigFile(fromDir: string): string | undefined {
  let dir = fromDir;
  for (;;) {
    const candidate = join(dir, CONFIG_FILE);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export function loadConfigFile(path: string): LoadedConfig {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (e) {
    return { path, config: {}, problems: [`${path}: cannot read (${(e as Error).message})`] };
  }
  let json: unknown;
  try {
    json = JSON.parse(raw.replace(/^\ufeff/, ''));
  } catch (e) {
    return { path, config: {}, problems: [`${path}: not valid JSON (${(e as Error).message})`] };
  }
  const { config, problems } = validateConfig(json);
  return { path, config, problems: problems.map((p: ConfigProblem) => `${path}: ${p.key}: ${p.message}`) };
}
