// `.govreport.json`: found by walking up from a report's folder (the nearest one wins), parsed,
// and validated against the published schema. The CLI and the server both use this.
import { statSync } from 'node:fs';
import { dirname, join, relative, isAbsolute } from 'node:path';
import { validateConfig, type ConfigProblem, type GovReportConfig } from './core/config';
import { readRegularFile } from './io';

export const CONFIG_FILE = '.govreport.json';
/** A config with a 1 M-word latinAllowlist is ~10 MB; anything far larger is no config. */
const MAX_CONFIG_BYTES = 64 * 1024 * 1024;

export interface LoadedConfig {
  path?: string;
  config: Partial<GovReportConfig>;
  /** Problems, each naming the file and the key. */
  problems: string[];
}

/** Which `.govreport.json` applies to a folder, and the one above the workspace that was passed over. */
export interface ConfigLookup {
  path?: string;
  /** The nearest file above the workspace folder, not used because the setting does not allow it. */
  ignored?: string;
}

/** Whether `path` is `root` or inside it. */
export function isInside(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

function exists(candidate: string): boolean {
  try {
    // stat, never open: a FIFO named .govreport.json is found here and refused by loadConfigFile.
    statSync(candidate);
    return true;
  } catch {
    return false;
  }
}

/** The nearest `.govreport.json` from `fromDir` up to the file system's root (the CLI's lookup). */
export function findConfigFile(fromDir: string): string | undefined {
  return locateConfigFile(fromDir).path;
}

/**
 * The nearest `.govreport.json` from `fromDir` up. With a workspace `root` that holds `fromDir`, a
 * file above the root is used only when `aboveRoot` allows it: a forgotten `~/.govreport.json`
 * turning every rule off in every workspace is a surprise, not a setting.
 */
export function locateConfigFile(fromDir: string, root?: string, aboveRoot = true): ConfigLookup {
  const bounded = root !== undefined && isInside(fromDir, root);
  for (let dir = fromDir; ;) {
    const candidate = join(dir, CONFIG_FILE);
    if (exists(candidate)) {
      if (!bounded || aboveRoot || isInside(dir, root)) return { path: candidate };
      return { ignored: candidate };
    }
    const parent = dirname(dir);
    if (parent === dir) return {};
    dir = parent;
  }
}

export function loadConfigFile(path: string): LoadedConfig {
  let raw: string;
  try {
    raw = readRegularFile(path, MAX_CONFIG_BYTES).toString('utf8');
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
