/**
 * Browser side of the policy tabs (progressive enhancement). Without JavaScript every format's panel is
 * shown, stacked, with its heading. This turns them into ARIA tabs (click, arrow keys, Home, End),
 * remembers the last format chosen, and enables Copy and Download, which both read the `<pre>`'s text:
 * the page carries each snippet once, and what is copied or downloaded is exactly what is shown.
 */

/** localStorage key of the format the reader chose last, so every tool page opens on it. */
const CHOSEN = 'policy-atlas:format';

function remembered(): string | null {
	try {
		return localStorage.getItem(CHOSEN);
	} catch {
		return null;
	}
}

function remember(id: string): void {
	try {
		localStorage.setItem(CHOSEN, id);
	} catch {
		// Storage blocked (private mode, policy): tabs still work, the choice is just not kept.
	}
}

/** Where each key moves the selection among `n` tabs (APG tabs pattern: arrows wrap). */
const KEY_MOVES: Record<string, (current: number, n: number) => number> = {
	ArrowRight: (i, n) => (i + 1) % n,
	ArrowLeft: (i, n) => (i - 1 + n) % n,
	Home: () => 0,
	End: (_, n) => n - 1,
};

/** Turns one `[data-policy-tabs]` block into tabs. */
export function enhanceTabs(root: HTMLElement): void {
	const list = root.querySelector<HTMLElement>('[role="tablist"]');
	const tabs = [...root.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
	const panels = tabs.map((tab) => document.getElementById(tab.getAttribute('aria-controls') ?? ''));
	if (!list || tabs.length === 0 || panels.some((p) => p === null)) return;
	const select = (index: number, focus: boolean) => {
		tabs.forEach((tab, i) => {
			const on = i === index;
			tab.setAttribute('aria-selected', String(on));
			tab.tabIndex = on ? 0 : -1;
			(panels[i] as HTMLElement).hidden = !on;
		});
		if (focus) (tabs[index] as HTMLButtonElement).focus();
	};
	panels.forEach((panel, i) => {
		panel?.setAttribute('role', 'tabpanel');
		panel?.setAttribute('aria-labelledby', (tabs[i] as HTMLButtonElement).id);
	});
	root.classList.add('tabbed');
	list.hidden = false;
	const saved = tabs.findIndex((t) => t.dataset.format === remembered());
	select(Math.max(saved, 0), false);
	tabs.forEach((tab, i) => {
		tab.addEventListener('click', () => {
			select(i, false);
			remember(tab.dataset.format ?? '');
		});
	});
	list.addEventListener('keydown', (event) => {
		const current = tabs.indexOf(document.activeElement as HTMLButtonElement);
		const move = KEY_MOVES[event.key];
		if (current === -1 || !move) return;
		const next = move(current, tabs.length);
		event.preventDefault();
		select(next, true);
		remember(tabs[next]?.dataset.format ?? '');
	});
}

/** Shows a result on a button for two seconds, then its own label again. */
function flash(button: HTMLButtonElement, text: string): void {
	const label = button.dataset.label ?? button.textContent ?? '';
	button.dataset.label = label;
	button.textContent = text;
	setTimeout(() => {
		button.textContent = label;
	}, 2000);
}

/** Enables the Copy and Download buttons of one snippet: both take the text of its `<pre>`. */
export function enhanceSnippet(snippet: HTMLElement): void {
	const pre = snippet.querySelector('pre');
	if (!pre) return;
	const copy = snippet.querySelector<HTMLButtonElement>('button.copy');
	if (copy && navigator.clipboard) {
		copy.hidden = false;
		copy.addEventListener('click', async () => {
			try {
				await navigator.clipboard.writeText(pre.textContent ?? '');
				flash(copy, 'Copied');
			} catch {
				flash(copy, 'Copy failed');
			}
		});
	}
	const download = snippet.querySelector<HTMLButtonElement>('button.download');
	if (download) {
		download.hidden = false;
		download.addEventListener('click', () => {
			const blob = new Blob([pre.textContent ?? ''], { type: download.dataset.type ?? 'text/plain' });
			const link = document.createElement('a');
			link.href = URL.createObjectURL(blob);
			link.download = download.dataset.file ?? 'policy.txt';
			link.click();
			// Revoke after the click has started the download.
			setTimeout(() => URL.revokeObjectURL(link.href), 0);
		});
	}
}
