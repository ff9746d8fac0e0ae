// /organizations/{slug}/members: who belongs with which role; for the organisation's admins also
// role changes, removal (through a confirmation page), invitations by e-mail and open invitations.
import { organizationRoles } from '../../../platform/auth/actor.js';
import { formatDate, isMessageKey } from '../../../platform/i18n/index.js';
import { ActionButton, ErrorSummary, Form, SelectField, SubmitButton, TextField, fieldId, type FormState } from '../../../platform/views/forms.js';
import { Layout, type PageContext } from '../../../platform/views/index.js';
import type { MemberView, OrganizationView } from '../organization.presenter.js';
import { Lang, roleLabels } from './shared.js';

export interface InvitationRow {
  id: string;
  email: string;
  role: keyof typeof roleLabels | null;
  expiresAt: string;
}

export interface MembersPageProps {
  ctx: PageContext;
  org: OrganizationView;
  members: MemberView[];
  invitations: InvitationRow[];
  /** Problems of a role change (`role-<userId>`) or removal, shown in the summary. */
  memberErrors: FormState;
  inviteForm: FormState;
}

export const roleFieldName = (userId: string) => `role-${userId}`;

function RoleForm({ ctx, org, member, invalid }: { ctx: PageContext; org: OrganizationView; member: MemberView; invalid: boolean }) {
  const { t } = ctx;
  const id = fieldId(roleFieldName(member.userId));
  return (
    <form action={ctx.href(`/organizations/${org.slug}/members/${member.userId}/role`)} method="post" class="actions">
      <input type="hidden" name="_csrf" value={ctx.csrfToken} />
      <label for={id} class="visually-hidden">
        {t('organizations.members.roleFor', { name: member.name })}
      </label>
      <select id={id} name="role" aria-invalid={invalid ? 'true' : undefined} aria-describedby={invalid ? `${id}-error` : undefined}>
        {organizationRoles.map((role) => (
          <option value={role} selected={member.role === role}>
            {t(roleLabels[role])}
          </option>
        ))}
      </select>
      <button type="submit" class="button button-secondary">
        {t('organizations.members.changeRole')}
        <span class="visually-hidden"> {t('organizations.members.forName', { name: member.name })}</span>
      </button>
    </form>
  );
}

export function MembersPage({ ctx, org, members, invitations, memberErrors, inviteForm }: MembersPageProps) {
  const { t } = ctx;
  const manage = org.abilities.manageMembers;
  const memberLabels = Object.fromEntries(members.map((m) => [roleFieldName(m.userId), t('organizations.members.roleFor', { name: m.name })]));
  const inviteLabels = { email: t('organizations.field.email'), role: t('organizations.field.role') };
  return (
    <Layout ctx={ctx} title={t('organizations.members.title', { name: org.name })}>
      <p>
        <a href={ctx.href(`/organizations/${org.slug}`)}>
          {t('organizations.backTo')} <Lang lang={org.nameLang}>{org.name}</Lang>
        </a>
      </p>
      <h1>{t('organizations.members.title', { name: org.name })}</h1>
      <ErrorSummary ctx={ctx} form={{ values: {}, errors: { ...memberErrors.errors, ...inviteForm.errors } }} labels={{ ...memberLabels, ...inviteLabels }} />

      <section aria-labelledby="members-heading">
        <h2 id="members-heading">{t('organizations.members.heading', { count: members.length })}</h2>
        <p>{t('organizations.members.rolesExplained')}</p>
        <div class="table-scroll">
          <table>
            <caption class="visually-hidden">{t('organizations.members.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('organizations.members.name')}</th>
                {manage ? <th scope="col">{t('organizations.field.email')}</th> : null}
                <th scope="col">{t('organizations.field.role')}</th>
                <th scope="col">{t('organizations.members.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {members.map((member) => {
                const errors = memberErrors.errors[roleFieldName(member.userId)] ?? [];
                return (
                  <tr>
                    <th scope="row">
                      {member.name}
                      {member.isSelf ? <span class="small"> ({t('organizations.members.you')})</span> : null}
                    </th>
                    {manage ? <td>{member.email}</td> : null}
                    <td>
                      {errors.length ? (
                        <p class="field-error" id={`${fieldId(roleFieldName(member.userId))}-error`}>
                          {errors.map((m) => (isMessageKey(m) ? t(m) : m)).join(' ')}
                        </p>
                      ) : null}
                      {manage ? <RoleForm ctx={ctx} org={org} member={member} invalid={errors.length > 0} /> : t(roleLabels[member.role])}
                    </td>
                    <td>
                      {member.canRemove ? (
                        <a href={ctx.href(`/organizations/${org.slug}/members/${member.userId}/remove`)}>
                          {member.isSelf ? t('organizations.members.leave') : t('organizations.members.remove')}
                          {member.isSelf ? null : <span class="visually-hidden"> {member.name}</span>}
                        </a>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>

      {org.abilities.invite ? (
        <section aria-labelledby="invite-heading">
          <h2 id="invite-heading">{t('organizations.invite.heading')}</h2>
          <p>{t('organizations.invite.intro')}</p>
          <Form ctx={ctx} action={`/organizations/${org.slug}/members/invite`}>
            <TextField ctx={ctx} form={inviteForm} name="email" type="email" label={inviteLabels.email} required maxLength={254} autocomplete="off" />
            <SelectField ctx={ctx} form={inviteForm} name="role" label={inviteLabels.role} required options={organizationRoles.map((role) => ({ value: role, label: t(roleLabels[role]) }))} />
            <div>
              <SubmitButton>{t('organizations.invite.submit')}</SubmitButton>
            </div>
          </Form>
        </section>
      ) : null}

      {manage ? (
        <section aria-labelledby="invitations-heading">
          <h2 id="invitations-heading">{t('organizations.invitations.heading')}</h2>
          {invitations.length === 0 ? (
            <p>{t('organizations.invitations.none')}</p>
          ) : (
            <div class="table-scroll">
              <table>
                <caption class="visually-hidden">{t('organizations.invitations.heading')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('organizations.field.email')}</th>
                    <th scope="col">{t('organizations.field.role')}</th>
                    <th scope="col">{t('organizations.invitations.expires')}</th>
                    <th scope="col">{t('organizations.members.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {invitations.map((inv) => (
                    <tr>
                      <th scope="row">{inv.email}</th>
                      <td>{inv.role ? t(roleLabels[inv.role]) : ''}</td>
                      <td>{formatDate(ctx.locale, new Date(inv.expiresAt))}</td>
                      <td>
                        <ActionButton ctx={ctx} action={`/organizations/${org.slug}/invitations/${inv.id}/revoke`} label={t('organizations.invitations.revoke', { email: inv.email })} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ) : null}
    </Layout>
  );
}

export function RemoveMemberPage({ ctx, org, member }: { ctx: PageContext; org: OrganizationView; member: MemberView }) {
  const { t } = ctx;
  const title = member.isSelf ? t('organizations.remove.leaveTitle', { name: org.name }) : t('organizations.remove.title', { member: member.name, name: org.name });
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>{member.isSelf ? t('organizations.remove.leaveText') : t('organizations.remove.text', { member: member.name })}</p>
      <div class="actions">
        <ActionButton
          ctx={ctx}
          action={`/organizations/${org.slug}/members/${member.userId}/remove`}
          label={member.isSelf ? t('organizations.remove.leaveConfirm') : t('organizations.remove.confirm', { member: member.name })}
          variant="danger"
        />
        <a href={ctx.href(`/organizations/${org.slug}/members`)}>{t('organizations.cancel')}</a>
      </div>
    </Layout>
  );
}
