// @ts-check
// The step runner of the page checks (ui.js, vsix.js): each check prints ✔/✘ with its time and an
// optional note, and the tally says how many passed.
/** @param {string} label the runner's name in the tally (`ui`, `vsix`) */
function checks(label) {
  /** @type {{ name: string, ok: boolean }[]} */
  const results = [];
  /**
   * Runs one check: `fn` resolves with an optional note, or throws (the failure is printed and rethrown).
   * @param {string} name
   * @param {() => Promise<string | void>} fn
   */
  async function check(name, fn) {
    const t0 = Date.now();
    try {
      const note = await fn();
      results.push({ name, ok: true });
      console.log(`  ✔ ${name} (${Date.now() - t0} ms)${note ? `\n      · ${note}` : ''}`);
    } catch (e) {
      results.push({ name, ok: false });
      console.log(`  ✘ ${name} (${Date.now() - t0} ms)\n${String(e instanceof Error && e.stack ? e.stack : e).replace(/^/gm, '      ')}`);
      throw e;
    }
  }
  const passed = () => results.filter((r) => r.ok).length;
  return {
    check,
    results,
    /** @param {number} started when the run began (Date.now()) */
    summary: (started) => `${label}: ${passed()} of ${results.length} checks passed in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    failed: () => `${label}: FAILED (${passed()} of ${results.length} checks passed)`,
  };
}

module.exports = { checks };
