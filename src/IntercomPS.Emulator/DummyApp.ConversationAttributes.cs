using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using IntercomPS.Emulator.Model;
using IntercomPS.Emulator.Storage;

namespace IntercomPS.Emulator;

/// <summary>
/// The dummy app's conversation attributes and macros (2.16): two canned attributes (a string and a list) and three
/// canned macros, all visible to everyone; writes are answered as if applied and never kept.
/// </summary>
internal sealed partial class DummyApp
{
    private const long CannedAttributesAt = 1_777_472_538;

    private ConversationAttributeRecord[] CannedConversationAttributes =>
    [
        new(1, "Order number", "The order the conversation is about", "string", false, [], false, CannedAttributesAt, CannedAttributesAt, Admin.Id, false, [], null),
        new(2, "Priority level", "", "list", false, [], false, CannedAttributesAt, CannedAttributesAt, Admin.Id, false,
            [new("a1b2c3d4-e5f6-7890-abcd-ef1234567890", "Low", false), new("b2c3d4e5-f6a7-8901-bcde-f01234567891", "High", false)], null),
    ];

    public Task<IReadOnlyList<ConversationAttributeRecord>> ListConversationAttributesAsync(bool includeArchived) =>
        Task.FromResult<IReadOnlyList<ConversationAttributeRecord>>(CannedConversationAttributes);

    public Task<ConversationAttributeRecord> GetConversationAttributeAsync(long id) =>
        Task.FromResult(CannedConversationAttributes.FirstOrDefault(a => a.Id == id) ?? throw AppStore.ConversationAttributeNotFound());

    public Task<ConversationAttributeRecord> CreateConversationAttributeAsync(ConversationAttributeRecord input) =>
        Task.FromResult(input with { Id = CannedConversationAttributes.Length + 1, AdminId = Admin.Id, CreatedAt = Now, UpdatedAt = Now });

    public async Task<ConversationAttributeRecord> ChangeConversationAttributeAsync(long id, Func<ConversationAttributeRecord, ConversationAttributeRecord> change) =>
        change(await GetConversationAttributeAsync(id)) with { UpdatedAt = Now };

    private static readonly MacroRecord[] CannedMacros =
    [
        new("1", "Thank You Response", "<p>Thank you for reaching out! We appreciate your message and will get back to you as soon as possible.</p>",
            1_752_751_088, 1_752_766_224, "everyone", [], ["inbox", "messenger"]),
        new("2", "Order Status Update", "<p>Hi {{user.name | fallback: 'there'}}, your order #{{conversation.custom_attributes.order_number}} is ready for pickup!</p>",
            1_752_751_088, 1_753_109_075, "everyone", [], ["inbox", "messenger"]),
        new("3", "Refund Process Explanation",
            "<p>Hi {{user.first_name | fallback: 'there'}},</p><p>The refund will be processed within 3-5 business days.</p><p>Is there anything else I can help you with?</p>",
            1_753_109_075, 1_753_186_000, "everyone", [], ["inbox"]),
    ];

    public Task<IReadOnlyList<MacroRecord>> ListMacrosAsync() => Task.FromResult<IReadOnlyList<MacroRecord>>(CannedMacros);

}
