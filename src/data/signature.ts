/** A cheap fingerprint of a catalogue folder, so the dev server notices an edit without reading every file. */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { byCodePoint } from '../text/words.ts';

/**
 * The folder's YAML files with their sizes and modification times: it changes when a file is added,
 * removed, renamed or written, and costs one `stat` per file (milliseconds for hundreds of files).
 */
export function catalogueSignature(dir: string): string {
	return readdirSync(dir)
		.filter((name) => name.endsWith('.yaml'))
		.sort(byCodePoint)
		.map((name) => {
			const stat = statSync(join(dir, name));
			return `${name}\0${stat.size}\0${stat.mtimeMs}`;
		})
		.join('\n');
}
