import { signedIn, type OperationPolicies } from '../../auth/operation-policy.js';

/** Everyone reads and clears only their own notices; the service scopes every query to the viewer. */
export const notificationsOperations = {
  myNotifications: signedIn,
  unreadNotificationCount: signedIn,
  markNotificationsRead: signedIn,
} satisfies OperationPolicies;
