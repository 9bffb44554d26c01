// govreport — the command line on the same core as the language server. Usage and messages in
// Chinese, in English with --locale en (an unknown locale is an error, not silently Chinese).
//   govreport --help | -h | --version
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
import { describeMeta } from './core/structure/meta';
import { sameGovernment, toPeer, type PeerReport } from './core/peers';
import { ALL_RULES } from './core/rules/index';
import type { Locale } from './core/types';
import { findConfigFile, loadConfigFile, type LoadedConfig } from './configFile';
import { toDiagnostics, toDocumentSymbols, SOURCE } from './convert';
import { ruleDocUri } from './ruleDocs';
import { readText, writeText, WriteError, type LoadedText } from './io';
import { printTargets } from './cliTargets';
import { version } from '../../package.json';

/** Bad usage: the message (already in the user's language) and then the usage, exit status 2. */
class UsageError extends Error {}

const USAGE: Msg = {
  zh: `用法：
  govreport outline 文件 [--format text|json]
  govreport check 文件... [--format text|json|sarif] [--fix] [--config 文件] [--locale zh|en]
  govreport targets 文件... [--format text|json] [--config 文件] [--locale zh|en]
  govreport --help | -h      显示本说明
  govreport --version        显示版本

  outline  按逻辑结构列出报告的大纲
  check    检查数字、目标和 PDF 转换痕迹；--fix 原地修复可自动修复的问题
  targets  列出每项目标及其在下一年报告回顾中的完成情况（同时给出相邻两年的报告）

退出状态：0 无错误级问题；1 有错误级问题；2 用法错误或文件无法读取；3 --fix 无法写回文件。
默认输出中文；--locale en 或环境变量 GOVREPORT_LOCALE=en 输出英文。`,
  en: `usage:
  govreport outline FILE [--format text|json]
  govreport check FILE... [--format text|json|sarif] [--fix] [--config FILE] [--locale zh|en]
  govreport targets FILE... [--format text|json] [--config FILE] [--locale zh|en]
  govreport --help | -h      show this help
  govreport --version        show the version

  outline  the report's logical outline
  check    numbers, targets and PDF-conversion leftovers; --fix applies every automatic fix in place
  targets  every target and how next year's review reports it (give both years' reports)

Exit status: 0 no error-level finding; 1 error-level findings; 2 bad usage or an unreadable file; 3 --fix could not write a file.
Chinese by default; --locale en or GOVREPORT_LOCALE=en prints English.`,
};

const USAGE_ERRORS = {
  needsValue: { zh: '{option} 需要一个值', en: '{option} needs a value' },
  unknownOption: { zh: '未知选项 {option}', en: 'unknown option {option}' },
  unknownCommand: { zh: '未知命令 {command}（可用：outline、check、targets）', en: 'unknown command {command} (one of outline, check, targets)' },
  noCommand: { zh: '缺少命令（outline、check 或 targets）', en: 'missing command (outline, check or targets)' },
  needsFile: { zh: '{command} 至少需要一个文件', en: '{command} needs at least one FILE' },
  outlineOne: { zh: 'outline 只接受一个文件', en: 'outline takes exactly one FILE' },
  badFormat: { zh: '--format 只能是 {formats}', en: '--format must be one of {formats}' },
  fixWithCheck: { zh: '--fix 只能与 check 一起使用', en: '--fix works with check' },
  badLocale: { zh: '--locale 只能是 zh 或 en，不是“{locale}”', en: '--locale must be zh or en, not "{locale}"' },
  badEnvLocale: { zh: 'GOVREPORT_LOCALE 只能是 zh 或 en，不是“{locale}”', en: 'GOVREPORT_LOCALE must be zh or en, not "{locale}"' },
} satisfies Record<string, Msg>;

interface Options {
  command: string;
  files: string[];
  format: string;
  fix: boolean;
  config?: string;
  locale: Locale;
  /** --help or --version: print it and exit 0. */
  show?: 'help' | 'version';
}

/** `zh`, `zh-CN`, `en`, `en-US` …; anything else is a usage error, not silently Chinese. */
function explicitLocale(tag: string): Locale | undefined {
  return /^(?:zh|en)(?:[-_][A-Za-z0-9]+)*$/i.test(tag) ? localeOf(tag) : undefined;
}

