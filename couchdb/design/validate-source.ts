/**
 * The source of the database's `validate_doc_update` function (validate.js, plain ES5), to be
 * stored as a string in a design document: `{ validate_doc_update: validateDocUpdateSource }`.
 * A validate function must be one self-contained function, so the content hash it checks
 * (content-hash.es5.js) is written into it where validate.js says `// @include <file>`.
 * Paths are built at run time so bundlers do not try to import the files as modules.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

export function assembleDesignSource(file: string): string {
	return readFileSync(join(here, file), 'utf8').replace(/^\t\/\/ @include (\S+)\n/gm, (_line, part: string) => readFileSync(join(here, part), 'utf8'));
}

export const validateDocUpdateSource: string = assembleDesignSource('validate.js');
