import { anyone, only, signedIn, type OperationPolicies } from '../../auth/operation-policy.js';
import { Role } from '../../auth/roles.js';

export const accountsOperations = {
  me: anyone,
  signUp: anyone,
  login: anyone,
  logout: signedIn,
  changePassword: signedIn,
  updateProfile: signedIn,
  users: only(Role.PROVINCE_ADMIN),
  grantRole: only(Role.PROVINCE_ADMIN),
  revokeRole: only(Role.PROVINCE_ADMIN),
} satisfies OperationPolicies;
