// The step runner of the page checks (ui.js, vsix.js): each check prints ✔/✘ with its time and an
// optional note, and the tally says how many passed.
function checks(label) {
  const results = [];
  async function check(name, fn) {
    const t0 = Date.now();
    try {
      const note = await fn();
      results.push({ name, ok: true });
      console.log(`  ✔ ${name} (${Date.now() - t0} ms)${note ? `\n      · ${note}` : ''}`);
    } catch (e) {
      results.push({ name, ok: false });
      console.log(`  ✘ ${name} (${Date.now() - t0} ms)\n${String(e && e.stack ? e.stack : e).replace(/^/gm, '      ')}`);
      throw e;
    }
  }
  const passed = () => results.filter((r) => r.ok).length;
  return {
    check,
    results,
    summary: (started) => `${label}: ${passed()} of ${results.length} checks passed in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    failed: () => `${label}: FAILED (${passed()} of ${results.length} checks passed)`,
  };
}

module.exports = { checks };
