/**
 * How many lines of a long list a page shows: one page at first, another with every "show
 * older". The count belongs to the list it was asked for, so when the route moves to another
 * list (another library's statement) without the page being made anew, that list opens on one
 * page again instead of as long as the last one was left.
 */
export class LinesShown {
	#asked = $state({ list: '', lines: 0 });
	readonly #page: number;
	readonly #list: () => string;

	/** `list` names the list shown now, read from the route or other state. */
	constructor(page: number, list: () => string = () => '') {
		this.#page = page;
		this.#list = list;
	}

	get count(): number {
		return this.#asked.list === this.#list() && this.#asked.lines > 0 ? this.#asked.lines : this.#page;
	}

	more(): void {
		this.#asked = { list: this.#list(), lines: this.count + this.#page };
	}
}
