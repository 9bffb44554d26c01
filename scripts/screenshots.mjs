// The README's three screenshots, from the artifacts the page check takes (test/e2e/page/ui.js):
// run `npm run test:e2e:ui` first, then `npm run screenshots`, and commit images/screens/.
//   artifacts/e2e-ui.jpg          → images/screens/editor.jpg     the report, Problems, Outline, status bar
//   artifacts/e2e-ui-targets.jpg  → images/screens/targets.jpg    the Report Targets view by section
//   artifacts/e2e-ui-quickfix.jpg → images/screens/quickfix.jpg   the quick-fix menu
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SHOTS = { 'e2e-ui.jpg': 'editor.jpg', 'e2e-ui-targets.jpg': 'targets.jpg', 'e2e-ui-quickfix.jpg': 'quickfix.jpg' };
mkdirSync(join(root, 'images', 'screens'), { recursive: true });
let missing = 0;
for (const [from, to] of Object.entries(SHOTS)) {
  const src = join(root, 'artifacts', from);
  if (!existsSync(src)) {
    console.error(`screenshots: ${src} is missing (run npm run test:e2e:ui first)`);
    missing++;
    continue;
  }
  copyFileSync(src, join(root, 'images', 'screens', to));
  console.log(`screenshots: images/screens/${to} (${Math.round(statSync(src).size / 1024)} KB)`);
}
process.exit(missing ? 1 : 0);
