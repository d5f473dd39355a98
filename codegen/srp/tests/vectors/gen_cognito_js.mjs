// Runs amazon-cognito-identity-js (npm, AWS's JavaScript SDK for user pools) on
// every case of cases.json; writes cognito-js.json.
//
// The SDK is driven through its public classes (CognitoUserPool, CognitoUser,
// AuthenticationDetails, AuthenticationHelper, DateHelper) with its network
// client replaced by a stub that answers InitiateAuth / RespondToAuthChallenge
// with the case's challenge parameters and records what the SDK sends. Its
// randomness (crypto.getRandomValues) hands out the case's fixed bytes and its
// clock (Date) is frozen at the case's time. Nothing of the SDK is copied.
//
// Run with NODE_PATH pointing at the node_modules that holds the SDK
// (regenerate.sh does this).

import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { createHmac } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(join(process.env.SDK_NODE_MODULES ?? here, 'x.js'));

// ---- fixed randomness -------------------------------------------------------
let queue = Buffer.alloc(0);
const loadRandom = (...hexChunks) => {
	queue = Buffer.concat(hexChunks.map((h) => Buffer.from(h, 'hex')));
};
globalThis.crypto.getRandomValues = (array) => {
	// The SDK asks for one 32-bit word at a time and reads it big-endian.
	const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
	if (queue.length < bytes.length) throw new Error('random queue exhausted');
	if (array instanceof Uint32Array) {
		for (let i = 0; i < array.length; i++) array[i] = queue.readUInt32BE(4 * i);
	} else {
		bytes.set(queue.subarray(0, bytes.length));
	}
	queue = queue.subarray(bytes.length);
	return array;
};

// ---- frozen clock -------------------------------------------------------------
const RealDate = Date;
let frozenMillis = 0;
globalThis.Date = class extends RealDate {
	constructor(...args) {
		if (args.length === 0) super(frozenMillis);
		else super(...args);
	}
	static now() {
		return frozenMillis;
	}
};

const sdk = require('amazon-cognito-identity-js');
const AuthenticationHelper = require('amazon-cognito-identity-js/lib/AuthenticationHelper').default;
const DateHelper = require('amazon-cognito-identity-js/lib/DateHelper').default;
const sdkVersion = require('amazon-cognito-identity-js/package.json').version;

// ---- a stub of the SDK's network client ----------------------------------------
function stubClient(pool, onRequest) {
	pool.client.request = (operation, params, callback) => {
		try {
			const reply = onRequest(operation, params);
			callback(reply.error ?? null, reply.data ?? null);
		} catch (error) {
			callback(error, null);
		}
	};
}

const memoryStorage = () => {
	const items = {};
	return {
		setItem: (k, v) => (items[k] = String(v)),
		getItem: (k) => (k in items ? items[k] : null),
		removeItem: (k) => delete items[k],
		clear: () => Object.keys(items).forEach((k) => delete items[k]),
	};
};

const STOP = { code: 'StopAfterAnswer', message: 'vector recorded' };

function userCase(c) {
	return new Promise((resolve) => {
		const params = c.challenge_parameters;
		const clientId = c.client_id ?? 'client-id';
		const pool = new sdk.CognitoUserPool({ UserPoolId: c.pool_id, ClientId: clientId, Storage: memoryStorage() });
		const out = { name: c.name };
		stubClient(pool, (operation, request) => {
			if (operation === 'InitiateAuth') {
				out.srp_a = request.AuthParameters.SRP_A;
				return { data: { ChallengeName: 'PASSWORD_VERIFIER', ChallengeParameters: params, Session: 's' } };
			}
			if (operation === 'RespondToAuthChallenge') {
				out.ok = request.ChallengeResponses;
				return { error: STOP };
			}
			throw new Error(`unexpected ${operation}`);
		});
		// The user types USERNAME; the SDK switches to USER_ID_FOR_SRP itself.
		const user = new sdk.CognitoUser({ Username: params.USERNAME, Pool: pool, Storage: memoryStorage() });
		const details = new sdk.AuthenticationDetails({ Username: params.USERNAME, Password: c.password });
		frozenMillis = c.unix_time * 1000;
		loadRandom(c.private_key_hex);
		const done = (error) => {
			if (error && error !== STOP && !out.ok) out.error = `${error.name ?? 'Error'}: ${error.message}`;
			resolve(out);
		};
		user.authenticateUser(details, { onSuccess: () => done(), onFailure: done });
	});
}

