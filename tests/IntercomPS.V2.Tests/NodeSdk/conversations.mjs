// The team inbox through the SDK: a contact starts a conversation, the admin replies, notes, assigns, snoozes,
// closes and reopens it, tags it, marks it read and gives it a title and attributes, adds a second contact to it and
// takes it off again; the list and search pagers find it; what the contact wrote is redacted and a conversation
// deleted; a message sent with the conversation opened at once shows up as one.
import assert from "node:assert/strict";
import { client, unique, all } from "./client.mjs";

const admin = await client.admins.identify();
const contact = await client.contacts.create({ email: `${unique("conv")}@example.com` });

const started = await client.conversations.create({ from: { type: "user", id: contact.id }, body: "My invoice is wrong" });
assert.equal(started.type, "user_message");
const id = started.conversation_id;
assert.ok(id, "no conversation_id");

const found = await client.conversations.find({ conversation_id: id });
assert.equal(found.id, id);
assert.equal(found.state, "open");
assert.equal(found.contacts.contacts[0].id, contact.id);

const replied = await client.conversations.reply({
    conversation_id: id,
    body: { message_type: "comment", type: "admin", admin_id: admin.id, body: "Looking into it" },
});
assert.ok(replied.conversation_parts.conversation_parts.some((p) => p.part_type === "comment" && p.author.id === admin.id));

const fromUser = await client.conversations.reply({
    conversation_id: id,
    body: { message_type: "comment", type: "user", intercom_user_id: contact.id, body: "Thanks" },
});
assert.equal(fromUser.conversation_parts.conversation_parts.at(-1).author.type, "user");

await client.conversations.reply({ conversation_id: id, body: { message_type: "note", type: "admin", admin_id: admin.id, body: "Refund approved" } });

const assigned = await client.conversations.manage({
    conversation_id: id,
    body: { message_type: "assignment", type: "admin", admin_id: admin.id, assignee_id: admin.id },
});
assert.equal(String(assigned.admin_assignee_id), String(admin.id));

const until = Math.floor(Date.now() / 1000) + 3600;
const snoozed = await client.conversations.manage({ conversation_id: id, body: { message_type: "snoozed", admin_id: admin.id, snoozed_until: until } });
assert.equal(snoozed.state, "snoozed");
assert.equal(snoozed.snoozed_until, until);

const closed = await client.conversations.manage({ conversation_id: id, body: { message_type: "close", type: "admin", admin_id: admin.id, body: "Fixed" } });
assert.equal(closed.state, "closed");
assert.equal(closed.open, false);
const reopened = await client.conversations.manage({ conversation_id: id, body: { message_type: "open", admin_id: admin.id } });
assert.equal(reopened.state, "open");

const tag = await client.tags.create({ name: unique("billing") });
await client.tags.tagConversation({ conversation_id: id, id: tag.id, admin_id: admin.id });
assert.deepEqual((await client.conversations.find({ conversation_id: id })).tags.tags.map((t) => t.id), [tag.id]);
await client.tags.untagConversation({ conversation_id: id, tag_id: tag.id, admin_id: admin.id });
assert.deepEqual((await client.conversations.find({ conversation_id: id })).tags.tags, []);

const titled = await client.conversations.update({ conversation_id: id, read: true, title: "Invoice", custom_attributes: { issue_type: "Billing", priority: "High" } });
assert.equal(titled.read, true);
assert.equal(titled.title, "Invoice");
assert.deepEqual(titled.custom_attributes, { issue_type: "Billing", priority: "High" });

// A second contact joins the conversation and leaves it again; the last one cannot leave.
const guest = await client.contacts.create({ email: `${unique("guest")}@example.com` });
const joined = await client.conversations.attachContactAsAdmin({ conversation_id: id, admin_id: admin.id, customer: { intercom_user_id: guest.id } });
assert.deepEqual(joined.contacts.contacts.map((c) => c.id), [contact.id, guest.id]);
const foundByGuest = await all(client.conversations.search({ query: { field: "contact_ids", operator: "=", value: guest.id } }));
assert.deepEqual(foundByGuest.map((c) => c.id), [id]);
const left = await client.conversations.detachContactAsAdmin({ conversation_id: id, contact_id: guest.id, admin_id: admin.id });
assert.deepEqual(left.contacts.contacts.map((c) => c.id), [contact.id]);
await assert.rejects(client.conversations.detachContactAsAdmin({ conversation_id: id, contact_id: contact.id, admin_id: admin.id }), (e) => e.statusCode === 422);

// Five more from the same contact: the cursor pagers, 2 to a page, must each reach all six.
const ids = [id];
for (let i = 0; i < 5; i++) {
    ids.push((await client.conversations.create({ from: { type: "user", id: contact.id }, body: `Another ${i}` })).conversation_id);
}
const listed = (await all(client.conversations.list({ per_page: 2 }))).map((c) => c.id);
assert.equal(new Set(listed).size, listed.length, "a conversation listed twice");
for (const c of ids) assert.ok(listed.includes(c), `${c} not listed`);

const searched = await all(client.conversations.search({
    query: { field: "contact_ids", operator: "=", value: contact.id },
    pagination: { per_page: 2 },
}));
assert.deepEqual(searched.map((c) => c.id).sort(), [...ids].sort());

// Redact what the contact wrote, then delete a conversation for good.
const secret = await client.conversations.reply({
    conversation_id: ids[1],
    body: { message_type: "comment", type: "user", intercom_user_id: contact.id, body: "My card is 4111 1111 1111 1111" },
});
const secretPart = secret.conversation_parts.conversation_parts.at(-1);
const redacted = await client.conversations.redactConversationPart({ type: "conversation_part", conversation_id: ids[1], conversation_part_id: secretPart.id });
const after = redacted.conversation_parts.conversation_parts.find((p) => p.id === secretPart.id);
assert.equal(after.redacted, true);
assert.ok(!after.body.includes("4111"), after.body);
const source = await client.conversations.find({ conversation_id: ids[2] });
const sourceRedacted = await client.conversations.redactConversationPart({ type: "source", conversation_id: ids[2], source_id: source.source.id });
assert.equal(sourceRedacted.source.redacted, true);
const gone = await client.conversations.deleteConversation({ conversation_id: Number(ids[3]) });
assert.equal(gone.deleted, true);
await assert.rejects(client.conversations.find({ conversation_id: ids[3] }), (e) => e.statusCode === 404);

const message = await client.messages.create({
    message_type: "inapp",
    body: "We refunded you",
    from: { type: "admin", id: Number(admin.id) },
    to: { type: "user", id: contact.id },
    create_conversation_without_contact_reply: true,
});
assert.equal(message.type, "admin_message");
assert.ok(message.conversation_id, "the opened conversation's id");
const opened = await client.conversations.find({ conversation_id: message.conversation_id });
assert.equal(opened.source.delivered_as, "admin_initiated");
console.log("ok");
