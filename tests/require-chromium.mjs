// Stops `npm test` at once, with the fix, when the browser the end-to-end tests need is missing.
import { accessSync, constants } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
try {
	accessSync(path, constants.X_OK);
} catch {
	console.error(`\nChromium was not found at ${path}.
The end-to-end tests drive Debian's Chromium (Playwright cannot download browsers here). Install it with:

    sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y chromium

or point CHROMIUM_PATH at another Chromium or Chrome binary.\n`);
	process.exit(1);
}
