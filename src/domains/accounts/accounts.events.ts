// Events the accounts domain emits (after commit).
export type AccountsEvents = {
  'accounts.userCreated': { userId: string; email: string };
  'accounts.userDeleted': { userId: string };
  /** Someone accepted an invitation; when it names an organisation they join it with the role. */
  'accounts.invitationAccepted': { invitationId: string; userId: string; organizationId: string | null; role: string | null; invitedBy: string | null };
};
