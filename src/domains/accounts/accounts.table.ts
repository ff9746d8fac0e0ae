// Kysely types of the accounts domain's tables (see migration 2026-11-28-0002).
import type { PlatformTables } from '../../db/index.js';

export interface UserTable {
  id: string;
  email: string;
  name: string;
  password_hash: string | null;
  email_confirmed_at: string | null;
  is_site_admin: number;
  locale: string;
  created_at: string;
  updated_at: string;
}

export interface SessionTable {
  id: string;
  token_hash: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  user_agent: string | null;
}

export interface ApiTokenTable {
  id: string;
  user_id: string;
  name: string | null;
  token_hash: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export type EmailTokenPurpose = 'confirm_email' | 'reset_password' | 'change_email';

export interface EmailTokenTable {
  id: string;
  token_hash: string;
  purpose: EmailTokenPurpose;
  user_id: string;
  email: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface AuthThrottleTable {
  key: string;
  failures: number;
  window_started_at: string;
}

export interface SiteSettingTable {
  key: string;
  value: string; // JSON
  updated_at: string;
}

export interface InvitationTable {
  id: string;
  token_hash: string;
  email: string;
  organization_id: string | null;
  role: string | null;
  invited_by: string | null;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  accepted_by: string | null;
  revoked_at: string | null;
}

export interface AccountsTables extends PlatformTables {
  user: UserTable;
  session: SessionTable;
  api_token: ApiTokenTable;
  email_token: EmailTokenTable;
  auth_throttle: AuthThrottleTable;
  site_setting: SiteSettingTable;
  invitation: InvitationTable;
}
