// Ticket types, their attributes and the ticket states, and tickets (made, read, changed, replied to, tagged,
// searched with the SDK's pager, enqueued and its job read, converted from a conversation, deleted) through the SDK.
import assert from "node:assert/strict";
import { client, unique, all } from "./client.mjs";

const name = unique("Bug Report");
const type = await client.ticketTypes.create({ name, description: "Bug Report Template", category: "Customer", icon: "\uD83C\uDF9F\uFE0F" });
assert.equal(type.type, "ticket_type");
assert.equal(type.name, name);
assert.equal(type.category, "Customer");
// The SDK types the attribute list as {type, ticket_type_attributes} (the schema); the answer is the description's
// examples' {type: list, data}, which the SDK hands over as it came.
assert.deepEqual(type.ticket_type_attributes.data.map((a) => a.name), ["_default_title_", "_default_description_"]);
assert.deepEqual(type.ticket_states.data.map((s) => s.category), ["submitted", "in_progress", "waiting_on_customer", "resolved"]);

const attribute = await client.ticketTypes.attributes.create({
  ticket_type_id: type.id, name: "Priority", description: "How urgent", data_type: "list", list_items: "Low,Medium,High", required_to_create: false,
});
assert.equal(attribute.type, "ticket_type_attribute");
assert.equal(attribute.data_type, "list");
assert.equal(attribute.ticket_type_id, Number(type.id));
const changedAttribute = await client.ticketTypes.attributes.update({ ticket_type_id: type.id, attribute_id: attribute.id, description: "How urgent it is" });
assert.equal(changedAttribute.description, "How urgent it is");

const renamed = await client.ticketTypes.update({ ticket_type_id: type.id, name: `${name} 2`, archived: true });
assert.equal(renamed.name, `${name} 2`);
assert.equal(renamed.archived, true);
const found = await client.ticketTypes.get({ ticket_type_id: type.id });
assert.deepEqual(found.ticket_type_attributes.data.map((a) => a.name), ["_default_title_", "_default_description_", "Priority"]);
assert.equal(found.ticket_type_attributes.data[2].description, "How urgent it is");

const types = await client.ticketTypes.list();
assert.equal(types.type, "list");
assert.ok(types.data.some((t) => t.id === type.id && t.archived));

const states = await client.ticketStates.listTicketStates();
assert.equal(states.type, "list");
assert.equal(states.data.length, 4);
for (const state of states.data) assert.ok(state.ticket_types.data.some((t) => t.id === type.id), `state ${state.id} lacks the type`);

// Tickets on a type of their own (the archived one above takes none in a real workspace's UI; the API is not asked).
const issue = await client.ticketTypes.create({ name: unique("Customer Issue"), category: "Customer" });
const me = await client.admins.identify();
const contact = await client.contacts.create({ email: `${unique("tickets")}@example.com` });
const ticket = await client.tickets.create({
  ticket_type_id: issue.id, contacts: [{ id: contact.id }], ticket_attributes: { _default_title_: "Login broken", _default_description_: "since Monday" },
});
assert.equal(ticket.type, "ticket");
assert.equal(ticket.ticket_attributes._default_title_, "Login broken");
assert.equal(ticket.ticket_state.category, "submitted");
assert.equal(ticket.contacts.contacts[0].id, contact.id);
assert.equal((await client.tickets.get({ ticket_id: ticket.id })).id, ticket.id);

const inProgress = states.data.find((s) => s.category === "in_progress");
const changed = await client.tickets.update({ ticket_id: ticket.id, ticket_state_id: inProgress.id, assignee_id: me.id, admin_id: Number(me.id), is_shared: true });
assert.equal(changed.ticket_state.category, "in_progress");
assert.equal(changed.admin_assignee_id, me.id);
assert.equal(changed.is_shared, true);

const note = await client.tickets.reply({ ticket_id: ticket.id, body: { message_type: "note", type: "admin", admin_id: me.id, body: "<p>Looking</p>" } });
assert.equal(note.part_type, "note");
const comment = await client.tickets.reply({ ticket_id: ticket.id, body: { message_type: "comment", type: "user", intercom_user_id: contact.id, body: "Thanks" } });
assert.equal(comment.author.id, contact.id);

const tag = await client.tags.create({ name: unique("ticket-tag") });
assert.equal((await client.tags.tagTicket({ ticket_id: ticket.id, id: tag.id, admin_id: me.id })).id, tag.id);
const tagged = await all(client.tickets.search({ query: { field: "tag_ids", operator: "=", value: tag.id }, pagination: { per_page: 1 } }));
assert.deepEqual(tagged.map((t) => t.id), [ticket.id]);
await client.tags.untagTicket({ ticket_id: ticket.id, tag_id: tag.id, admin_id: me.id });
const mine = await all(client.tickets.search({ query: { field: "contact_ids", operator: "=", value: contact.id } }));
assert.deepEqual(mine.map((t) => t.id), [ticket.id]);

// Enqueued: made at once, the job pending until read, then naming the ticket.
const job = await client.tickets.enqueueCreateTicket({ ticket_type_id: issue.id, contacts: [{ id: contact.id }] });
assert.equal(job.status, "pending");
const done = await client.jobs.status({ job_id: job.id });
assert.equal(done.status, "success");
assert.equal((await client.tickets.get({ ticket_id: done.resource_id })).ticket_type.id, issue.id);

// A conversation converted: its comment and the state change, on a Customer type only, and once.
const started = await client.conversations.create({ from: { type: "user", id: contact.id }, body: "Checkout fails" });
const converted = await client.conversations.convertToTicket({
  conversation_id: started.conversation_id, ticket_type_id: issue.id, attributes: { _default_title_: "Checkout fails" },
});
assert.equal(converted.type, "ticket");
assert.equal(converted.ticket_state.category, "submitted");
assert.equal(converted.contacts.contacts[0].id, contact.id);
assert.deepEqual(converted.ticket_parts.ticket_parts.map((p) => p.part_type), ["comment", "ticket_state_updated_by_admin"]);
await assert.rejects(client.conversations.convertToTicket({ conversation_id: started.conversation_id, ticket_type_id: issue.id }), (e) => e.statusCode === 400);
const tracker = await client.ticketTypes.create({ name: unique("Tracker"), category: "Tracker" });
const another = await client.conversations.create({ from: { type: "user", id: contact.id }, body: "Still failing" });
await assert.rejects(client.conversations.convertToTicket({ conversation_id: another.conversation_id, ticket_type_id: tracker.id }), (e) => e.statusCode === 400);

const deleted = await client.tickets.deleteTicket({ ticket_id: ticket.id });
assert.equal(deleted.deleted, true);

console.log("ok");
