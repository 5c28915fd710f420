/**
 * Building into a folder outside the checkout (`ATLAS_OUT_DIR=/srv/www`). Astro writes its prerender chunks
 * into the output folder whenever it thinks that folder is inside the working directory, and Node then
 * resolves the chunks' bare imports (`@oslojs/encoding`, `astro/…`) from there. Astro's test is a string
 * prefix (`/srv/atlas-www` counts as inside `/srv/atlas`), so a sibling folder whose name starts with the
 * checkout's path gets the chunks and fails with "Cannot find package". Rather than rely on that guess, a
 * build whose output folder is outside the checkout is written to a staging folder inside it and published
 * to the real folder as the build's last step; a failed build also leaves the real folder as it was.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/**
 * Where a build bound for `target` (outside the checkout) is staged, relative to the checkout: one folder
 * per target, so two builds for different folders (the determinism test's rebuild) never share one.
 */
export function stagingDir(target: string): string {
	return `.cache/out-staging/${createHash('sha256').update(resolve(target)).digest('hex').slice(0, 16)}`;
}

/** Where `astro build` writes a build bound for `target`: the target itself, or its staging folder. */
export function astroOutDir(root: string, target: string): string {
	return isInside(root, target) ? resolve(target) : resolve(root, stagingDir(target));
}

/** Whether `dir` lies inside `root` (or is it), by path segments, not by string prefix. */
export function isInside(root: string, dir: string): boolean {
	const rel = relative(resolve(root), resolve(dir));
	return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * Empties `target` (keeping `.git`, as Astro does with its own output folder) and copies the staged build
 * into it. Refuses a target that holds the checkout, which emptying would delete.
 */
export function publish(staged: string, target: string, root: string): void {
	if (isInside(target, root))
		throw new Error(`ATLAS_OUT_DIR ${target} contains the checkout ${root}: refusing to empty it`);
	mkdirSync(target, { recursive: true });
	for (const name of readdirSync(target))
		if (name !== '.git') rmSync(join(target, name), { recursive: true, force: true });
	cpSync(staged, target, { recursive: true });
	rmSync(staged, { recursive: true, force: true });
}

/** The integration: runs last in `astro:build:done`, after every other step wrote into the staging folder. */
export function publishBuild(target: string, root: string): AstroIntegration {
	return {
		name: 'policy-atlas:publish',
		hooks: {
			'astro:build:done': ({ dir, logger }) => {
				const staged = fileURLToPath(dir);
				if (!existsSync(staged)) throw new Error(`nothing built in ${staged}`);
				publish(staged, target, root);
				logger.info(`Published the build to ${target}`);
			},
		},
	};
}
