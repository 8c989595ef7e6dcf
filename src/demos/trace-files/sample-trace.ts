/**
 * The sample a learner can open without a file of their own, and the one print view draws: a Zipkin v2 trace built
 * around the example span of Zipkin's API documentation (backend's `get /api`, ids, times and endpoints as there),
 * with the frontend that called it, the database call it made and a recommendations call that timed out.
 *
 *   frontend: get /                     SERVER
 *   ├── frontend: get /api              CLIENT
 *   │   └── backend: get /api           SERVER   (the documentation's span)
 *   │       └── backend: select users   CLIENT → mysql
 *   └── frontend: get /recommendations  CLIENT   error: timeout
 */
export const SAMPLE_FILE_NAME = 'zipkin-sample.json';

const TRACE = '5af7183fb1d4cf5f';

export const SAMPLE_ZIPKIN_TRACE = JSON.stringify([
  {
    id: '1f2e3d4c5b6a7980',
    traceId: TRACE,
    name: 'get /',
    timestamp: 1556604172354900,
    duration: 4600,
    kind: 'SERVER',
    localEndpoint: { serviceName: 'frontend', ipv4: '192.168.99.2', port: 8080 },
    tags: { 'http.method': 'GET', 'http.path': '/' },
  },
  {
    id: '6b221d5bc9e6496c',
    traceId: TRACE,
    parentId: '1f2e3d4c5b6a7980',
    name: 'get /api',
    timestamp: 1556604172355500,
    duration: 1800,
    kind: 'CLIENT',
    localEndpoint: { serviceName: 'frontend', ipv4: '192.168.99.2', port: 8080 },
    remoteEndpoint: { serviceName: 'backend', ipv4: '192.168.99.1', port: 3306 },
    tags: { 'http.method': 'GET', 'http.path': '/api' },
  },
  {
    id: '352bff9a74ca9ad2',
    traceId: TRACE,
    parentId: '6b221d5bc9e6496c',
    name: 'get /api',
    timestamp: 1556604172355737,
    duration: 1431,
    kind: 'SERVER',
    localEndpoint: { serviceName: 'backend', ipv4: '192.168.99.1', port: 3306 },
    remoteEndpoint: { ipv4: '172.19.0.2', port: 58648 },
    tags: { 'http.method': 'GET', 'http.path': '/api' },
  },
  {
    id: '0a1b2c3d4e5f6071',
    traceId: TRACE,
    parentId: '352bff9a74ca9ad2',
    name: 'select users',
    timestamp: 1556604172356000,
    duration: 900,
    kind: 'CLIENT',
    localEndpoint: { serviceName: 'backend', ipv4: '192.168.99.1', port: 3306 },
    remoteEndpoint: { serviceName: 'mysql', port: 3306 },
    tags: { 'sql.query': 'SELECT * FROM users WHERE id = ?' },
  },
  {
    id: '7c8d9e0f1a2b3c4d',
    traceId: TRACE,
    parentId: '1f2e3d4c5b6a7980',
    name: 'get /recommendations',
    timestamp: 1556604172357400,
    duration: 2000,
    kind: 'CLIENT',
    localEndpoint: { serviceName: 'frontend', ipv4: '192.168.99.2', port: 8080 },
    remoteEndpoint: { serviceName: 'recommendations' },
    tags: { 'http.method': 'GET', 'http.path': '/recommendations', error: 'timeout' },
    annotations: [{ timestamp: 1556604172359400, value: 'timeout' }],
  },
]);
