// The client every script uses: Intercom's official Node SDK pointed at the emulator the test started, with no
// retries, so a refused request fails the script instead of being retried into a pass.
import { IntercomClient } from "intercom-client";
import { randomUUID } from "node:crypto";

export const client = new IntercomClient({
    token: process.env.INTERCOM_EMULATOR_TOKEN,
    baseUrl: process.env.INTERCOM_EMULATOR_URL,
    maxRetries: 0,
});

/** A value no other run of the script uses. */
export const unique = (hint) => `${hint}-${randomUUID()}`;

/** Every item of an SDK pager, walked the way its README shows (for await). */
export async function all(pager) {
    const items = [];
    for await (const item of await pager) items.push(item);
    return items;
}
