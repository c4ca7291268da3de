/**
 * Who may enter which database. Members only: a librarian whose membership is not yet approved
 * has no `librarian` role and reads nothing. County users administer `_users` (approve members,
 * set roles) without being server admins; Apache CouchDB needs
 * `[couchdb] users_db_security_editable = true` for that (couchdb/local.ini).
 */
import { COUNTY_ROLE, LIBRARIAN_ROLE } from '../src/lib/domain/membership';

export { COUNTY_ROLE, LIBRARIAN_ROLE, libraryRole, publicDbOf } from '../src/lib/domain/membership';

/**
 * The county is a member, not a database admin: database admins may replace design documents
 * (validation included) and `_security` itself, which validate_doc_update cannot stop. The
 * county's powers come from its role, checked by validation and the fold.
 */
export const countyDbSecurity = {
	admins: { names: [], roles: [] },
	members: { names: [], roles: [LIBRARIAN_ROLE, COUNTY_ROLE] }
};

export const usersDbSecurity = {
	admins: { names: [], roles: [COUNTY_ROLE] },
	members: { names: [], roles: [] }
};

/** No members means anyone may read; writes are the county's, checked by its validation. */
export const publicDbSecurity = {
	admins: { names: [], roles: [] },
	members: { names: [], roles: [] }
};
