// The configuration of one document: defaults ← editor settings (`govreport.*`) ← the nearest
// `.govreport.json` (the file wins, so the CLI in CI and the editor report the same findings).
import { dirname } from 'node:path';
import { mergeConfig, validateConfig, type GovReportConfig } from './core/config';
import { findConfigFile, loadConfigFile, type LoadedConfig } from './configFile';

const CLIENT_ONLY_KEYS = ['autoDetect', 'trace'];

export class SettingsStore {
  private readonly files = new Map<string, LoadedConfig | null>();
  private editor: Partial<GovReportConfig> = {};
  /** Problems already shown, so a broken file is reported once, not on every keystroke. */
  private readonly reported = new Set<string>();

  constructor(private readonly onProblem: (message: string) => void) {}

  setEditorSettings(raw: unknown): void {
    // Keys only the VS Code client uses are not part of the shared schema.
    const shared = { ...((raw ?? {}) as Record<string, unknown>) };
    for (const key of CLIENT_ONLY_KEYS) delete shared[key];
    const { config, problems } = validateConfig(shared);
    this.editor = config;
    for (const p of problems) this.report(`settings govreport.${p.key}: ${p.message}`);
  }

  /** Forget cached `.govreport.json` files (one changed on disk). */
  invalidateFiles(): void {
    this.files.clear();
    this.reported.clear();
  }

  configFor(path: string | undefined): GovReportConfig {
    if (!path) return mergeConfig(this.editor);
    const dir = dirname(path);
    let loaded = this.files.get(dir);
    if (loaded === undefined) {
      const found = findConfigFile(dir);
      loaded = found ? loadConfigFile(found) : null;
      this.files.set(dir, loaded);
    }
    if (loaded) for (const p of loaded.problems) this.report(p);
    return mergeConfig(this.editor, loaded?.config);
  }

  private report(message: string): void {
    if (this.reported.has(message)) return;
    this.reported.add(message);
    this.onProblem(message);
  }
}
