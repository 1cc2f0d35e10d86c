import { x } from '@wildrydes/infra'; export const y = x;
