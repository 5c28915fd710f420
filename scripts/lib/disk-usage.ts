/** Counts what a build wrote: files, folders, bytes, and the space they take on disk. */
import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Totals of a folder tree. */
export interface DiskUsage {
	files: number;
	directories: number;
	/** Sum of file sizes. */
	bytes: number;
	/** Space allocated on disk (blocks), folders included. */
	allocated: number;
}

/** Walks `dir`, calling `onFile` with each file's path and size. */
export function diskUsage(dir: string, onFile: (path: string, size: number) => void = () => {}): DiskUsage {
	const usage: DiskUsage = { files: 0, directories: 0, bytes: 0, allocated: 0 };
	const stack = [dir];
	while (stack.length > 0) {
		const current = stack.pop() as string;
		usage.directories++;
		usage.allocated += lstatSync(current).blocks * 512;
		for (const entry of readdirSync(current, { withFileTypes: true })) {
			const path = join(current, entry.name);
			if (entry.isDirectory()) {
				stack.push(path);
				continue;
			}
			const stat = lstatSync(path);
			usage.files++;
			usage.bytes += stat.size;
			usage.allocated += stat.blocks * 512;
			onFile(path, stat.size);
		}
	}
	return usage;
}
