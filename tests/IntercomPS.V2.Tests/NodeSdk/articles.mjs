// The help center through the SDK: the workspace's one help center, collections and sections, and articles (written
// with another locale, read, listed by numbered pages, searched with highlights, updated, deleted); then internal
// articles, the teammates' knowledge base (written, read, listed, searched, updated, deleted).
import assert from "node:assert/strict";
import { client, unique, all } from "./client.mjs";

const me = await client.admins.identify();
const authorId = Number(me.id);

const centers = await all(client.helpCenters.list());
assert.equal(centers.length, 1);
const center = await client.helpCenters.find({ help_center_id: Number(centers[0].id) });
assert.equal(center.id, centers[0].id);

const name = unique("collection");
const collection = await client.helpCenters.collections.create({ name, description: "Money matters" });
assert.equal(collection.name, name);
const section = await client.helpCenters.collections.create({ name: "Plans", parent_id: collection.id });
assert.equal(section.parent_id, collection.id);
const renamed = await client.helpCenters.collections.update({ collection_id: Number(collection.id), name: `${name} and plans` });
assert.equal(renamed.name, `${name} and plans`);
assert.equal((await client.helpCenters.collections.find({ collection_id: Number(section.id) })).name, "Plans");
const collections = await all(client.helpCenters.collections.list({ per_page: 1 }));
assert.ok(collections.some((c) => c.id === section.id));

const phrase = unique("oldplan").replaceAll("-", "");
const article = await client.articles.create({
    title: `Moving off the ${phrase}`,
    body: `The ${phrase} ends in May.`,
    author_id: authorId,
    state: "published",
    parent_id: Number(section.id),
    parent_type: "section",
    translated_content: { fr: { title: `Quitter ${phrase}`, body: "Corps", author_id: authorId, state: "draft" } },
});
assert.equal(article.parent_type, "section");
assert.equal(article.translated_content.fr.title, `Quitter ${phrase}`);
const draft = await client.articles.create({ title: `Pricing ${phrase}`, author_id: authorId });
assert.equal(draft.state, "draft");

const found = await client.articles.find({ article_id: Number(article.id) });
assert.equal(found.title, `Moving off the ${phrase}`);

// Two to a page: the SDK asks page 1, 2, ... until one comes back empty.
const listed = await all(client.articles.list({ per_page: 2 }));
assert.ok(listed.some((a) => a.id === article.id) && listed.some((a) => a.id === draft.id));

const search = await client.articles.search({ phrase, state: "published", highlight: true });
assert.equal(search.total_count, 1);
assert.equal(search.data.articles[0].id, article.id);
assert.equal(search.data.highlights[0].highlighted_title.find((c) => c.type === "highlight").text, phrase);

const updated = await client.articles.update({ article_id: Number(draft.id), state: "published", body: "<p>Now live</p>" });
assert.equal(updated.state, "published");
assert.equal(updated.body, '<p class="no-margin">Now live</p>');

assert.equal((await client.articles.delete({ article_id: Number(draft.id) })).deleted, true);
assert.equal((await client.articles.delete({ article_id: Number(article.id) })).deleted, true);
assert.equal((await client.helpCenters.collections.delete({ collection_id: Number(collection.id) })).deleted, true);

const internal = await client.internalArticles.createInternalArticle({
    title: `Refunds ${phrase}`,
    body: "<p>Within 30 days</p>",
    author_id: authorId,
    owner_id: authorId,
});
assert.equal(internal.owner_id, authorId);
assert.equal(internal.locale, "en");
assert.equal((await client.internalArticles.retrieveInternalArticle({ internal_article_id: Number(internal.id) })).title, `Refunds ${phrase}`);
const internals = await client.internalArticles.listInternalArticles();
assert.ok(internals.data.some((a) => a.id === internal.id));
const internalFound = await client.internalArticles.searchInternalArticles();
assert.ok(internalFound.data.internal_articles.some((a) => a.id === internal.id));
assert.equal((await client.internalArticles.searchInternalArticles({ folder_id: "123" })).total_count, 0);
const internalUpdated = await client.internalArticles.updateInternalArticle({ internal_article_id: Number(internal.id), title: "Christmas is here!" });
assert.equal(internalUpdated.title, "Christmas is here!");
assert.equal(internalUpdated.body, "<p>Within 30 days</p>");
assert.equal((await client.internalArticles.deleteInternalArticle({ internal_article_id: Number(internal.id) })).deleted, true);
await assert.rejects(client.internalArticles.retrieveInternalArticle({ internal_article_id: Number(internal.id) }), (e) => e.statusCode === 404);

console.log("ok");
