import { loadApiEnv, type ApiEnv } from '@dd/config';
import type { OperatorDetails } from '@dd/contract';

/** The operator is the seller of the invoices (one legal entity), with the contacts of libs/config's operator settings. */
export function operatorDetailsFrom(
  env: Pick<ApiEnv, 'PLATFORM_NAME' | 'PLATFORM_ADDRESS' | 'PLATFORM_KVK' | 'PRIVACY_CONTACT_EMAIL' | 'SUPPORT_EMAIL' | 'OPERATOR_DETAILS_EXAMPLE'>,
): OperatorDetails {
  return {
    name: env.PLATFORM_NAME,
    addressLines: env.PLATFORM_ADDRESS,
    kvkNumber: env.PLATFORM_KVK,
    privacyEmail: env.PRIVACY_CONTACT_EMAIL,
    supportEmail: env.SUPPORT_EMAIL,
    example: env.OPERATOR_DETAILS_EXAMPLE,
  };
}

/** What an empty environment gives: the example details of development and tests. */
export const DEFAULT_OPERATOR_DETAILS: OperatorDetails = operatorDetailsFrom(loadApiEnv({}));
