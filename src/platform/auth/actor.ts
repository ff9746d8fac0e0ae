// Who is acting. Built once per request by the auth hook (credentials → user → memberships) and
// handed to services, whose pure policy functions decide what the actor may do.

export const organizationRoles = ['admin', 'editor', 'member'] as const;
export type OrganizationRole = (typeof organizationRoles)[number];

export type Actor =
  | { kind: 'anonymous' }
  | {
      kind: 'user';
      userId: string;
      email: string;
      name: string;
      isSiteAdmin: boolean;
      /** Role per organisation id. */
      roles: Readonly<Record<string, OrganizationRole>>;
      /** How the request authenticated: a browser session or an API token. */
      via: 'session' | 'token' | 'cli';
    };

export type UserActor = Extract<Actor, { kind: 'user' }>;

export const anonymous: Actor = Object.freeze({ kind: 'anonymous' });

export function isUser(actor: Actor): actor is UserActor {
  return actor.kind === 'user';
}

export function roleIn(actor: Actor, organizationId: string): OrganizationRole | undefined {
  return actor.kind === 'user' ? actor.roles[organizationId] : undefined;
}
