/**
 * Instrumentation scopes: the name of the tracer that made a span, one per instrumentation library and one per
 * module that adds spans by hand, as a real SDK reports them. A trace tells automatic spans from manual ones by their
 * scope, so every simulated library asks its service's provider for a tracer of its own name. The services run on
 * OpenTelemetry JS (their resource says `telemetry.sdk.language: webjs`), so the libraries are named after the JS
 * instrumentation packages that make such spans in Node.
 */

/** HTTP server and client spans: in Node one package, `instrumentation-http`, makes both. */
export const HTTP_SCOPE = '@opentelemetry/instrumentation-http';
/** The PostgreSQL client's spans. */
export const PG_SCOPE = '@opentelemetry/instrumentation-pg';
/** The Redis client's spans. */
export const REDIS_SCOPE = '@opentelemetry/instrumentation-redis';
/** The matchmaker's own hand-made spans (workshop step 6): named after the module that makes them. */
export const MATCHMAKER_MANUAL_SCOPE = 'matchmaker.web.pairing';
/** fizzer's and buzzer's hand-made spans (`is divisible`, `load rule`). */
export const DIVISOR_MANUAL_SCOPE = 'fizzbuzz.divisor';
