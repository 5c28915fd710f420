/**
 * The incident timeline: every incident of every pattern. The same write-up is often cited by several
 * patterns (one post can show poisoning, shadowing and credential theft). Incidents are merged into one
 * row, listing every pattern that cites it, only when they agree on the date, the source and the
 * summary: a merged row then says exactly what each of its patterns says. Incidents from the same
 * write-up that describe different things (two demonstrations in one post) keep rows of their own, so
 * no pattern's account is hidden behind another's.
 */

import { byCodePoint } from '../text/words.ts';
import type { AttackFrontmatter, SourceRef } from './schema.ts';

/** The parts of an attack entry the timeline reads (an Astro collection entry has this shape). */
export interface AttackWithIncidents {
	id: string;
	data: Pick<AttackFrontmatter, 'title' | 'code' | 'incidents'> & { sources: readonly TimelineSource[] };
}

/** A source as the timeline prints it; `dateKind` may be left out (a publication date), as in front matter. */
export type TimelineSource = Pick<SourceRef, 'url' | 'title' | 'author' | 'date'> & {
	dateKind?: SourceRef['dateKind'];
};

/** The merge key of an incident: the same write-up, on the same date, told in the same words, is one row. */
export function timelineKey(incident: { date: string; source: string; summary: string }): string {
	return `${incident.date}|${incident.source}|${incident.summary}`;
}

/**
 * Orders incident dates oldest first. A month-only date (`2025-07`: the report gives no day) sorts
 * after every day of its month, because it says only that the event happened by the end of it; it
 * still sorts before the next month.
 */
export function compareIncidentDates(a: string, b: string): number {
	const key = (d: string) => (d.length === 7 ? `${d}-99` : d);
	return byCodePoint(key(a), key(b));
}

/** One row of the timeline. */
export interface TimelineIncident {
	/** `timelineKey` of the incidents merged into this row. */
	key: string;
	/** Fragment id on the timeline page, stable across builds: `incident-<date>-<target slug>`. */
	anchor: string;
	date: string;
	/** True when the report gives only a month (`YYYY-MM`). */
	monthOnly: boolean;
	/** Target as the first pattern (by research code) names it. */
	target: string;
	/** What happened: the same for every pattern in the row. */
	summary: string;
	source: TimelineSource;
	/** Every pattern citing it, in research-code order. */
	patterns: { id: string; title: string; code: string }[];
}

/** Lowercase ASCII words joined by dashes, for fragment ids. */
function slugify(text: string): string {
	return text
		.normalize('NFKD')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60);
}

/** The timeline, oldest first (month-only dates after the days of their month); ties keep research-code order. */
export function incidentTimeline(attacks: readonly AttackWithIncidents[]): TimelineIncident[] {
	const rows = new Map<string, TimelineIncident>();
	const ordered = [...attacks].sort((a, b) => byCodePoint(a.data.code, b.data.code));
	for (const attack of ordered) {
		for (const incident of attack.data.incidents) {
			const key = timelineKey(incident);
			const pattern = { id: attack.id, title: attack.data.title, code: attack.data.code };
			const existing = rows.get(key);
			if (existing) {
				if (!existing.patterns.some((p) => p.id === attack.id)) existing.patterns.push(pattern);
				continue;
			}
			// The schema guarantees every incident source is listed in the pattern's sources.
			const source = attack.data.sources.find((s) => s.url === incident.source);
			if (!source) throw new Error(`${attack.id}: incident source ${incident.source} is not in sources`);
			rows.set(key, {
				key,
				anchor: '',
				date: incident.date,
				monthOnly: incident.date.length === 7,
				target: incident.target,
				summary: incident.summary,
				source: {
					url: source.url,
					title: source.title,
					author: source.author,
					date: source.date,
					...(source.dateKind ? { dateKind: source.dateKind } : {}),
				},
				patterns: [pattern],
			});
		}
	}
	// Array.prototype.sort is stable, so rows of one date keep research-code order.
	const timeline = [...rows.values()].sort((a, b) => compareIncidentDates(a.date, b.date));
	const used = new Set<string>();
	for (const row of timeline) {
		const base = `incident-${row.date}-${slugify(row.target)}`;
		let anchor = base;
		for (let n = 2; used.has(anchor); n++) anchor = `${base}-${n}`;
		used.add(anchor);
		row.anchor = anchor;
	}
	return timeline;
}
