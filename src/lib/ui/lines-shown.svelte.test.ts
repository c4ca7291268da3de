import { describe, expect, it } from 'vitest';
import { LinesShown } from './lines-shown.svelte';

describe('LinesShown', () => {
	it('shows one page at first and one page more each time older lines are asked for', () => {
		const shown = new LinesShown(100);
		expect(shown.count).toBe(100);
		shown.more();
		shown.more();
		expect(shown.count).toBe(300);
	});

	it("opens another library's statement on one page, and the first again on one page too", () => {
		let library = $state('hamar');
		const shown = new LinesShown(100, () => library);
		shown.more();
		expect(shown.count).toBe(200);
		library = 'elverum';
		expect(shown.count).toBe(100);
		shown.more();
		expect(shown.count).toBe(200);
		library = 'hamar';
		expect(shown.count).toBe(100);
	});
});
