/**
 * The stable OpenTelemetry semantic-convention attribute names the simulated services set. Kept here as plain
 * strings, the same values as `@opentelemetry/semantic-conventions`, so that `sim/` depends on the API alone.
 */
export const ATTR = {
  httpRequestMethod: 'http.request.method',
  httpRoute: 'http.route',
  httpResponseStatusCode: 'http.response.status_code',
  urlFull: 'url.full',
  urlPath: 'url.path',
  urlQuery: 'url.query',
  urlScheme: 'url.scheme',
  urlTemplate: 'url.template',
  serverAddress: 'server.address',
  serverPort: 'server.port',
  clientAddress: 'client.address',
  userAgentOriginal: 'user_agent.original',
  errorType: 'error.type',
  dbSystemName: 'db.system.name',
  dbNamespace: 'db.namespace',
  dbCollectionName: 'db.collection.name',
  dbOperationName: 'db.operation.name',
  dbQueryText: 'db.query.text',
  dbResponseReturnedRows: 'db.response.returned_rows',
} as const;
