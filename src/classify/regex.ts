/**
 * Iterates the matches of a module-level global regex without cloning it (as `matchAll` does), so the
 * hot path only ever runs patterns compiled once at load.
 */

/** One match: the text and where it starts. */
export interface Match {
	readonly text: string;
	readonly index: number;
}

/** All matches of a global regex in `text`. The regex's `lastIndex` is reset before and after. */
export function allMatches(re: RegExp, text: string): Match[] {
	if (!re.global) throw new Error(`allMatches needs a global regex: ${re.source}`);
	const out: Match[] = [];
	re.lastIndex = 0;
	for (let m = re.exec(text); m !== null; m = re.exec(text)) {
		out.push({ text: m[0], index: m.index });
		// A zero-length match would loop forever.
		if (m[0].length === 0) re.lastIndex++;
	}
	re.lastIndex = 0;
	return out;
}

/** The first match of a global regex in `text`, or undefined; cheaper than `allMatches(…)[0]`. */
export function firstMatch(re: RegExp, text: string): Match | undefined {
	if (!re.global) throw new Error(`firstMatch needs a global regex: ${re.source}`);
	re.lastIndex = 0;
	const m = re.exec(text);
	re.lastIndex = 0;
	return m ? { text: m[0], index: m.index } : undefined;
}

/** One match with its capture groups (undefined for groups that did not take part). */
export interface GroupMatch extends Match {
	readonly groups: readonly (string | undefined)[];
}

/** All matches of a global regex in `text`, with capture groups. */
export function allMatchGroups(re: RegExp, text: string): GroupMatch[] {
	if (!re.global) throw new Error(`allMatchGroups needs a global regex: ${re.source}`);
	const out: GroupMatch[] = [];
	re.lastIndex = 0;
	for (let m = re.exec(text); m !== null; m = re.exec(text)) {
		out.push({ text: m[0], index: m.index, groups: m.slice(1) });
		if (m[0].length === 0) re.lastIndex++;
	}
	re.lastIndex = 0;
	return out;
}
