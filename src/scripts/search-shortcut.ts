/**
 * `/` (outside a text field) and Ctrl+K / Cmd+K focus search from any page: the search page's own input
 * once Pagefind has rendered it, the header's search field everywhere else.
 */

/** Whether the key press is meant for a field the user is typing in. */
function typing(target: EventTarget | null): boolean {
	return (
		target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
	);
}

document.addEventListener('keydown', (event) => {
	const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !typing(event.target);
	const commandK = (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k';
	if (!slash && !commandK) return;
	const input = document.querySelector('pagefind-input input') ?? document.getElementById('site-q');
	if (!(input instanceof HTMLInputElement)) return;
	event.preventDefault();
	input.focus();
	input.select();
});
