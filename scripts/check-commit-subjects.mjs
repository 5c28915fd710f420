#!/usr/bin/env node
/**
 * Fails when a commit subject is 72 characters or longer. Commits before the convention was adopted
 * (the parent of SINCE) are not checked. Run by `npm run lint`; CI has the whole history in its clone.
 */
import { execFileSync } from 'node:child_process';

/** The commit that adopted the convention (Biome formatting); every later commit is checked. */
const SINCE = 'e5e0f70';
const LIMIT = 72;

let log;
try {
	log = execFileSync('git', ['log', '--format=%h %s', `${SINCE}^..HEAD`], { encoding: 'utf8' });
} catch (error) {
	console.error(`commit subjects: cannot read the history since ${SINCE} (a shallow clone?): ${error.message}`);
	process.exit(1);
}
const long = log
	.split('\n')
	.filter(Boolean)
	.map((line) => ({ hash: line.slice(0, line.indexOf(' ')), subject: line.slice(line.indexOf(' ') + 1) }))
	.filter(({ subject }) => [...subject].length >= LIMIT);
for (const { hash, subject } of long)
	console.error(`${hash}: subject of ${[...subject].length} characters: ${subject}`);
if (long.length) {
	console.error(`commit subjects: ${long.length} over ${LIMIT - 1} characters; say the rest in the body`);
	process.exit(1);
}
