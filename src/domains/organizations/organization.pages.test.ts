// The organisation pages through app.inject: both languages, forms with error summaries, CSRF,
// 404 for pages one may not use, logo uploads, and the member pages.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { domainsOf } from '../../domains.js';
import { addMember, createOrg, createUser, formSession, multipartBody, sessionCookie, startApp, urlencoded, type OrgTestApp, type TestUser } from './testing.js';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

/** The text of an HTML page without tags (to check what a reader sees). */
function text(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ');
}

describe('organisation pages', () => {
  let t: OrgTestApp;
  let siteAdmin: TestUser;
  let admin: TestUser;
  let editor: TestUser;
  let member: TestUser;
  let otherAdmin: TestUser;
  const sessions = new Map<TestUser, string>();
  let orgId: string;

  const session = async (user: TestUser) => {
    if (!sessions.has(user)) sessions.set(user, await sessionCookie(t, user));
    return sessions.get(user)!;
  };
  const get = async (url: string, user?: TestUser) => t.app.inject({ method: 'GET', url, cookies: user ? { allmanning_session: await session(user) } : {} });
  /** Opens `formUrl` as `user` and posts `fields` (with the CSRF token) to `action`. */
  const post = async (user: TestUser, formUrl: string, action: string, fields: Record<string, string>) => {
    const form = await formSession(t, formUrl, await session(user));
    assert.equal(form.status, 200, `the form page ${formUrl} opens`);
    return t.app.inject({ method: 'POST', url: action, headers: FORM, cookies: form.cookies, payload: urlencoded({ _csrf: form.csrf, ...fields }) });
  };

  before(async () => {
    t = await startApp();
    [siteAdmin, admin, editor, member, otherAdmin] = await Promise.all([
      createUser(t, { siteAdmin: true, name: 'Sara Sajtadmin' }),
      createUser(t, { name: 'Anna Admin' }),
      createUser(t, { name: 'Eva Redaktör' }),
      createUser(t, { name: 'Måns Medlem' }),
      createUser(t, { name: 'Olle Annan' }),
    ]);
    const org = await createOrg(t, {
      name: { sv: 'Lantmäteriet', en: 'Swedish Mapping Authority' },
      slug: 'lantmateriet',
      orgNumber: '2021004888',
      website: 'https://www.lantmateriet.se',
      contactEmail: 'kundcenter@example.se',
      description: { sv: 'Vi gör **kartor**. <script>alert(1)</script> [Läs mer](https://www.lantmateriet.se) [farligt](javascript:alert(1))' },
    });
    orgId = org.id;
    await addMember(t, org.id, admin, 'admin');
    await addMember(t, org.id, editor, 'editor');
    await addMember(t, org.id, member, 'member');
    const other = await createOrg(t, { name: { sv: 'Annat verk' }, slug: 'annat-verk' });
    await addMember(t, other.id, otherAdmin, 'admin');
  });
  after(() => t.close());

  test('the list in Swedish and English, with search, type filter and paging', async () => {
    const sv = await get('/organizations');
    assert.equal(sv.statusCode, 200);
    assert.match(sv.body, /<html lang="sv">/);
    assert.match(sv.body, /<h1>Organisationer<\/h1>/);
    assert.match(sv.body, /href="\/organizations\/lantmateriet"/);
    assert.match(text(sv.body), /Statlig myndighet/);
    const en = await get('/en/organizations');
    assert.match(en.body, /<html lang="en">/);
    assert.match(en.body, /<h1>Organisations<\/h1>/);
    assert.match(en.body, /href="\/en\/organizations\/lantmateriet">Swedish Mapping Authority/);
    assert.match(text(en.body), /Government agency/);

    const search = await get(`/organizations?q=${encodeURIComponent('LANTMÄTERIET')}`);
    assert.match(search.body, /lantmateriet/);
    assert.doesNotMatch(search.body, /annat-verk/);
    assert.match(search.body, /value="LANTMÄTERIET"/, 'the search box keeps the query');
    const none = await get('/en/organizations?q=zzzz');
    assert.match(text(none.body), /No organisations match the search/);
    const typed = await get('/organizations?type=municipality');
    assert.doesNotMatch(typed.body, /lantmateriet/);
    assert.match(typed.body, /<option value="municipality" selected>/);
    assert.equal((await get('/organizations?type=bogus&page=-3&q=')).statusCode, 200, 'nonsense parameters are ignored');

    for (let i = 0; i < 21; i++) await createOrg(t, { name: { sv: `Kommun nummer ${String(i).padStart(2, '0')}` }, type: 'municipality' });
    const page1 = await get('/organizations?type=municipality');
    assert.match(page1.body, /Sida 1 av 2/);
    assert.match(page1.body, /href="\/organizations\?type=municipality&amp;page=2" rel="next"/);
    const page2 = await get('/en/organizations?type=municipality&page=2');
    assert.match(page2.body, /Page 2 of 2/);
    assert.match(page2.body, /Kommun nummer 20/);
    assert.match(page2.body, /rel="prev"/);
  });

  test('signed-in people see "add an organisation"; anonymous visitors do not', async () => {
    assert.match((await get('/organizations', siteAdmin)).body, /href="\/organizations\/new"/);
    assert.match((await get('/organizations', admin)).body, /href="\/organizations\/new"/);
    assert.doesNotMatch((await get('/organizations')).body, /href="\/organizations\/new"/);
  });

  test('the organisation page: facts, Markdown made safe, and an edit link only for those who may edit', async () => {
    const sv = await get('/organizations/lantmateriet');
    assert.equal(sv.statusCode, 200);
    assert.match(sv.body, /<h1>Lantmäteriet<\/h1>/);
    assert.match(sv.body, /202100-4888/);
    assert.match(sv.body, /href="mailto:kundcenter@example.se"/);
    assert.match(sv.body, /Vi gör <strong>kartor<\/strong>/);
    assert.match(sv.body, /<a href="https:\/\/www.lantmateriet.se" rel="nofollow ugc">Läs mer<\/a>/);
    assert.doesNotMatch(sv.body, /<script>alert/);
    assert.doesNotMatch(sv.body, /href="javascript/i);
    assert.match(text(sv.body), /Antal medlemmar 3/);
    assert.doesNotMatch(sv.body, /\/organizations\/lantmateriet\/edit/, 'anonymous: no edit link');
    assert.doesNotMatch(sv.body, /\/organizations\/lantmateriet\/members/, 'anonymous: no members link');

    const en = await get('/en/organizations/lantmateriet');
    assert.match(en.body, /<h1>Swedish Mapping Authority<\/h1>/);
    assert.match(en.body, /<div class="prose" lang="sv">/, 'the Swedish description is marked as Swedish');

    assert.match((await get('/organizations/lantmateriet', admin)).body, /href="\/organizations\/lantmateriet\/edit"/);
    assert.match((await get('/organizations/lantmateriet', siteAdmin)).body, /href="\/organizations\/lantmateriet\/edit"/);
    const asEditor = (await get('/organizations/lantmateriet', editor)).body;
    assert.doesNotMatch(asEditor, /\/edit"/);
    assert.match(asEditor, /href="\/organizations\/lantmateriet\/members"/);
    assert.doesNotMatch((await get('/organizations/lantmateriet', otherAdmin)).body, /\/edit"|\/members"/);
    assert.equal((await get('/organizations/finns-inte')).statusCode, 404);
  });

  test('create: signed-in people only (404 for the anonymous); errors re-render with 400 and a summary; success redirects', async () => {
    assert.equal((await get('/organizations/new')).statusCode, 404);
    assert.equal((await get('/organizations/new', admin)).statusCode, 200);
    const page = await get('/organizations/new', siteAdmin);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<label for="field-name-sv">Namn på svenska<\/label>/);

    const bad = await post(siteAdmin, '/organizations/new', '/organizations/new', { 'name.sv': '', orgNumber: '202100-5488', type: 'state_agency', website: 'inte en adress' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /class="error-summary"/);
    assert.match(bad.body, /<a href="#field-name-sv">Namn på svenska: Fyll i fältet.<\/a>/);
    assert.match(bad.body, /<a href="#field-orgNumber">Organisationsnummer: Skriv ett giltigt organisationsnummer/);
    assert.match(bad.body, /id="field-orgNumber-error"/);
    assert.match(bad.body, /aria-invalid="true"/);
    assert.match(bad.body, /value="202100-5488"/, 'what was typed is kept');

    const badEn = await post(siteAdmin, '/en/organizations/new', '/en/organizations/new', { 'name.sv': 'x'.repeat(201), type: 'state_agency' });
    assert.equal(badEn.statusCode, 400);
    assert.match(badEn.body, /There is a problem with the form/);
    assert.match(badEn.body, /Name in Swedish: The text is too long./);

    const taken = await post(siteAdmin, '/organizations/new', '/organizations/new', { 'name.sv': 'Kopia', slug: 'lantmateriet', type: 'other' });
    assert.equal(taken.statusCode, 409);
    assert.match(taken.body, /Adressen används redan av en annan organisation./);

    const ok = await post(siteAdmin, '/organizations/new', '/organizations/new', { 'name.sv': 'Försäkringskassan', 'name.en': 'Swedish Social Insurance Agency', orgNumber: '2021005521', type: 'state_agency', slug: '', website: '', contactEmail: '', 'description.sv': '', 'description.en': '' });
    assert.equal(ok.statusCode, 303, ok.body);
    assert.equal(ok.headers.location, '/organizations/forsakringskassan');
    const flash = ok.cookies.find((c) => c.name === 'allmanning_flash')!;
    const shown = await t.app.inject({ method: 'GET', url: '/organizations/forsakringskassan', cookies: { allmanning_flash: flash.value, allmanning_session: await session(siteAdmin) } });
    assert.match(shown.body, /Organisationen är skapad./);
    const enOk = await post(siteAdmin, '/en/organizations/new', '/en/organizations/new', { 'name.sv': 'Pensionsmyndigheten', type: 'state_agency' });
    assert.equal(enOk.headers.location, '/en/organizations/pensionsmyndigheten');
  });

  test('a form post without the CSRF token is refused', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/organizations/lantmateriet/edit', headers: FORM, cookies: { allmanning_session: await session(admin) }, payload: urlencoded({ 'name.sv': 'Kapat' }) });
    assert.equal(res.statusCode, 403);
    const wrong = await formSession(t, '/organizations/lantmateriet/edit', await session(admin));
    const forged = await t.app.inject({ method: 'POST', url: '/organizations/lantmateriet/edit', headers: FORM, cookies: wrong.cookies, payload: urlencoded({ _csrf: `${wrong.csrf}x`, 'name.sv': 'Kapat' }) });
    assert.equal(forged.statusCode, 403);
    assert.equal((await domainsOf(t.deps).organizations.organizations.get('lantmateriet')).name_sv, 'Lantmäteriet');
  });

  test('edit: another organisation’s admin, editors, members and the anonymous get 404', async () => {
    for (const user of [otherAdmin, editor, member, undefined]) {
      assert.equal((await get('/organizations/lantmateriet/edit', user)).statusCode, 404, user?.name ?? 'anonymous');
    }
    // Posting with a valid token from one's own organisation's form does not help either.
    const form = await formSession(t, '/organizations/annat-verk/edit', await session(otherAdmin));
    const res = await t.app.inject({ method: 'POST', url: '/organizations/lantmateriet/edit', headers: FORM, cookies: form.cookies, payload: urlencoded({ _csrf: form.csrf, 'name.sv': 'Kapat' }) });
    assert.equal(res.statusCode, 404);
  });

  test('edit: the form is filled in; errors give 400 with a summary; a save redirects with a message', async () => {
    const page = await get('/en/organizations/lantmateriet/edit', admin);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /value="202100-4888"/);
    assert.match(page.body, /enctype="multipart\/form-data"/);
    assert.match(page.body, /<h1>Edit Swedish Mapping Authority<\/h1>/);

    const current = { 'name.sv': 'Lantmäteriet', 'name.en': 'Swedish Mapping Authority', slug: 'lantmateriet', type: 'state_agency', orgNumber: '202100-4888', website: 'https://www.lantmateriet.se', contactEmail: 'kundcenter@example.se', 'description.sv': 'Kartor.', 'description.en': '' };
    const bad = await post(admin, '/organizations/lantmateriet/edit', '/organizations/lantmateriet/edit', { ...current, contactEmail: 'fel', slug: '' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /E-postadress för kontakt: Skriv en giltig e-postadress/);
    assert.match(bad.body, /Adress \(kortnamn\): Fyll i fältet./);

    const ok = await post(admin, '/organizations/lantmateriet/edit', '/organizations/lantmateriet/edit', { ...current, website: '', 'description.en': 'Maps.' });
    assert.equal(ok.statusCode, 303);
    assert.equal(ok.headers.location, '/organizations/lantmateriet');
    const saved = await domainsOf(t.deps).organizations.organizations.get(orgId);
    assert.equal(saved.website, null, 'an emptied field is cleared');
    assert.equal(saved.description_en, 'Maps.');
    assert.equal(saved.description_sv, 'Kartor.');
  });

  test('edit: the publisher type follows the organisation type unless chosen; "other" without one asks for it', async () => {
    const url = '/organizations/annat-verk/edit';
    const current = { 'name.sv': 'Annat verk', slug: 'annat-verk', type: 'state_agency', publisherType: '' };
    const notice = /id="publisher-type-missing"/;
    const english = (await get(`/en${url}`, otherAdmin)).body;
    assert.match(english, /<option value(="")? selected>Same as the type of organisation \(National authority\)<\/option>/);
    assert.match(english, /<option value="NonProfitOrganisation">Non-Profit Organisation<\/option>/);
    assert.doesNotMatch(english, notice);

    assert.equal((await post(otherAdmin, url, url, { ...current, type: 'other' })).statusCode, 303);
    const asked = (await get(url, otherAdmin)).body;
    assert.match(asked, notice);
    assert.match(asked, /Välj en typ av utgivare/);

    const bad = await post(otherAdmin, url, url, { ...current, type: 'other', publisherType: 'Church' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Typ av utgivare \(DCAT-AP-SE\): Välj ett av alternativen\./);

    assert.equal((await post(otherAdmin, url, url, { ...current, type: 'other', publisherType: 'NonProfitOrganisation' })).statusCode, 303);
    const saved = await domainsOf(t.deps).organizations.organizations.get('annat-verk');
    assert.deepEqual([saved.type, saved.publisher_type], ['other', 'NonProfitOrganisation']);
    const chosen = (await get(url, otherAdmin)).body;
    assert.match(chosen, /<option value="NonProfitOrganisation" selected>Ej vinstdrivande organisation<\/option>/);
    assert.doesNotMatch(chosen, notice);
    assert.match((await get('/organizations/annat-verk')).body, /<dt>Typ av utgivare \(DCAT-AP-SE\)<\/dt><dd>Ej vinstdrivande organisation<\/dd>/, 'on the organisation page');

    assert.equal((await post(otherAdmin, url, url, current)).statusCode, 303, 'emptied: follows the type again');
    assert.equal((await domainsOf(t.deps).organizations.organizations.get('annat-verk')).publisher_type, null);
  });

  test('logo upload on the edit page: a real PNG is accepted; a text file named .png 400; a too-large file 413', async () => {
    const fields = async (user: TestUser) => {
      const form = await formSession(t, '/organizations/annat-verk/edit', await session(user));
      return { form, base: { _csrf: form.csrf, 'name.sv': 'Annat verk', slug: 'annat-verk', type: 'state_agency' } };
    };
    const send = async (user: TestUser, files: Parameters<typeof multipartBody>[1], extra: Record<string, string> = {}, url = '/organizations/annat-verk/edit') => {
      const { form, base } = await fields(user);
      const body = await multipartBody({ ...base, ...extra }, files);
      return t.app.inject({ method: 'POST', url, headers: { 'content-type': body.contentType }, cookies: form.cookies, payload: body.payload });
    };

    const png = await sharp({ create: { width: 64, height: 48, channels: 4, background: { r: 200, g: 30, b: 30, alpha: 1 } } }).png().toBuffer();
    const ok = await send(otherAdmin, { logo: { data: png, filename: 'logga.png', type: 'image/png' } });
    assert.equal(ok.statusCode, 303, ok.body);
    const org = await domainsOf(t.deps).organizations.organizations.get('annat-verk');
    assert.match(org.logo_key ?? '', /^[0-9a-f]{64}\.png$/);
    const page = await get('/organizations/annat-verk');
    assert.match(page.body, /<img src="\/organizations\/annat-verk\/logo\?v=[0-9a-f]{16}" alt="Logotyp för Annat verk"/);
    const logo = await t.app.inject({ method: 'GET', url: `/organizations/annat-verk/logo?v=${org.logo_key!.slice(0, 16)}` });
    assert.equal(logo.headers['content-type'], 'image/png');
    assert.deepEqual([(await sharp(logo.rawPayload).metadata()).width, (await sharp(logo.rawPayload).metadata()).height], [64, 48], 'small images are not enlarged');

    const fake = await send(otherAdmin, { logo: { data: Buffer.from('hej, jag är en textfil'), filename: 'logga.png', type: 'image/png' } });
    assert.equal(fake.statusCode, 400);
    assert.match(fake.body, /Logotyp: Filtypen stöds inte./);
    assert.match(fake.body, /id="field-logo-error"/);

    const tooLarge = await send(otherAdmin, { logo: { data: Buffer.concat([png, Buffer.alloc(2 * 1024 * 1024)]), filename: 'stor.png', type: 'image/png' } }, {}, '/en/organizations/annat-verk/edit');
    assert.equal(tooLarge.statusCode, 413);
    assert.match(tooLarge.body, /Logo: The file is too large./);
    assert.equal((await domainsOf(t.deps).organizations.organizations.get('annat-verk')).logo_key, org.logo_key, 'the logo is unchanged');

    const removed = await send(otherAdmin, {}, { removeLogo: 'on' });
    assert.equal(removed.statusCode, 303);
    assert.equal((await domainsOf(t.deps).organizations.organizations.get('annat-verk')).logo_key, null);
  });

  test('members page: members see the list; admins manage it; outsiders and the anonymous get 404', async () => {
    assert.equal((await get('/organizations/lantmateriet/members')).statusCode, 404);
    assert.equal((await get('/organizations/lantmateriet/members', otherAdmin)).statusCode, 404);
    const asMember = await get('/organizations/lantmateriet/members', member);
    assert.equal(asMember.statusCode, 200);
    assert.match(text(asMember.body), /Anna Admin Administratör/);
    assert.doesNotMatch(asMember.body, new RegExp(admin.email.replace(/\./g, '\\.')), 'no e-mail addresses for plain members');
    assert.doesNotMatch(asMember.body, /Bjud in en medlem/);
    assert.match(asMember.body, new RegExp(`href="/organizations/lantmateriet/members/${member.id}/remove">Lämna organisationen`));

    const asAdmin = await get('/en/organizations/lantmateriet/members', admin);
    assert.match(asAdmin.body, /Invite a member/);
    assert.match(asAdmin.body, new RegExp(`<label for="field-role-${editor.id}" class="visually-hidden">Role of Eva Redaktör</label>`));
    assert.match(asAdmin.body, new RegExp(editor.email.replace(/\./g, '\\.')));
  });

  test('members page: invite, change role (the last admin stays), remove with confirmation, revoke an invitation', async () => {
    const url = '/organizations/lantmateriet/members';
    const badInvite = await post(admin, url, `${url}/invite`, { email: 'inte-en-adress', role: 'editor' });
    assert.equal(badInvite.statusCode, 400);
    assert.match(badInvite.body, /<a href="#field-email">E-postadress: Skriv en giltig e-postadress/);
    const already = await post(admin, url, `${url}/invite`, { email: member.email, role: 'editor' });
    assert.equal(already.statusCode, 409);
    assert.match(already.body, /Personen är redan medlem/);
    const invited = await post(admin, url, `${url}/invite`, { email: 'ny.person@example.se', role: 'editor' });
    assert.equal(invited.statusCode, 303);
    const list = await get(url, admin);
    assert.match(list.body, /ny\.person@example\.se/);
    assert.match(list.body, /Återkalla inbjudan till ny\.person@example\.se/);
    assert.equal((await post(editor, url, `${url}/invite`, { email: 'x@example.se', role: 'member' })).statusCode, 404, 'editors have no invite action');

    const lastAdmin = await post(admin, url, `${url}/${admin.id}/role`, { role: 'member' });
    assert.equal(lastAdmin.statusCode, 409);
    assert.match(lastAdmin.body, /class="error-summary"/);
    assert.match(lastAdmin.body, new RegExp(`href="#field-role-${admin.id}">Roll för Anna Admin: Organisationen måste ha minst en administratör`));

    const promoted = await post(admin, url, `${url}/${member.id}/role`, { role: 'editor' });
    assert.equal(promoted.statusCode, 303);
    assert.deepEqual(await domainsOf(t.deps).organizations.rolesOf(member.id), { [orgId]: 'editor' });

    const confirm = await get(`${url}/${editor.id}/remove`, admin);
    assert.equal(confirm.statusCode, 200);
    assert.match(confirm.body, /Ta bort Eva Redaktör från Lantmäteriet\?/);
    assert.equal((await get(`${url}/${editor.id}/remove`, member)).statusCode, 404, 'members may not remove others');
    const removed = await post(admin, `${url}/${editor.id}/remove`, `${url}/${editor.id}/remove`, {});
    assert.equal(removed.statusCode, 303);
    assert.equal(removed.headers.location, url);
    assert.deepEqual(await domainsOf(t.deps).organizations.rolesOf(editor.id), {});

    const invitation = (await domainsOf(t.deps).organizations.members.listInvitations(await admin.actor(), orgId)).items[0]!;
    const revoked = await post(admin, url, `/organizations/lantmateriet/invitations/${invitation.id}/revoke`, {});
    assert.equal(revoked.statusCode, 303);
    assert.doesNotMatch((await get(url, admin)).body, /ny\.person@example\.se/);

    const left = await post(member, `${url}/${member.id}/remove`, `${url}/${member.id}/remove`, {});
    assert.equal(left.statusCode, 303);
    assert.equal(left.headers.location, '/organizations/lantmateriet', 'after leaving, back to the public page');
  });
});
