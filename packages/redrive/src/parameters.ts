/**
 * The platform's SSM parameter naming the failure bucket (Lambda's S3 on-failure destinations),
 * per the platform parameter contract (`/wildrydes/platform/failure-bucket-name`).
 */
export const FAILURE_BUCKET_PARAMETER = '/wildrydes/platform/failure-bucket-name';