function deviceCase(c) {
	return new Promise((resolve) => {
		const params = c.challenge_parameters;
		const pool = new sdk.CognitoUserPool({ UserPoolId: 'us-east-1_unused', ClientId: c.client_id ?? 'client-id', Storage: memoryStorage() });
		const out = { name: c.name };
		stubClient(pool, (operation, request) => {
			if (operation !== 'RespondToAuthChallenge') throw new Error(`unexpected ${operation}`);
			if (request.ChallengeName === 'DEVICE_SRP_AUTH') {
				out.srp_a = request.ChallengeResponses.SRP_A;
				return { data: { ChallengeName: 'DEVICE_PASSWORD_VERIFIER', ChallengeParameters: params, Session: 's' } };
			}
			out.ok = request.ChallengeResponses;
			return { error: STOP };
		});
		const user = new sdk.CognitoUser({ Username: params.USERNAME, Pool: pool, Storage: memoryStorage() });
		user.deviceKey = c.device_key;
		user.deviceGroupKey = c.device_group_key;
		user.randomPassword = c.device_password;
		frozenMillis = c.unix_time * 1000;
		loadRandom(c.private_key_hex);
		const done = (error) => {
			if (error && error !== STOP && !out.ok) out.error = `${error.name ?? 'Error'}: ${error.message}`;
			resolve(out);
		};
		user.getDeviceResponse({ onSuccess: () => done(), onFailure: done });
	});
}

function deviceVerifierCase(c) {
	return new Promise((resolve, reject) => {
		// The helper draws its own `a` first (128 bytes), then the password and the salt.
		loadRandom('00'.repeat(128));
		const helper = new AuthenticationHelper(c.device_group_key);
		loadRandom(c.password_bytes_hex, c.salt_bytes_hex);
		helper.generateHashDevice(c.device_group_key, c.device_key, (error) => {
			if (error) return reject(error);
			// As CognitoUser.confirmDevice builds DeviceSecretVerifierConfig.
			resolve({
				name: c.name,
				device_password: helper.getRandomPassword(),
				config: {
					Salt: Buffer.from(helper.getSaltDevices(), 'hex').toString('base64'),
					PasswordVerifier: Buffer.from(helper.getVerifierDevices(), 'hex').toString('base64'),
				},
			});
		});
	});
}

// amazon-cognito-identity-js has no SECRET_HASH (it does not support app
// clients with a secret). This is an independent check with Node's own HMAC of
// the formula in AWS's documentation, not a reference implementation.
const secretHashCase = (c) => ({
	name: c.name,
	secret_hash_node_crypto: createHmac('sha256', c.client_secret).update(c.username + c.client_id).digest('base64'),
});

function timestampCase(c) {
	frozenMillis = c.unix_time * 1000;
	return { name: c.name, date_helper: new DateHelper().getNowString() };
}

const cases = JSON.parse(readFileSync(join(here, 'cases.json'), 'utf8'));
const out = {
	comment: 'Outputs of amazon-cognito-identity-js for cases.json; written by gen_cognito_js.mjs.',
	implementation: `amazon-cognito-identity-js ${sdkVersion} (Node ${process.versions.node})`,
	user: [],
	device: [],
	device_verifier: [],
	secret_hash: cases.secret_hash.map(secretHashCase),
	timestamp: cases.timestamp.map(timestampCase),
};
for (const c of cases.user) out.user.push(await userCase(c));
for (const c of cases.device) out.device.push(await deviceCase(c));
for (const c of cases.device_verifier) out.device_verifier.push(await deviceVerifierCase(c));
writeFileSync(join(here, 'cognito-js.json'), JSON.stringify(out, null, 1) + '\n');
