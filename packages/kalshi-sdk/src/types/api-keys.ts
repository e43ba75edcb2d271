/**
 * Wire types of API key management.
 *
 * @module
 */
import type { UnixSeconds } from './common.js';

/** An API key permission scope. */
export type ApiKeyScope =
  | 'read'
  | 'write'
  | 'read::block_trade_accept'
  | 'read::portfolio_balance'
  | 'write::trade'
  | 'write::transfer'
  | 'write::fcm_risk'
  | 'write::block_trade_accept';

/** Key algorithm. */
export type ApiKeyType = 'rsa' | 'ed25519';

/** An API key (never the private key). */
export interface ApiKey {
  /** Key id. */
  api_key_id: string;
  /** Name. */
  name: string;
  /** Scopes. */
  scopes: ApiKeyScope[];
  /** Locked subaccount, if restricted. */
  subaccount?: number | null;
  /** FCM subtrader. */
  fcm_subtrader_id?: string | null;
}

/** Response of `GET /api_keys`. */
export interface GetApiKeysResponse {
  /** Your keys. */
  api_keys: ApiKey[];
  /** Location attestation expiry (Unix s). */
  api_key_region_expiration_ts?: UnixSeconds | null;
}

/** Body of `POST /api_keys` (register your own public key). */
export interface CreateApiKeyRequest {
  /** Name. */
  name: string;
  /** Public key PEM. */
  public_key: string;
  /** Scopes (default: read and write). */
  scopes?: ApiKeyScope[];
  /** Lock to one subaccount. */
  subaccount?: number;
}

/** Response of `POST /api_keys`. */
export interface CreateApiKeyResponse {
  /** New key id. */
  api_key_id: string;
  /** Warning, if any. */
  warning?: string | null;
}

/** Body of `POST /api_keys/generate`. */
export interface GenerateApiKeyRequest {
  /** Name. */
  name: string;
  /** Algorithm (default RSA). */
  key_type?: ApiKeyType;
  /** Scopes. */
  scopes?: ApiKeyScope[];
  /** Lock to one subaccount. */
  subaccount?: number;
}

/**
 * Response of `POST /api_keys/generate`.
 *
 * @remarks Holds the private key, returned once. The SDK never logs response bodies.
 */
export interface GenerateApiKeyResponse {
  /** New key id. */
  api_key_id: string;
  /** Algorithm. */
  key_type?: ApiKeyType;
  /** The private key PEM (shown once). */
  private_key: string;
  /** Warning, if any. */
  warning?: string | null;
}
