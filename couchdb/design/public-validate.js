function (newDoc, oldDoc, userCtx, secObj) {
	// The public database holds the one thing people who are not logged in may read: the list
	// of libraries they can ask to join (document "libraries"). Only the county publishes it.
	// Plain ES5, like validate.js.
	var roles = userCtx && Object.prototype.toString.call(userCtx.roles) === '[object Array]' ? userCtx.roles : [];
	if (roles.indexOf('_admin') === -1 && roles.indexOf('county') === -1) {
		throw { forbidden: 'Only the county library may publish the list of libraries.' };
	}
	if (newDoc._id !== 'libraries') {
		throw { forbidden: 'The public database holds only the list of libraries (the document "libraries").' };
	}
	if (newDoc._deleted) return;
	var list = newDoc.libraries;
	if (Object.prototype.toString.call(list) !== '[object Array]' || list.length > 1000) {
		throw { forbidden: 'The field "libraries" must be a list of at most 1000 libraries.' };
	}
	var seen = {};
	for (var i = 0; i < list.length; i++) {
		var library = list[i];
		if (!library || typeof library.slug !== 'string' || !/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/.test(library.slug)) {
			throw { forbidden: 'Every library in the list needs a short name (slug) of lower-case letters, digits and dashes.' };
		}
		if (typeof library.name !== 'string' || library.name.length > 120) {
			throw { forbidden: 'Every library in the list needs a name of at most 120 characters.' };
		}
		if (seen.hasOwnProperty(library.slug)) {
			throw { forbidden: 'The library ' + library.slug + ' is in the list twice.' };
		}
		seen[library.slug] = true;
	}
}
