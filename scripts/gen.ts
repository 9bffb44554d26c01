// Regenerates what the rule registry determines, so ids and descriptions live in one place:
//   schemas/govreport.schema.json   rules.properties (one enum per rule id)
//   package.json                    contributes.configuration govreport.rules.properties and default
//   package.nls.json / package.nls.zh-cn.json   rule descriptions (English / Chinese)
//   README.md                       the rules table
// `npm run gen` writes them; `npm run gen -- --check` fails when they are stale (the unit
// tests run the check).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_RULES } from '../server/src/core/rules/index';

const root = join(__dirname, '..');
const check = process.argv.includes('--check');
const SEVERITIES = ['off', 'hint', 'information', 'warning', 'error'];
const stale: string[] = [];

function write(file: string, content: string) {
  const path = join(root, file);
  const old = (() => {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return '';
    }
  })();
  if (old === content) return;
  if (check) stale.push(file);
  else writeFileSync(path, content);
}

const json = (v: unknown) => JSON.stringify(v, null, 2) + '\n';
const rules = [...ALL_RULES].sort((a, b) => a.id.localeCompare(b.id));

// 1. The workspace config schema.
const schema = JSON.parse(readFileSync(join(root, 'schemas/govreport.schema.json'), 'utf8'));
schema.properties.rules.properties = Object.fromEntries(
  rules.map((r) => [r.id, { description: `${r.title.en} (default: ${r.defaultSeverity}). ${r.description.en}`, enum: SEVERITIES }]),
);
write('schemas/govreport.schema.json', json(schema));

// 2. The VS Code setting, described through the nls bundles. Its default names every rule with its
// default severity, so the Settings editor lists all of them (VS Code merges a user's object over it).
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const groups: { properties?: Record<string, Record<string, unknown>> }[] = [pkg.contributes?.configuration ?? []].flat();
const rulesSetting = groups.find((g) => g.properties?.['govreport.rules'])?.properties?.['govreport.rules'];
if (rulesSetting) {
  rulesSetting.properties = Object.fromEntries(
    rules.map((r) => [r.id, { type: 'string', enum: SEVERITIES, default: r.defaultSeverity, markdownDescription: `%govreport.rule.${r.id}%` }]),
  );
  rulesSetting.default = Object.fromEntries(rules.map((r) => [r.id, r.defaultSeverity]));
  write('package.json', json(pkg));
}

/** A link that opens the rule's page read-only in VS Code (a relative link would be dead in the Settings editor). */
const docLink = (id: string) => `command:govreport.openRuleDoc?${encodeURIComponent(JSON.stringify([id]))}`;

for (const [file, lang] of [
  ['package.nls.json', 'en'],
  ['package.nls.zh-cn.json', 'zh'],
] as const) {
  let nls: Record<string, string> = {};
  try {
    nls = JSON.parse(readFileSync(join(root, file), 'utf8'));
  } catch {
    /* created below */
  }
  for (const key of Object.keys(nls)) if (key.startsWith('govreport.rule.')) delete nls[key];
  for (const r of rules) {
    nls[`govreport.rule.${r.id}`] = `**${r.title[lang]}** — ${r.description[lang]} ([${lang === 'zh' ? '说明' : 'docs'}](${docLink(r.id)}))`;
  }
  const sorted = Object.fromEntries(Object.entries(nls).sort(([a], [b]) => a.localeCompare(b)));
  write(file, json(sorted));
}

// 3. The rules table in the README, between its markers.
{
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const start = '<!-- rules-table -->';
  const end = '<!-- /rules-table -->';
  const i = readme.indexOf(start);
  if (i >= 0) {
    const j = readme.indexOf(end, i);
    // The category as Problems shows it (the diagnostic's source, server/src/convert.ts).
    const category: Record<string, string> = {
      numbers: '数字 numbers',
      targets: '目标 targets',
      structure: '清理 clean-up (结构 structure)',
      typography: '清理 clean-up (排版 typography)',
    };
    const order = ['numbers', 'targets', 'structure', 'typography'];
    const rows = [...rules]
      .sort((a, b) => order.indexOf(a.category) - order.indexOf(b.category) || a.id.localeCompare(b.id))
      .map(
        (r) =>
          `| [\`${r.id}\`](docs/rules/${r.id}.md) | ${category[r.category]} | ${r.defaultSeverity} | ${r.fixable ? '✓' : ''} | ${r.title.zh} · ${r.title.en} |`,
      );
    const table = ['| rule | category | default | fix | what it finds |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
    const next = readme.slice(0, i) + `${start}\n${table}\n${end}` + (j >= 0 ? readme.slice(j + end.length) : readme.slice(i + start.length));
    write('README.md', next);
  }
}

if (check && stale.length) {
  console.error(`stale generated files (run npm run gen): ${stale.join(', ')}`);
  process.exit(1);
}
