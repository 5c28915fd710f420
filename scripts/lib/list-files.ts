/** Lists a built site's files: shared by the shard merge and the tests that read a finished build. */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Every file under `dir` that `filter` keeps, as paths relative to it with forward slashes, sorted. */
export function listFiles(dir: string, filter: (rel: string) => boolean = () => true): string[] {
	const out: string[] = [];
	const walk = (d: string) => {
		for (const name of readdirSync(d)) {
			const full = join(d, name);
			if (statSync(full).isDirectory()) walk(full);
			else {
				const rel = relative(dir, full).split(sep).join('/');
				if (filter(rel)) out.push(rel);
			}
		}
	};
	walk(dir);
	return out.sort();
}