function parseArgs(argv: string[]): Options {
  const env = process.env.GOVREPORT_LOCALE;
  const envLocale = env ? explicitLocale(env) : 'zh';
  const opts: Options = { command: '', files: [], format: 'text', fix: false, locale: envLocale ?? 'zh' };
  // The locale first, so every message about the rest is in the user's language.
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = a === '--locale' ? argv[i + 1] : a.startsWith('--locale=') ? a.slice('--locale='.length) : undefined;
    if (v === undefined) continue;
    const l = explicitLocale(v);
    if (!l) throw new UsageError(format(USAGE_ERRORS.badLocale, opts.locale, { locale: v }));
    opts.locale = l;
  }
  const t = (m: Msg, args?: Record<string, string>) => format(m, opts.locale, args);
  if (!argv.some((a) => a === '--locale' || a.startsWith('--locale=')) && env && !envLocale) {
    throw new UsageError(t(USAGE_ERRORS.badEnvLocale, { locale: env }));
  }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v === undefined) throw new UsageError(t(USAGE_ERRORS.needsValue, { option: a.split('=')[0] }));
      return v;
    };
    if (a === '-h' || a === '--help') return { ...opts, show: 'help' };
    if (a === '--version' || a === '-V') return { ...opts, show: 'version' };
    if (a === '--fix') opts.fix = true;
    else if (a === '--format' || a.startsWith('--format=')) opts.format = value();
    else if (a === '--config' || a.startsWith('--config=')) opts.config = value();
    else if (a === '--locale' || a.startsWith('--locale=')) value();
    else if (a.startsWith('-')) throw new UsageError(t(USAGE_ERRORS.unknownOption, { option: a }));
    else if (!opts.command) opts.command = a;
    else opts.files.push(a);
  }
  if (!opts.command) throw new UsageError(t(USAGE_ERRORS.noCommand));
  if (!['outline', 'check', 'targets'].includes(opts.command)) throw new UsageError(t(USAGE_ERRORS.unknownCommand, { command: opts.command }));
  if (opts.files.length === 0) throw new UsageError(t(USAGE_ERRORS.needsFile, { command: opts.command }));
  if (opts.command === 'outline' && opts.files.length !== 1) throw new UsageError(t(USAGE_ERRORS.outlineOne));
  const formats = opts.command === 'check' ? ['text', 'json', 'sarif'] : ['text', 'json'];
  if (!formats.includes(opts.format)) throw new UsageError(t(USAGE_ERRORS.badFormat, { formats: formats.join(', ') }));
  if (opts.fix && opts.command !== 'check') throw new UsageError(t(USAGE_ERRORS.fixWithCheck));
  return opts;
}

/** The locale the arguments ask for, for messages about arguments that could not be parsed. */
function localeOfArgs(argv: string[]): Locale {
  let locale = explicitLocale(process.env.GOVREPORT_LOCALE ?? '') ?? 'zh';
  argv.forEach((a, i) => {
    const v = a === '--locale' ? argv[i + 1] : a.startsWith('--locale=') ? a.slice('--locale='.length) : undefined;
    const l = v === undefined ? undefined : explicitLocale(v);
    if (l) locale = l;
  });
  return locale;
}

interface Loaded {
  path: string;
  file: LoadedText;
  config: LoadedConfig;
}

