/**
 * The public database's design document: who may write the list of libraries that people
 * who are not yet members choose from when they ask to join (public-validate.js, plain ES5).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

export const publicDesign = () => ({
	_id: '_design/validation',
	language: 'javascript',
	validate_doc_update: readFileSync(join(here, 'public-validate.js'), 'utf8').trimEnd()
});
