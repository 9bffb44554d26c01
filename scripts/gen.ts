// Regenerates what the rule registry determines, so ids and descriptions live in one place:
//   schemas/govreport.schema.json   rules.properties (one enum per rule id)
//   package.json                    contributes.configuration govreport.rules.properties
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

// 2. The VS Code setting, described through the nls bundles.
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const cfg = pkg.contributes?.configuration;
if (cfg?.properties?.['govreport.rules']) {
  cfg.properties['govreport.rules'].properties = Object.fromEntries(
    rules.map((r) => [r.id, { type: 'string', enum: SEVERITIES, default: r.defaultSeverity, markdownDescription: `%govreport.rule.${r.id}%` }]),
  );
  write('package.json', json(pkg));
}

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
    const doc = `docs/rules/${r.id}.md`;
    nls[`govreport.rule.${r.id}`] = `**${r.title[lang]}** — ${r.description[lang]} ([${lang === 'zh' ? '说明' : 'docs'}](${doc}))`;
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
    const category: Record<string, string> = { numbers: '数字 numbers', targets: '目标 targets', structure: '结构 structure', typography: '排版 typography' };
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
