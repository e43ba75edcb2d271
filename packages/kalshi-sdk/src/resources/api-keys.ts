import type { RequestOptions } from '../http/transport.js';
import { type ResourceContext, send } from '../internal/context.js';
import type {
  CreateApiKeyRequest,
  CreateApiKeyResponse,
  GenerateApiKeyRequest,
  GenerateApiKeyResponse,
  GetApiKeysResponse,
} from '../types/api-keys.js';

/**
 * API key management.
 *
 * @example
 * ```ts
 * const { api_keys } = await client.apiKeys.list();
 * ```
 * @hideconstructor
 */
export class ApiKeysResource {
  readonly #ctx: ResourceContext;
  /** @internal */
  constructor(ctx: ResourceContext) {
    this.#ctx = ctx;
  }
  /** `GET /api_keys`. */
  list(options?: RequestOptions): Promise<GetApiKeysResponse> {
    return send(this.#ctx, 'apiKeys.list', { options });
  }
  /** `POST /api_keys`: registers your own public key. */
  create(body: CreateApiKeyRequest, options?: RequestOptions): Promise<CreateApiKeyResponse> {
    return send(this.#ctx, 'apiKeys.create', { body, options });
  }
  /** `POST /api_keys/generate`: Kalshi generates the pair and returns the private key once. */
  generate(body: GenerateApiKeyRequest, options?: RequestOptions): Promise<GenerateApiKeyResponse> {
    return send(this.#ctx, 'apiKeys.generate', { body, options });
  }
  /** `DELETE /api_keys/{api_key}`. */
  delete(apiKeyId: string, options?: RequestOptions): Promise<void> {
    return send(this.#ctx, 'apiKeys.delete', { path: { api_key: apiKeyId }, options });
  }
}
