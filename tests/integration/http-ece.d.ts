/** The one call the Web Push test makes of http_ece (web-push's own dependency, untyped). */
declare module 'http_ece' {
	import type { ECDH } from 'node:crypto';
	const ece: { decrypt(buffer: Buffer, params: { version: 'aes128gcm'; privateKey: ECDH; authSecret: string }): Buffer };
	export default ece;
}
