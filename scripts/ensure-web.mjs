// Builds the web app when dist/web is missing or older than its sources, so `npm start`
// works straight after `npm install` without rebuilding on every start.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const built = path.join(root, 'dist/web/index.html');

function newest(dir) {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) latest = Math.max(latest, newest(full));
    } else if (/\.(tsx?|css|html|json)$/.test(entry.name)) latest = Math.max(latest, fs.statSync(full).mtimeMs);
  }
  return latest;
}

const stale = !fs.existsSync(built) || fs.statSync(built).mtimeMs < newest(path.join(root, 'src'));
if (stale) {
  console.log('webapp bouwen… / building the web app…');
  execSync('npx vite build --logLevel warn', { cwd: root, stdio: 'inherit' });
}
