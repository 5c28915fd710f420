/**
 * `npm start`: serves the last build when nothing it reads changed since (src/integrations/build-stamp.ts),
 * otherwise builds first; then `astro preview`. Arguments go to `astro preview` (e.g. `-- --port 8080`).
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { buildIsCurrent } from '../src/integrations/build-stamp.ts';

const root = resolve(import.meta.dirname, '..');
const outDir = resolve(root, process.env.ATLAS_OUT_DIR || 'dist');
const bin = (name: string) => join(root, 'node_modules', '.bin', name);
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };

if (buildIsCurrent(root, outDir)) {
	console.log(`Nothing changed since the last build: serving ${outDir} (npm run build rebuilds it).`);
} else {
	console.log(`Building ${outDir}: the catalogue, source or lockfile changed since the last build, or there is none.`);
	// The build with its search index (scripts/build.ts), as `npm run build` makes it.
	const build = spawnSync(bin('tsx'), [join(root, 'scripts', 'build.ts')], { cwd: root, stdio: 'inherit', env });
	if (build.status !== 0) process.exit(build.status ?? 1);
}
const preview = spawnSync(bin('astro'), ['preview', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env });
process.exit(preview.status ?? 0);
