/**
 * The source of the database's `validate_doc_update` function (validate.js, plain ES5), to be
 * stored as a string in a design document: `{ validate_doc_update: validateDocUpdateSource }`.
 * The path is built at run time so bundlers do not try to import validate.js as a module.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

export const validateDocUpdateSource: string = readFileSync(join(here, 'validate.js'), 'utf8');
