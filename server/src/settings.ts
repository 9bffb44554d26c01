// The configuration of one document: defaults ← editor settings (`govreport.*`) ← the nearest
// `.govreport.json` (the file wins, so the CLI in CI and the editor report the same findings).
// A `.govreport.json` above the workspace folders is passed over unless
// `govreport.configAboveWorkspace` allows it; the status bar names the file that applies.
import { dirname } from 'node:path';
import { mergeConfig, validateConfig, type GovReportConfig } from './core/config';
import { isInside, loadConfigFile, locateConfigFile, type LoadedConfig } from './configFile';

/** Keys only the VS Code client, or only this store, reads: not part of the shared schema. */
const CLIENT_ONLY_KEYS = ['autoDetect', 'trace', 'configAboveWorkspace', 'codeLens'];

/** One folder's settled configuration: merged once, shared by every analysis of its reports. */
interface FolderConfig {
  loaded: LoadedConfig | null;
  ignored?: string;
  merged: GovReportConfig;
}

/** Which config file applies to a report (the status bar and the logs say it). */
export interface ConfigSource {
  /** The `.govreport.json` in force, if any. */
  file?: string;
  /** A `.govreport.json` above the workspace that was not used. */
  ignored?: string;
}

export class SettingsStore {
  private readonly folders = new Map<string, FolderConfig>();
  private editor: Partial<GovReportConfig> = {};
  private editorMerged: GovReportConfig | undefined;
  private roots: string[] = [];
  private aboveWorkspace = false;
  /** Problems already shown, so a broken file is reported once, not on every keystroke. */
  private readonly reported = new Set<string>();

  constructor(
    private readonly onProblem: (message: string) => void,
    private readonly onNotice: (message: string) => void = () => undefined,
  ) {}

  /** The workspace folders: a `.govreport.json` above them applies only when allowed. */
  setWorkspaceFolders(roots: string[]): void {
    this.roots = roots;
    this.invalidateFiles();
  }

  setEditorSettings(raw: unknown): void {
    const all = (raw ?? {}) as Record<string, unknown>;
    this.aboveWorkspace = all.configAboveWorkspace === true;
    // Keys only the VS Code client uses are not part of the shared schema.
    const shared = { ...all };
    for (const key of CLIENT_ONLY_KEYS) delete shared[key];
    const { config, problems } = validateConfig(shared);
    this.editor = config;
    this.editorMerged = undefined;
    this.folders.clear();
    for (const p of problems) this.report(`settings govreport.${p.key}: ${p.message}`);
  }

  /** Forget cached `.govreport.json` files (one changed on disk). */
  invalidateFiles(): void {
    this.folders.clear();
    this.reported.clear();
  }

  configFor(path: string | undefined): GovReportConfig {
    if (!path) return (this.editorMerged ??= mergeConfig(this.editor));
    const folder = this.folderOf(dirname(path));
    if (folder.loaded) for (const p of folder.loaded.problems) this.report(p);
    return folder.merged;
  }

  /** The config file that applies to `path`, and one above the workspace passed over. */
  sourceOf(path: string | undefined): ConfigSource {
    if (!path) return {};
    const folder = this.folderOf(dirname(path));
    return { file: folder.loaded?.path, ignored: folder.ignored };
  }

  private folderOf(dir: string): FolderConfig {
    let folder = this.folders.get(dir);
    if (folder) return folder;
    const root = this.roots.find((r) => isInside(dir, r));
    const found = locateConfigFile(dir, root, this.aboveWorkspace);
    const loaded = found.path ? loadConfigFile(found.path) : null;
    if (found.ignored) {
      this.notice(`${found.ignored}: above the workspace folder ${root}, not used (govreport.configAboveWorkspace allows it)`);
    }
    folder = { loaded, ignored: found.ignored, merged: mergeConfig(this.editor, loaded?.config) };
    this.folders.set(dir, folder);
    return folder;
  }

  private notice(message: string): void {
    if (this.reported.has(message)) return;
    this.reported.add(message);
    this.onNotice(message);
  }

  private report(message: string): void {
    if (this.reported.has(message)) return;
    this.reported.add(message);
    this.onProblem(message);
  }
}
