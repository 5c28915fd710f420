/**
 * A failed build leaves nothing behind. Astro writes pages into the output folder as it renders them and
 * keeps its server bundle in `<outDir>/.prerender/` (or `./.astro/.prerender/` when the output folder is
 * outside the project) until the end, so a build that fails half-way (an invalid catalogue file, a route
 * conflict) would leave a partial site that looks like a finished one and a stale bundle. When the
 * process exits with an error after the build started, both are removed.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** The integration: arms an exit handler at build start and disarms it when the build is done. */
export function cleanFailedBuild(): AstroIntegration {
	let outDir: string | undefined;
	const onExit = (code: number) => {
		if (code === 0 || !outDir) return;
		rmSync(outDir, { recursive: true, force: true });
		rmSync(join(process.cwd(), '.astro', '.prerender'), { recursive: true, force: true });
	};
	return {
		name: 'policy-atlas:clean-failed-build',
		hooks: {
			'astro:config:done': ({ config }) => {
				outDir = fileURLToPath(config.outDir);
			},
			'astro:build:start': () => {
				process.on('exit', onExit);
			},
			'astro:build:done': () => {
				process.off('exit', onExit);
			},
		},
	};
}
