import type { IncomingHttpHeaders } from 'node:http';

/**
 * The S3 REST operation a path-style request calls (Amazon S3 API Reference, each operation's
 * request syntax), for the common bucket and object operations; anything else is named by its
 * method and target, e.g. `GET bucket?acl`.
 *
 * @example
 * ```ts
 * s3OperationName('PUT', '/failures/aws/lambda/x', {}); // 'PutObject'
 * s3OperationName('GET', '/failures?list-type=2&prefix=aws/', {}); // 'ListObjectsV2'
 * ```
 */
export function s3OperationName(method: string, url: string, headers: IncomingHttpHeaders): string {
  const [path = '/', query = ''] = url.split('?', 2);
  const params = new URLSearchParams(query);
  const segments = path.split('/').filter((segment) => segment !== '');
  const target = segments.length === 0 ? 'service' : segments.length === 1 ? 'bucket' : 'object';
  const has = (name: string): boolean => params.has(name);
  switch (`${method} ${target}`) {
    case 'GET service':
      return 'ListBuckets';
    case 'PUT bucket':
      return query === '' ? 'CreateBucket' : `PUT bucket?${query}`;
    case 'HEAD bucket':
      return 'HeadBucket';
    case 'DELETE bucket':
      return query === '' ? 'DeleteBucket' : `DELETE bucket?${query}`;
    case 'GET bucket':
      if (params.get('list-type') === '2') return 'ListObjectsV2';
      return [...params.keys()].every((key) => ['prefix', 'delimiter', 'marker', 'max-keys', 'encoding-type'].includes(key)) ? 'ListObjects' : `GET bucket?${query}`;
    case 'POST bucket':
      return has('delete') ? 'DeleteObjects' : `POST bucket?${query}`;
    case 'PUT object':
      if (has('uploadId') && has('partNumber')) return 'UploadPart';
      return headers['x-amz-copy-source'] === undefined ? 'PutObject' : 'CopyObject';
    case 'GET object':
      return 'GetObject';
    case 'HEAD object':
      return 'HeadObject';
    case 'DELETE object':
      return has('uploadId') ? 'AbortMultipartUpload' : 'DeleteObject';
    case 'POST object':
      if (has('uploads')) return 'CreateMultipartUpload';
      return has('uploadId') ? 'CompleteMultipartUpload' : `POST object?${query}`;
    default:
      return `${method} ${target}`;
  }
}
