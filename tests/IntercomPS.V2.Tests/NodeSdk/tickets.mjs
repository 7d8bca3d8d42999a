// Ticket types, their attributes and the ticket states through the SDK (tickets themselves are not emulated).
import assert from "node:assert/strict";
import { client, unique } from "./client.mjs";

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

console.log("ok");
