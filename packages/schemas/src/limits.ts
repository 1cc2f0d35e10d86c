/** Service limits the schemas enforce, per current AWS documentation. */

/** Kinesis partition keys are Unicode strings of at most 256 characters. */
export const KINESIS_PARTITION_KEY_MAX_CHARS = 256;

/** DynamoDB partition-key values are at most 2048 bytes, sort-key values at most 1024 bytes. */
export const DYNAMODB_PARTITION_KEY_MAX_BYTES = 2048;
export const DYNAMODB_SORT_KEY_MAX_BYTES = 1024;

/** DynamoDB items are at most 400 KB, attribute names and values included. */
export const DYNAMODB_ITEM_MAX_BYTES = 400 * 1024;
