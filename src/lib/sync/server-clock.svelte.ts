/**
 * The server's time as this device knows it: its own clock plus the offset measured from the
 * `Date` header of the server's answers (domain/clock-skew.ts). Transactions are stamped with
 * it, so a tablet with a wrong clock still writes the county's time; the user is told when
 * the device's clock is off by more than the drift bound, or was set back since it last wrote.
 */
import { clockWentBack, isClockWrong, offsetFrom } from '$lib/domain/clock-skew';

export class ServerClock {
	/** Milliseconds to add to this device's clock; 0 until the server has answered once. */
	offset = $state(0);
	measured = $state(false);
	wentBack = $state(false);

	constructor(private readonly save: (offset: number) => Promise<void> = async () => {}) {}

	/** The corrected time. */
	now = (): number => Date.now() + this.offset;

	get wrong(): boolean {
		return this.measured && isClockWrong(this.offset);
	}

	restore(offset: number): void {
		this.offset = offset;
	}

	/** Reads the server's time from an answer; a change of more than a second is remembered. */
	observe(response: Response, sentAt: number, receivedAt = Date.now()): void {
		const offset = offsetFrom(response.headers.get('date'), sentAt, receivedAt);
		if (offset === undefined) return;
		this.measured = true;
		this.wentBack = false;
		if (Math.abs(offset - this.offset) < 1000) return;
		this.offset = offset;
		void this.save(offset);
	}

	/** After writing: the clock this device stamps with is ahead of the corrected time. */
	check(lastStampMs: number): void {
		this.wentBack = clockWentBack(lastStampMs, this.now());
	}

	/** A fetch that reads the server's time from every answer it gets. */
	fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
		const sentAt = Date.now();
		const response = await fetch(input, init);
		this.observe(response, sentAt);
		return response;
	};
}
