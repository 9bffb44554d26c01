// govreport — the command line on the same core as the language server.
//   govreport outline FILE [--format text|json]
//   govreport check FILE... [--format text|json|sarif] [--fix] [--config FILE] [--locale zh|en]
//   govreport targets FILE... [--format text|json] [--config FILE] [--locale zh|en]
// Exit status: 1 when any error-level finding remains, 0 otherwise, 2 on bad usage or an
// unreadable file (one line naming the file), 3 when --fix could not write a file (each named;
// those files are left as they were, the others are fixed and checked).
import { basename, dirname, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyze, type Analysis } from './core/analyze';
import { fixAllEdits, applyEdits } from './core/findings/fixes';
import { format, localeOf, type Msg } from './core/l10n';
import type { OutlineNode } from './core/structure/outline';
import { toPeer, type PeerReport } from './core/peers';
import { ALL_RULES } from './core/rules/index';
import type { Locale } from './core/types';
import { findConfigFile, loadConfigFile, type LoadedConfig } from './configFile';
import { toDiagnostics, toDocumentSymbols, SOURCE } from './convert';
import { ruleDocUri } from './ruleDocs';
import { readText, writeText, WriteError, type LoadedText } from './io';
import { printTargets } from './cliTargets';

class UsageError extends Error {}

const USAGE = `usage:
  govreport outline FILE [--format text|json]
  govreport check FILE... [--format text|json|sarif] [--fix] [--config FILE] [--locale zh|en]
  govreport targets FILE... [--format text|json] [--config FILE] [--locale zh|en]`;

interface Options {
  command: string;
  files: string[];
  format: string;
  fix: boolean;
  config?: string;
  locale: Locale;
}

function parseArgs(argv: string[]): Options {
  const opts: Options = { command: argv[0] ?? '', files: [], format: 'text', fix: false, locale: localeOf(process.env.GOVREPORT_LOCALE) };
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v === undefined) throw new UsageError(`${a.split('=')[0]} needs a value`);
      return v;
    };
    if (a === '--fix') opts.fix = true;
    else if (a === '--format' || a.startsWith('--format=')) opts.format = value();
    else if (a === '--config' || a.startsWith('--config=')) opts.config = value();
    else if (a === '--locale' || a.startsWith('--locale=')) opts.locale = localeOf(value());
    else if (a === '-h' || a === '--help') throw new UsageError('');
    else if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
    else opts.files.push(a);
  }
  if (!['outline', 'check', 'targets'].includes(opts.command)) throw new UsageError(opts.command ? `unknown command ${opts.command}` : '');
  if (opts.files.length === 0) throw new UsageError(`${opts.command} needs at least one FILE`);
  if (opts.command === 'outline' && opts.files.length !== 1) throw new UsageError('outline takes exactly one FILE');
  const formats = opts.command === 'check' ? ['text', 'json', 'sarif'] : ['text', 'json'];
  if (!formats.includes(opts.format)) throw new UsageError(`--format must be one of ${formats.join(', ')}`);
  if (opts.fix && opts.command !== 'check') throw new UsageError('--fix works with check');
  return opts;
}

interface Loaded {
  path: string;
  file: LoadedText;
  config: LoadedConfig;
}

function load(paths: string[], configPath: string | undefined): Loaded[] {
  const explicit = configPath ? loadConfigFile(resolve(configPath)) : undefined;
  if (explicit?.problems.length) throw new UsageError(explicit.problems.join('\n'));
  const byDir = new Map<string, LoadedConfig>();
  return paths.map((path) => {
    let file: LoadedText;
    try {
      file = readText(path);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new UsageError(`${path}: cannot read (${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (e as Error).message})`);
    }
    let config = explicit;
    if (!config) {
      const dir = dirname(resolve(path));
      config = byDir.get(dir);
      if (!config) {
        const found = findConfigFile(dir);
        config = found ? loadConfigFile(found) : { config: {}, problems: [] };
        if (config.problems.length) throw new UsageError(config.problems.join('\n'));
        byDir.set(dir, config);
      }
    }
    return { path, file, config };
  });
}

