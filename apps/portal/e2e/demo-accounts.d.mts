import type { APIRequestContext } from '@playwright/test';

export declare const demoPassword: string;
export declare const demoTotpSecret: string;
export declare function completeSecondFactor(
  request: APIRequestContext,
  csrfToken: string,
): Promise<void>;
