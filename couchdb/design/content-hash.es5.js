	// ---- content hash (src/lib/domain/content-hash.ts, the same canonical form) ------------
	// Inlined into validate.js by validate-source.ts: a validate function must be one
	// self-contained function. SHA-256 (FIPS 180-4) over the ASCII canonical text, the first
	// 128 bits in lower-case base32. Plain ES5: no typed arrays, no Math.imul.

	var HASH_K = [
		0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
		0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
		0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
		0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
		0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
		0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
		0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
		0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
	];

	function rotr(x, n) {
		return (x >>> n) | (x << (32 - n));
	}

	// The SHA-256 digest of an ASCII string, as an array of 32 bytes.
	function sha256Ascii(text) {
		var bytes = [];
		var i;
		for (i = 0; i < text.length; i++) bytes.push(text.charCodeAt(i) & 0xff);
		var bitLength = text.length * 8;
		bytes.push(0x80);
		while (bytes.length % 64 !== 56) bytes.push(0);
		var high = Math.floor(bitLength / 0x100000000);
		var low = bitLength >>> 0;
		bytes.push((high >>> 24) & 0xff, (high >>> 16) & 0xff, (high >>> 8) & 0xff, high & 0xff);
		bytes.push((low >>> 24) & 0xff, (low >>> 16) & 0xff, (low >>> 8) & 0xff, low & 0xff);
		var h = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
		var w = [];
		for (var block = 0; block < bytes.length; block += 64) {
			for (i = 0; i < 16; i++) {
				var at = block + i * 4;
				w[i] = ((bytes[at] << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3]) | 0;
			}
			for (i = 16; i < 64; i++) {
				var s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >>> 3);
				var s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >>> 10);
				w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0;
			}
			var a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7];
			for (i = 0; i < 64; i++) {
				var t1 = (k + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + HASH_K[i] + w[i]) | 0;
				var t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
				k = g;
				g = f;
				f = e;
				e = (d + t1) | 0;
				d = c;
				c = b;
				b = a;
				a = (t1 + t2) | 0;
			}
			h[0] = (h[0] + a) | 0;
			h[1] = (h[1] + b) | 0;
			h[2] = (h[2] + c) | 0;
			h[3] = (h[3] + d) | 0;
			h[4] = (h[4] + e) | 0;
			h[5] = (h[5] + f) | 0;
			h[6] = (h[6] + g) | 0;
			h[7] = (h[7] + k) | 0;
		}
		var out = [];
		for (i = 0; i < 8; i++) out.push((h[i] >>> 24) & 0xff, (h[i] >>> 16) & 0xff, (h[i] >>> 8) & 0xff, h[i] & 0xff);
		return out;
	}

	function hashQuote(value) {
		var out = '"';
		for (var i = 0; i < value.length; i++) {
			var code = value.charCodeAt(i);
			if (code === 0x22) out += '\\"';
			else if (code === 0x5c) out += '\\\\';
			else if (code < 0x20 || code > 0x7e) out += '\\u' + ('000' + code.toString(16)).slice(-4);
			else out += value.charAt(i);
		}
		return out + '"';
	}

	function canonicalValue(value, topLevel) {
		if (value === null || value === undefined) return 'null';
		if (typeof value === 'boolean') return value ? 'true' : 'false';
		if (typeof value === 'number') return isFinite(value) ? String(value) : 'null';
		if (typeof value === 'string') return hashQuote(value);
		var i;
		var parts = [];
		if (toStr.call(value) === '[object Array]') {
			for (i = 0; i < value.length; i++) parts.push(canonicalValue(value[i], false));
			return '[' + parts.join(',') + ']';
		}
		if (typeof value !== 'object') return 'null';
		var keys = [];
		for (var key in value) {
			if (!hasOwn.call(value, key) || value[key] === undefined) continue;
			if (topLevel && key.charAt(0) === '_') continue;
			keys.push(key);
		}
		keys.sort();
		for (i = 0; i < keys.length; i++) parts.push(hashQuote(keys[i]) + ':' + canonicalValue(value[keys[i]], false));
		return '{' + parts.join(',') + '}';
	}

	function contentHash(doc) {
		var digest = sha256Ascii(canonicalValue(doc, true));
		var alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
		var out = '';
		var buffer = 0;
		var bits = 0;
		for (var i = 0; i < 16; i++) {
			buffer = ((buffer << 8) | digest[i]) & 0xffff;
			bits += 8;
			while (bits >= 5) {
				out += alphabet.charAt((buffer >>> (bits - 5)) & 31);
				bits -= 5;
			}
		}
		if (bits > 0) out += alphabet.charAt((buffer << (5 - bits)) & 31);
		return out;
	}
