/**
 * Keyboard of the viewers' toolbars: the arrow keys, Home and End move between its controls
 * (Tab still works too).
 */
export function moveInToolbar(event: KeyboardEvent): void {
	if (!['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key)) return;
	const toolbar = event.currentTarget as HTMLElement;
	const items = Array.from(toolbar.querySelectorAll<HTMLElement>('button, a[href]'));
	const index = items.indexOf(document.activeElement as HTMLElement);
	if (index === -1) return;
	event.preventDefault();
	const last = items.length - 1;
	const next =
		event.key === 'Home'
			? 0
			: event.key === 'End'
				? last
				: event.key === 'ArrowLeft'
					? (index - 1 + items.length) % items.length
					: (index + 1) % items.length;
	items[next]?.focus();
}
