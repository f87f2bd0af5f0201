import type { ApiError } from '../api';
import { ErrorBox } from './common';

/**
 * True when the server has no such endpoint (an older server, or one without the API yet): Jersey's own 404
 * ("HTTP 404 Not Found") or a 405 for a path that exists with other methods. A resource's own 404 (e.g. "no
 * subject for ...") has its own message and is not this.
 */
export function isMissingApi(error: ApiError | undefined): boolean {
  return !!error && ((error.status === 404 && /^HTTP 404 Not Found$/i.test(error.message)) || error.status === 405);
}

/**
 * An error from an API call: when the endpoint is missing, says which API this needs and what to do; otherwise
 * what went wrong, with the server's details.
 */
export function ApiProblem({ error, api, title }: { error: ApiError | undefined; api: string; title: string }) {
  if (!error) return null;
  if (isMissingApi(error)) {
    return (
      <div className="notice needs-api" role="status">
        <strong>This needs the {api} API, which this server does not offer yet.</strong> Upgrade Cairn to a
        version with it, or ask your admin; the rest of the page works without it.
      </div>
    );
  }
  return <ErrorBox error={error} title={title} />;
}
