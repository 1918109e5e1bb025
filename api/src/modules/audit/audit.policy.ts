import { only, type OperationPolicies } from '../../auth/operation-policy.js';
import { Role } from '../../auth/roles.js';

export const auditOperations = {
  auditLog: only(Role.PROVINCE_ADMIN),
} satisfies OperationPolicies;
