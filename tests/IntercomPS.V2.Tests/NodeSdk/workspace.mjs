// The rest of the workspace through the SDK: admins, away mode and the activity log, away reasons, teams, segments,
// data attributes, notes (numbered pages), events and their summaries, subscription types and a contact's choices,
// tags, and an email message.
import assert from "node:assert/strict";
import { client, unique, all } from "./client.mjs";

const me = await client.admins.identify();
assert.equal(me.type, "admin");
const admins = await client.admins.list();
assert.ok(admins.admins.some((a) => a.id === me.id));
assert.equal((await client.admins.find({ admin_id: me.id })).email, me.email);

// The SDK types this answer as a bare array; the description's away_status_reason_list, which the emulator answers, is {type: list, data}.
const reasons = (await client.awayStatusReasons.listAwayStatusReasons()).data.filter((r) => !r.deleted);
assert.ok(reasons.length > 0, "no away reasons");
const before = Math.floor(Date.now() / 1000);
const away = await client.admins.away({ admin_id: me.id, away_mode_enabled: true, away_mode_reassign: true, away_status_reason_id: Number(reasons[0].id) });
assert.equal(away.away_mode_enabled, true);
assert.equal(away.away_mode_reassign, true);
await client.admins.away({ admin_id: me.id, away_mode_enabled: false, away_mode_reassign: false });
// Both changes are in the activity log, newest first, with the reason the admin gave.
const logs = (await client.admins.listAllActivityLogs({ created_at_after: String(before) })).activity_logs.filter((l) => l.performed_by.id === me.id);
assert.deepEqual(logs.slice(0, 2).map((l) => [l.activity_type, l.metadata.away_mode]), [["admin_away_mode_change", false], ["admin_away_mode_change", true]]);
assert.ok(logs[1].metadata.away_status_reason.endsWith(reasons[0].label));

const teams = await client.teams.list();
assert.equal(teams.type, "team.list");
for (const team of teams.teams) assert.equal((await client.teams.find({ team_id: team.id })).name, team.name);

const segments = await client.segments.list({ include_count: true });
assert.equal(segments.type, "segment.list");
for (const segment of segments.segments) assert.equal((await client.segments.find({ segment_id: segment.id })).id, segment.id);

const name = unique("tier").replaceAll("-", "_").slice(0, 30);
const attribute = await client.dataAttributes.create({ name, model: "contact", data_type: "string", description: "Tier", options: [{ value: "gold" }, { value: "silver" }] });
assert.equal(attribute.name, name);
const changed = await client.dataAttributes.update({ data_attribute_id: attribute.id, body: { description: "Support tier", options: [{ value: "gold" }, { value: "silver" }, { value: "bronze" }] } });
assert.equal(changed.description, "Support tier");
assert.deepEqual(changed.options, ["gold", "silver", "bronze"]);
const attributes = await client.dataAttributes.list({ model: "contact" });
assert.ok(attributes.data.some((a) => a.name === name));

const externalId = unique("ext");
const contact = await client.contacts.create({ external_id: externalId, email: `${unique("ws")}@example.com` });

// Three notes, listed 2 to a page: the SDK asks page 1, 2, 3 until one comes back empty.
for (let i = 1; i <= 3; i++) await client.notes.create({ contact_id: contact.id, body: `Note ${i}`, admin_id: me.id });
const notes = await all(client.notes.list({ contact_id: contact.id, per_page: 2 }));
assert.deepEqual(notes.map((n) => n.body), ["<p>Note 3</p>", "<p>Note 2</p>", "<p>Note 1</p>"]);
assert.equal((await client.notes.find({ note_id: notes[0].id })).id, notes[0].id);

await client.events.create({ event_name: "invited-friend", created_at: Math.floor(Date.now() / 1000), user_id: externalId, metadata: { invitee: "bob@example.com" } });
await client.events.create({ event_name: "invited-friend", created_at: Math.floor(Date.now() / 1000) + 1, id: contact.id });
const events = await client.events.list({ type: "user", user_id: externalId });
assert.equal(events.events.length, 2);
assert.equal(events.events[0].event_name, "invited-friend");
const summary = await client.events.list({ type: "user", user_id: externalId, summary: true });
assert.equal(summary.events.find((e) => e.name === "invited-friend").count, 2);
await client.events.summaries({ user_id: externalId, event_summaries: { event_name: "logged-in", count: 3, first: 1700000000, last: 1700003600 } });

// Subscription types (defined by the test, as a workspace defines them in Intercom's UI) and a contact's choices.
const types = await client.subscriptionTypes.list();
const newsletters = types.data.find((t) => t.default_translation.name === "Newsletters");
const beta = types.data.find((t) => t.default_translation.name === "Beta program");
assert.equal(newsletters.consent_type, "opt_out");
assert.deepEqual(beta.content_types, ["email", "sms_message"]);
assert.deepEqual((await client.contacts.listAttachedSubscriptions({ contact_id: contact.id })).data, []);
const optedOut = await client.contacts.attachSubscription({ contact_id: contact.id, id: newsletters.id, consent_type: "opt_out" });
assert.equal(optedOut.id, newsletters.id);
await client.contacts.attachSubscription({ contact_id: contact.id, id: beta.id, consent_type: "opt_in" });
const choices = await client.contacts.listAttachedSubscriptions({ contact_id: contact.id });
assert.deepEqual(choices.data.map((t) => t.id).sort(), [newsletters.id, beta.id].sort());
await client.contacts.detachSubscription({ contact_id: contact.id, subscription_id: newsletters.id });
assert.deepEqual((await client.contacts.listAttachedSubscriptions({ contact_id: contact.id })).data.map((t) => t.id), [beta.id]);

const tag = await client.tags.create({ name: unique("vip") });
assert.ok((await client.tags.list()).data.some((t) => t.id === tag.id));
assert.equal((await client.tags.find({ tag_id: tag.id })).name, tag.name);
await client.tags.delete({ tag_id: tag.id });
await assert.rejects(client.tags.find({ tag_id: tag.id }), (e) => e.statusCode === 404);

const email = await client.messages.create({
    message_type: "email",
    subject: "Your invoice",
    body: "Attached",
    template: "plain",
    from: { type: "admin", id: Number(me.id) },
    to: { type: "user", id: contact.id },
});
assert.equal(email.type, "admin_message");
assert.equal(email.subject, "Your invoice");
console.log("ok");
