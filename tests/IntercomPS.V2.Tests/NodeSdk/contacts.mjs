// Contacts through the SDK: create, find, update with a custom attribute, find by external id, search and list with
// the SDK's own pagers, tags and segments of a contact, archive, merge a lead, block, delete.
import assert from "node:assert/strict";
import { client, unique, all } from "./client.mjs";

const plan = unique("plan").replaceAll("-", "_").slice(0, 30);
await client.dataAttributes.create({ name: plan, model: "contact", data_type: "string" });

const externalId = unique("ext");
const email = `${unique("sdk")}@example.com`;
const created = await client.contacts.create({ role: "user", external_id: externalId, email, name: "Ada" });
assert.equal(created.type, "contact");
assert.equal(created.role, "user");
assert.equal(created.external_id, externalId);

const found = await client.contacts.find({ contact_id: created.id });
assert.equal(found.email, email);

const updated = await client.contacts.update({ contact_id: created.id, name: "Ada L", custom_attributes: { [plan]: "pro" } });
assert.equal(updated.name, "Ada L");
assert.equal(updated.custom_attributes[plan], "pro");

const byExternalId = await client.contacts.showContactByExternalId({ external_id: externalId });
assert.equal(byExternalId.id, created.id);

// 7 contacts sharing a custom attribute value, searched 3 to a page: the SDK's pager must follow the cursor to the end.
const batch = unique("batch").replaceAll("-", "_").slice(0, 30);
const ids = [];
for (let i = 0; i < 7; i++) {
    ids.push((await client.contacts.create({ email: `${unique("b")}@example.com`, custom_attributes: { [plan]: batch } })).id);
}
const searched = await all(client.contacts.search({ query: { field: `custom_attributes.${plan}`, operator: "=", value: batch }, pagination: { per_page: 3 } }));
assert.deepEqual(searched.map((c) => c.id).sort(), [...ids].sort());

const grouped = await all(client.contacts.search({
    query: { operator: "AND", value: [{ field: "email", operator: "=", value: email }, { field: "role", operator: "=", value: "user" }] },
}));
assert.deepEqual(grouped.map((c) => c.id), [created.id]);

// The list pager walks every contact of the app once.
const listed = await all(client.contacts.list({ per_page: 4 }));
const listedIds = listed.map((c) => c.id);
assert.equal(new Set(listedIds).size, listedIds.length, "a contact listed twice");
for (const id of [created.id, ...ids]) assert.ok(listedIds.includes(id), `${id} not listed`);

const tag = await client.tags.create({ name: unique("tag") });
await client.tags.tagContact({ contact_id: created.id, id: tag.id });
const tags = await client.contacts.listAttachedTags({ contact_id: created.id });
assert.deepEqual(tags.data.map((t) => t.id), [tag.id]);
await client.tags.untagContact({ contact_id: created.id, tag_id: tag.id });
assert.deepEqual((await client.contacts.listAttachedTags({ contact_id: created.id })).data, []);

const segments = await client.contacts.listAttachedSegments({ contact_id: created.id });
assert.equal(segments.type, "list");
assert.ok(Array.isArray(segments.data));

const archived = await client.contacts.archive({ contact_id: ids[0] });
assert.equal(archived.archived, true);
const unarchived = await client.contacts.unarchive({ contact_id: ids[0] });
assert.equal(unarchived.archived, false);

const lead = await client.contacts.create({ role: "lead", name: "Visitor" });
assert.equal(lead.role, "lead");
const merged = await client.contacts.mergeLeadInUser({ from: lead.id, into: created.id });
assert.equal(merged.id, created.id);

// Blocking a spammer closes (archives) their open conversations.
const spam = await client.conversations.create({ from: { type: "user", id: ids[2] }, body: "Buy now" });
const blocked = await client.contacts.blockContact({ contact_id: ids[2] });
assert.equal(blocked.blocked, true);
assert.equal((await client.conversations.find({ conversation_id: spam.conversation_id })).state, "closed");

const deleted = await client.contacts.delete({ contact_id: ids[1] });
assert.equal(deleted.deleted, true);
await assert.rejects(client.contacts.find({ contact_id: ids[1] }), (e) => e.statusCode === 404);
console.log("ok");