function analyzeAll(loaded: Loaded[], locale: Locale): Analysis[] {
  // Reports given together see each other: last year's targets, this year's review.
  const bases = loaded.map((l) =>
    analyze(l.file.text, { locale, fileName: basename(l.path), folderName: basename(dirname(resolve(l.path))), config: l.config.config, rules: [] }),
  );
  return loaded.map((l, i) => {
    const peers: PeerReport[] = [];
    bases.forEach((b, j) => {
      if (j !== i && b.meta.government && b.meta.government === bases[i].meta.government) peers.push(toPeer(pathToFileURL(resolve(loaded[j].path)).href, b));
    });
    return analyze(l.file.text, { locale, fileName: basename(l.path), folderName: basename(dirname(resolve(l.path))), config: l.config.config, peers });
  });
}

const MESSAGES = {
  lines: { zh: '第{from}–{to}行', en: 'lines {from}–{to}' },
  outlineHead: { zh: '{government} {year}年 政府工作报告', en: '{government} {year} government work report' },
  governmentUnknown: { zh: '（政府未知）', en: '(government unknown)' },
  yearUnknown: { zh: '（年份未知）', en: '(year unknown)' },
  summary: {
    zh: '{files} 个文件，{total} 个问题（{errors} 个错误，{warnings} 个警告，{infos} 个提示）',
    en: '{files} file(s), {total} finding(s) ({errors} errors, {warnings} warnings, {infos} infos)',
  },
} satisfies Record<string, Msg>;

const KIND_LABEL: Record<Locale, Record<OutlineNode['kind'], string>> = {
  zh: { title: '标题', part: '部分', section: '章节', subsection: '小节', leadin: '要点', targets: '预期目标' },
  en: { title: 'title', part: 'part', section: 'section', subsection: 'subsection', leadin: 'lead-in', targets: 'targets' },
};

function printOutline(a: Analysis, locale: Locale): string {
  const lines: string[] = [];
  const walk = (n: OutlineNode, depth: number) => {
    const from = a.lineIndex.lineOf(n.span.start) + 1;
    const to = a.lineIndex.lineOf(Math.max(n.span.start, n.span.end - 1)) + 1;
    const tags = [KIND_LABEL[locale][n.kind], n.year !== undefined ? `${n.year}` : '', n.detail].filter(Boolean).join(' · ');
    lines.push(`${'  '.repeat(depth)}${n.name}  [${tags}]  ${format(MESSAGES.lines, locale, { from, to })}`);
    n.children.forEach((c) => walk(c, depth + 1));
  };
  a.tree.roots.forEach((r) => walk(r, 0));
  const m = a.meta;
  const head = format(MESSAGES.outlineHead, locale, {
    government: m.government ?? format(MESSAGES.governmentUnknown, locale),
    year: m.year ?? format(MESSAGES.yearUnknown, locale),
  });
  return [head, ...lines].join('\n');
}

const LEVEL_LABEL: Record<Locale, Record<string, string>> = {
  zh: { error: '错误', warning: '警告', information: '提示', hint: '建议' },
  en: { error: 'error', warning: 'warning', information: 'info', hint: 'hint' },
};

function printText(results: { path: string; analysis: Analysis }[], locale: Locale): string {
  const out: string[] = [];
  const count: Record<string, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const { path, analysis } of results) {
    for (const f of analysis.findings) {
      count[f.severity]++;
      out.push(`${path}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${LEVEL_LABEL[locale][f.severity]} ${f.message} [${f.ruleId}]`);
    }
  }
  const total = count.error + count.warning + count.information + count.hint;
  out.push(
    format(MESSAGES.summary, locale, { files: results.length, total, errors: count.error, warnings: count.warning, infos: count.information + count.hint }),
  );
  return out.join('\n');
}

