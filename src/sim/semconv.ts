/**
 * The incubating semantic-convention attribute names the simulated services set, copied here as the
 * `@opentelemetry/semantic-conventions` README recommends: its `incubating` entry point may break in a minor
 * release. The stable names (`ATTR_HTTP_REQUEST_METHOD`, `ATTR_DB_QUERY_TEXT`, …) are imported from the package
 * itself. Both below are incubating in 1.45.0 (checked in node_modules); move each to the package import once the
 * conventions declare it stable.
 */

/** The route template of the target, on an HTTP client span (`/taste/{beer}`). */
export const ATTR_URL_TEMPLATE = 'url.template' as const;

/** How many rows a database operation returned. */
export const ATTR_DB_RESPONSE_RETURNED_ROWS = 'db.response.returned_rows' as const;