function load(paths: string[], configPath: string | undefined, locale: Locale): Loaded[] {
  const explicit = configPath ? loadConfigFile(resolve(configPath)) : undefined;
  if (explicit?.problems.length) throw new UsageError(explicit.problems.join('\n'));
  const byDir = new Map<string, LoadedConfig>();
  return paths.map((path) => {
    let file: LoadedText;
    try {
      file = readText(path);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const reason = code === 'ENOENT' ? format(MESSAGES.noSuchFile, locale) : code === 'EISDIR' ? format(MESSAGES.isDirectory, locale) : (e as Error).message;
      throw new UsageError(format(MESSAGES.cannotRead, locale, { path, reason }));
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
  const uris = loaded.map((l) => pathToFileURL(resolve(l.path)).href);
  return loaded.map((l, i) => {
    const peers: PeerReport[] = [];
    bases.forEach((b, j) => {
      // The editor's pairing: a draft naming no government pairs with the reports in its folder.
      if (j !== i && sameGovernment({ uri: uris[i], meta: bases[i].meta }, { uri: uris[j], meta: b.meta })) peers.push(toPeer(uris[j], b));
    });
    // The same text again, with peers: its figures as the first analysis read them.
    return analyze(l.file.text, {
      locale,
      fileName: basename(l.path),
      folderName: basename(dirname(resolve(l.path))),
      config: l.config.config,
      peers,
      previous: bases[i].reuse,
    });
  });
}

const MESSAGES = {
  lines: { zh: '第{from}–{to}行', en: 'lines {from}–{to}' },
  outlineHead: { zh: '{government} {year}年 政府工作报告', en: '{government} {year} government work report' },
  governmentUnknown: { zh: '（政府未知）', en: '(government unknown)' },
  yearUnknown: { zh: '（年份未知）', en: '(year unknown)' },
  // The severity names of VS Code's Chinese UI (错误 / 警告 / 信息 / 提示), in house style.
  summary: {
    zh: '{files}个文件，{total}个问题（错误{errors}，警告{warnings}，信息{infos}，提示{hints}）',
    en: '{files} file(s), {total} finding(s) ({errors} errors, {warnings} warnings, {infos} infos, {hints} hints)',
  },
  fixed: { zh: '{path}：已修复{fixed}处，剩余{left}处需人工核对', en: '{path}: fixed {fixed}, {left} left to check by hand' },
  nothingFixed: { zh: '{path}：没有可自动修复的问题，{left}处需人工核对', en: '{path}: nothing to fix automatically, {left} left to check by hand' },
  cannotRead: { zh: '{path}：无法读取（{reason}）', en: '{path}: cannot read ({reason})' },
  noSuchFile: { zh: '文件不存在', en: 'no such file' },
  isDirectory: { zh: '是一个文件夹', en: 'is a directory' },
  invalidUtf8: { zh: '{path}：不是有效的 UTF-8，无效字节按 U+FFFD 读取', en: '{path}: not valid UTF-8; invalid bytes read as U+FFFD' },
  invalidUtf8Fix: {
    zh: '{path}：不是有效的 UTF-8，无效字节按 U+FFFD 读取，文件未改动',
    en: '{path}: not valid UTF-8; invalid bytes read as U+FFFD, file left unchanged',
  },
  cannotWrite: { zh: '{path}：无法写入修复（{reason}），文件未改动', en: '{path}: cannot write the fixes ({reason}); file left unchanged' },
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
  // What pairing with other years goes by, and where it was read.
  return [head, describeMeta(m, locale), ...lines].join('\n');
}

const LEVEL_LABEL: Record<Locale, Record<string, string>> = {
  zh: { error: '错误', warning: '警告', information: '信息', hint: '提示' },
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
    format(MESSAGES.summary, locale, {
      files: results.length,
      total,
      errors: count.error,
      warnings: count.warning,
      infos: count.information,
      hints: count.hint,
    }),
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
    process.stderr.write(`${e instanceof UsageError && e.message ? `govreport: ${e.message}\n` : ''}${format(USAGE, localeOfArgs(argv))}\n`);
    return 2;
  }
  if (opts.show === 'help') {
    process.stdout.write(`${format(USAGE, opts.locale)}\n`);
    return 0;
  }
  if (opts.show === 'version') {
    process.stdout.write(`govreport ${version}\n`);
    return 0;
  }
  const t = (m: Msg, args?: Record<string, string | number>) => format(m, opts.locale, args);
  try {
    const loaded = load(opts.files, opts.config, opts.locale);
    for (const l of loaded) {
      if (!l.file.validUtf8) {
        process.stderr.write(`govreport: ${t(opts.fix ? MESSAGES.invalidUtf8Fix : MESSAGES.invalidUtf8, { path: l.path })}\n`);
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
    /** Per fixed file: findings before and after its fixes (each analysed alone, as fixFile does). */
    const fixes = new Map<Loaded, number>();
    if (opts.fix) {
      for (const l of loaded) {
        if (!l.file.validUtf8) continue;
        let last: Analysis | undefined;
        const alone = (text: string) =>
          (last = analyze(text, { locale: opts.locale, fileName: basename(l.path), config: l.config.config, previous: last?.reuse }));
        const { text } = fixFile(l, alone);
        if (text === l.file.text) {
          fixes.set(l, 0);
          continue;
        }
        fixes.set(l, Math.max(0, alone(l.file.text).findings.length - alone(text).findings.length));
        try {
          writeText(l.path, text, l.file.bom);
          l.file = { ...l.file, text };
        } catch (e) {
          if (!(e instanceof WriteError)) throw e;
          unwritten++;
          fixes.delete(l);
          process.stderr.write(`govreport: ${t(MESSAGES.cannotWrite, { path: l.path, reason: e.reason })}\n`);
        }
      }
    }
    const analyses = analyzeAll(loaded, opts.locale);
    const results = loaded.map((l, i) => ({ path: l.path, analysis: analyses[i] }));
    if (opts.format === 'json') {
      const json = { files: results.map((r) => ({ path: r.path, diagnostics: toDiagnostics(r.analysis, pathToFileURL(resolve(r.path)).href, opts.locale) })) };
      process.stdout.write(JSON.stringify(json, null, 2) + '\n');
    } else if (opts.format === 'sarif') {
      process.stdout.write(printSarif(results) + '\n');
    } else {
      process.stdout.write(printText(results, opts.locale) + '\n');
    }
    // What --fix did, in the words of the editor's Fix All: `已修复103处，剩余19处需人工核对`.
    // On stdout after the text report; on stderr beside JSON or SARIF, which stay machine-readable.
    loaded.forEach((l, i) => {
      const fixed = fixes.get(l);
      if (fixed === undefined) return;
      const left = analyses[i].findings.length;
      const line = t(fixed ? MESSAGES.fixed : MESSAGES.nothingFixed, { path: l.path, fixed, left });
      (opts.format === 'text' ? process.stdout : process.stderr).write(`${line}\n`);
    });
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
