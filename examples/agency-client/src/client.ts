import type { TypedDocumentString } from './gql/graphql';

/** Where the registry answers and who is asking: the user's token and the purpose of the work. */
export interface RegistryClientOptions {
  endpoint: string;
  token: string;
  /** X-Purpose: one of the purposes the token grants (e.g. education-support). */
  purpose: string;
  /** Replaceable for tests and for proxies; the global fetch by default. */
  fetch?: typeof fetch;
}

/** An error the registry answered with, by its stable code (README, "API conventions"). */
export class RegistryError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** The registry says the same request may succeed later (an agency's service was unavailable). */
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'RegistryError';
  }
}

interface GraphQLAnswer<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; retryable?: boolean } }[];
}

/** A minimal typed client: the documents carry their result and variable types. */
export class RegistryClient {
  constructor(private readonly options: RegistryClientOptions) {}

  async execute<TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>, variables: TVariables): Promise<TResult> {
    const response = await (this.options.fetch ?? fetch)(this.options.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.options.token}`, 'x-purpose': this.options.purpose },
      body: JSON.stringify({ query: document.toString(), variables }),
    });
    if (response.status >= 500) throw new RegistryError('HTTP_' + response.status, `The registry answered HTTP ${response.status}.`, true);
    const answer = (await response.json()) as GraphQLAnswer<TResult>;
    const error = answer.errors?.[0];
    if (error || !answer.data) {
      throw new RegistryError(error?.extensions?.code ?? 'UNKNOWN', error?.message ?? 'No data.', error?.extensions?.retryable === true);
    }
    return answer.data;
  }
}

/**
 * The retry rule (README, "API conventions"): a write whose answer was lost (the connection broke,
 * a timeout, HTTP 5xx) or refused as retryable is sent again with the same idempotency key and the
 * same input, a few times with growing pauses; the registry creates it once. Any other error is
 * final: fix the input, or read again after a VERSION_CONFLICT.
 */
export async function withRetry<T>(attempt: () => Promise<T>, options: { attempts?: number; pauseMs?: number } = {}): Promise<T> {
  const attempts = options.attempts ?? 4;
  for (let number = 1; ; number++) {
    try {
      return await attempt();
    } catch (err) {
      const retryable = !(err instanceof RegistryError) || err.retryable;
      if (!retryable || number >= attempts) throw err;
      await new Promise((done) => setTimeout(done, (options.pauseMs ?? 200) * 2 ** (number - 1)));
    }
  }
}
