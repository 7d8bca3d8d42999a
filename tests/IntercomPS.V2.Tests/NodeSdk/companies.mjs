// Companies through the SDK: create or update, find, retrieve by company_id, update, attach and detach a contact,
// the company's contacts, a contact's companies, the company's segments, the numbered-page list and the scroll
// pagers, delete.
import assert from "node:assert/strict";
import { client, unique, all } from "./client.mjs";

const companyId = unique("acme");
const company = await client.companies.createOrUpdate({ company_id: companyId, name: "Acme", plan: "gold", monthly_spend: 120, remote_created_at: 1700000000 });
assert.equal(company.type, "company");
assert.equal(company.company_id, companyId);
assert.equal(company.plan.name, "gold");

const again = await client.companies.createOrUpdate({ company_id: companyId, name: "Acme Inc" });
assert.equal(again.id, company.id, "the same company_id updates, not creates");
assert.equal(again.name, "Acme Inc");

assert.equal((await client.companies.find({ company_id: company.id })).name, "Acme Inc");
// The description answers a list of the one company (company_list).
const retrieved = await client.companies.retrieve({ company_id: companyId });
assert.deepEqual(retrieved.data.map((c) => c.id), [company.id]);

const updated = await client.companies.update({ company_id: company.id, body: { size: 42 } });
assert.equal(updated.size, 42);

const contact = await client.contacts.create({ email: `${unique("staff")}@example.com` });
const attached = await client.companies.attachContact({ contact_id: contact.id, id: company.id });
assert.equal(attached.id, company.id);
const staff = await client.companies.listAttachedContacts({ company_id: company.id });
assert.deepEqual(staff.data.map((c) => c.id), [contact.id]);
// The description's schema names a contact's companies `companies`, its example (and so the emulator) `data`; the
// SDK's pager reads `companies`, so it yields nothing here: read the page's answer.
const ofContact = await client.contacts.listAttachedCompanies({ contact_id: contact.id });
assert.deepEqual(ofContact.response.data.map((c) => c.id), [company.id]);
const companySegments = await client.companies.listAttachedSegments({ company_id: company.id });
assert.deepEqual(companySegments.data, []);
await client.companies.detachContact({ contact_id: contact.id, company_id: company.id });
assert.deepEqual((await client.companies.listAttachedContacts({ company_id: company.id })).data, []);

// Four more: the numbered-page pager (2 a page) and the scroll pager must each reach all five, once.
const ids = [company.id];
for (let i = 0; i < 4; i++) ids.push((await client.companies.createOrUpdate({ company_id: unique("co"), name: `Co ${i}` })).id);
const listed = (await all(client.companies.list({ per_page: 2 }))).map((c) => c.id);
assert.equal(new Set(listed).size, listed.length, "a company listed twice");
for (const id of ids) assert.ok(listed.includes(id), `${id} not listed`);
// The scroll ends with an empty page, after which the description says its scroll_param expires; the SDK's own
// `for await` asks once more with it (its pager stops only on a missing scroll_param), so walk to the empty page.
const scrolled = [];
for (let page = await client.companies.scroll(); page.data.length > 0; page = await page.getNextPage()) {
    scrolled.push(...page.data.map((c) => c.id));
}
assert.equal(new Set(scrolled).size, scrolled.length, "a company scrolled twice");
for (const id of ids) assert.ok(scrolled.includes(id), `${id} not scrolled`);

const deleted = await client.companies.delete({ company_id: ids[4] });
assert.equal(deleted.deleted, true);
await assert.rejects(client.companies.find({ company_id: ids[4] }), (e) => e.statusCode === 404);
console.log("ok");