function printSarif(results: { path: string; analysis: Analysis }[]): string {
  const level = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;
  const used = new Set(results.flatMap((r) => r.analysis.findings.map((f) => f.ruleId)));
  const rules = ALL_RULES.filter((r) => used.has(r.id)).map((r) => ({
    id: r.id,
    shortDescription: { text: r.title.zh },
    fullDescription: { text: `${r.description.zh} / ${r.description.en}` },
    defaultConfiguration: { level: level[r.defaultSeverity] },
    ...(ruleDocUri(r.id) ? { helpUri: ruleDocUri(r.id) } : {}),
  }));
  const region = (r: { start: { line: number; character: number }; end: { line: number; character: number } }) => ({
    startLine: r.start.line + 1,
    startColumn: r.start.character + 1,
    endLine: r.end.line + 1,
    endColumn: r.end.character + 1,
  });
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: SOURCE, rules } },
        columnKind: 'utf16CodeUnits',
        results: results.flatMap(({ path, analysis }) =>
          analysis.findings.map((f) => ({
            ruleId: f.ruleId,
            level: level[f.severity],
            message: { text: f.message },
            locations: [
              { physicalLocation: { artifactLocation: { uri: relative(process.cwd(), resolve(path)).split('\\').join('/') }, region: region(f.range) } },
            ],
            ...(f.related?.length
              ? {
                  relatedLocations: f.related.map((r, i) => ({
                    id: i + 1,
                    message: { text: r.message },
                    physicalLocation: {
                      artifactLocation: { uri: r.uri ?? relative(process.cwd(), resolve(path)) },
                      region: region(r.range ?? analysis.lineIndex.rangeOf(r)),
                    },
                  })),
                }
              : {}),
          })),
        ),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2);
}

/** Applies every fix, re-checking between passes, until nothing fixable remains. */
function fixFile(l: Loaded, analysisOf: (text: string) => Analysis): { text: string; passes: number } {
  let text = l.file.text;
  let passes = 0;
  for (; passes < 10; passes++) {
    const edits = fixAllEdits(analysisOf(text).findings);
    if (edits.length === 0) break;
    const next = applyEdits(text, edits);
    if (next === text) break;
    text = next;
  }
  return { text, passes };
}

export function main(argv: string[]): number {
  let opts: Options;
  try {
    opts = parseArgs(argv);
  } catch (e) {
    process.stderr.write(`${e instanceof UsageError && e.message ? `govreport: ${e.message}\n` : ''}${USAGE}\n`);
    return 2;
  }
  try {
    const loaded = load(opts.files, opts.config);
    for (const l of loaded) {
      if (!l.file.validUtf8) {
        process.stderr.write(`govreport: ${l.path}: not valid UTF-8; invalid bytes read as U+FFFD${opts.fix ? ', file left unchanged' : ''}\n`);
      }
    }
    if (opts.command === 'targets') {
      const files = loaded.map((l) => ({
        path: l.path,
        config: l.config.config,
        analysis: analyze(l.file.text, {
          locale: opts.locale,
          fileName: basename(l.path),
          folderName: basename(dirname(resolve(l.path))),
          config: l.config.config,
          rules: [],
        }),
      }));
      process.stdout.write(printTargets(files, opts.format as 'text' | 'json', opts.locale) + '\n');
      return 0;
    }
    if (opts.command === 'outline') {
      const [a] = analyzeAll(loaded, opts.locale);
      process.stdout.write((opts.format === 'json' ? JSON.stringify(toDocumentSymbols(a), null, 2) : printOutline(a, opts.locale)) + '\n');
      return 0;
    }
    let unwritten = 0;
    if (opts.fix) {
      for (const l of loaded) {
        if (!l.file.validUtf8) continue;
        const { text } = fixFile(l, (t) => analyze(t, { locale: opts.locale, fileName: basename(l.path), config: l.config.config }));
        if (text === l.file.text) continue;
        try {
          writeText(l.path, text, l.file.bom);
          l.file = { ...l.file, text };
        } catch (e) {
          if (!(e instanceof WriteError)) throw e;
          unwritten++;
          process.stderr.write(`govreport: ${l.path}: cannot write the fixes (${e.reason}); file left unchanged\n`);
        }
      }
    }
    const analyses = analyzeAll(loaded, opts.locale);
    const results = loaded.map((l, i) => ({ path: l.path, analysis: analyses[i] }));
    if (opts.format === 'json') {
      const json = { files: results.map((r) => ({ path: r.path, diagnostics: toDiagnostics(r.analysis, pathToFileURL(resolve(r.path)).href) })) };
      process.stdout.write(JSON.stringify(json, null, 2) + '\n');
    } else if (opts.format === 'sarif') {
      process.stdout.write(printSarif(results) + '\n');
    } else {
      process.stdout.write(printText(results, opts.locale) + '\n');
    }
    if (unwritten) return 3;
    return results.some((r) => r.analysis.findings.some((f) => f.severity === 'error')) ? 1 : 0;
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`govreport: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
