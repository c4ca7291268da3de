/**
 * The app's replacement for `window.confirm()`: `await ask(question)` resolves true or false
 * once the one ConfirmDialog in the layout is answered, dismissed or escaped.
 */
export interface Question {
	text: string;
	answer: (yes: boolean) => void;
}

class ConfirmQueue {
	// Raw: a deep proxy would make `this.current === question` false and leave the dialog open.
	current = $state.raw<Question | null>(null);

	ask(text: string): Promise<boolean> {
		// A second question while one is open answers the first "no": never two modals.
		this.current?.answer(false);
		return new Promise((resolve) => {
			const question: Question = {
				text,
				answer: (yes) => {
					if (this.current === question) this.current = null;
					resolve(yes);
				}
			};
			this.current = question;
		});
	}
}

export const confirmQueue = new ConfirmQueue();
export const ask = (text: string): Promise<boolean> => confirmQueue.ask(text);
