using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using IntercomPS.Emulator.Model;
using IntercomPS.Emulator.Storage;

namespace IntercomPS.Emulator;

/// <summary>
/// The dummy app's ticket types: one canned type, Bug Report (id 1, Customer), with the two default attributes and a
/// list attribute, Priority. Writes are checked as the stored app checks them and answered as if applied, never kept.
/// </summary>
internal sealed partial class DummyApp
{
    private const long CannedTicketTime = 1_734_537_866;

    private static TicketTypeRecord CannedTicketType => new(1, "Bug Report", "Bug Report Template", TicketTypeRecord.DefaultIcon, "Customer",
        IsInternal: false, Archived: false, CannedTicketTime, CannedTicketTime,
        [
            new(1, 1, TicketTypes.TitleAttribute, "", "string", false, null, null, 0, false, false, true, true, true, false, CannedTicketTime, CannedTicketTime),
            new(2, 1, TicketTypes.DescriptionAttribute, "", "string", true, null, null, 1, false, false, true, true, true, false, CannedTicketTime, CannedTicketTime),
            new(3, 1, "Priority", "How urgent it is", "list", null, "Low,Medium,High", null, 2, false, false, true, true, false, false, CannedTicketTime, CannedTicketTime),
        ]);

    public Task<IReadOnlyList<TicketTypeRecord>> ListTicketTypesAsync() => Task.FromResult<IReadOnlyList<TicketTypeRecord>>([CannedTicketType]);

    public Task<TicketTypeRecord> GetTicketTypeAsync(string id) => Task.FromResult(CannedTicketTypeOf(id));

    public Task<TicketTypeRecord> CreateTicketTypeAsync(TicketTypeInput input) => Task.FromResult(CannedTicketType with
    {
        Id = 2,
        Name = input.Name!,
        Description = input.Description ?? "",
        Icon = input.Icon ?? TicketTypeRecord.DefaultIcon,
        Category = input.Category ?? "Customer",
        IsInternal = input.IsInternal == true,
        Attributes = CannedTicketType.Attributes.Take(2).ToList(),
    });

    public Task<TicketTypeRecord> UpdateTicketTypeAsync(string id, TicketTypeInput change) => Task.FromResult(CannedTicketTypeOf(id).Changed(change));

    public Task<TicketTypeAttributeRecord> CreateTicketTypeAttributeAsync(string typeId, TicketTypeAttributeInput input)
    {
        var type = CannedTicketTypeOf(typeId);
        type.CheckNewAttributeName(input.Name!);
        return Task.FromResult(new TicketTypeAttributeRecord(4, type.Id, input.Name!, input.Description ?? "", input.DataType!,
            input.DataType == "string" ? input.Multiline ?? false : null, input.ListItems, input.DataType == "files" ? input.AllowMultipleValues ?? false : null,
            type.Attributes.Count, input.RequiredToCreate ?? false, input.RequiredToCreateForContacts ?? false, input.VisibleOnCreate ?? true,
            input.VisibleToContacts ?? true, false, false, CannedTicketTime, CannedTicketTime));
    }

    public Task<TicketTypeAttributeRecord> UpdateTicketTypeAttributeAsync(string typeId, string attributeId, TicketTypeAttributeInput change)
    {
        var type = CannedTicketTypeOf(typeId);
        var a = type.Attribute(attributeId);
        type.CheckUpdate(a, change);
        return Task.FromResult(a.Changed(change));
    }

    private static TicketTypeRecord CannedTicketTypeOf(string id) => id == "1" ? CannedTicketType : throw TicketTypes.TypeNotFound();

    // Tickets: the dummy app keeps none, so a new one is answered as made (on the canned type, its attributes checked
    // as a stored app checks them) and every other ticket operation finds no ticket.
    public Task<TicketRecord> CreateTicketAsync(TicketInput input)
    {
        var type = CannedTicketTypeOf(input.TicketTypeId);
        var attributes = Tickets.Merge(type, "{}", input.Attributes, creating: true);
        var created = input.CreatedAt ?? CannedTicketTime;
        return Task.FromResult(new TicketRecord(1, 1, type, TicketStates.All[0], attributes, [(ListedUsers[0].IntercomId, ListedUsers[0].UserId)], input.CompanyId,
            "0", "0", Open: true, SnoozedUntil: null, IsShared: false, created, created,
            [new(1, "ticket_state_updated_by_admin", null, "submitted", "submitted", null, null, "admin", Admin.Id, Admin.Name, Admin.Email, created)]));
    }

    /// <summary>The canned conversation converted as a stored app converts one (checked alike), answered and kept nowhere: it can be converted again.</summary>
    public Task<TicketRecord> ConvertConversationAsync(long conversationId, TicketConversion input)
    {
        var conversation = CannedThread(ListedUsers[0], conversationId);
        var type = CannedTicketTypeOf(input.TicketTypeId);
        Tickets.CheckConvertible(type);
        var state = input.StateId is { } stateId ? Tickets.State(stateId) : TicketStates.All[0];
        var attributes = Tickets.Merge(type, "{}", input.Attributes, creating: true, field: "attributes");
        var user = conversation.Contact.User;
        var parts = conversation.Messages.Select((m, i) => new TicketPartRecord(i + 1, "comment", m.Html, null, null, null, null,
            m.FromAdmin ? "admin" : "user", m.FromAdmin ? Admin.Id : user.IntercomId, m.FromAdmin ? Admin.Name : user.Name, m.FromAdmin ? Admin.Email : user.Email, m.CreatedAt)).ToList();
        parts.Add(new(parts.Count + 1, "ticket_state_updated_by_admin", null, state.Category, state.Category, null, null, "admin", Admin.Id, Admin.Name, Admin.Email, CannedTicketTime));
        return Task.FromResult(new TicketRecord(1, 1, type, state, attributes, [(user.IntercomId, user.UserId)], null, "0", "0", Open: true, SnoozedUntil: null,
            IsShared: true, conversation.CreatedAt, CannedTicketTime, parts));
    }

    public Task<TicketRecord> GetTicketAsync(string id) => throw Tickets.NotFound();

    public Task<TicketRecord> ChangeTicketTypeAsync(string id, TicketTypeChange change) => throw Tickets.ReplyNotFound();

    public Task<ConversationRecord> LinkConversationAsync(string ticketId, long conversationId) => throw Tickets.NotFound();

    public Task<ConversationRecord> UnlinkConversationAsync(string ticketId, long conversationId) => throw Tickets.NotFound();

    /// <summary>Checked as a create is, answered as job 1, and kept nowhere: no job is ever found.</summary>
    public async Task<long> EnqueueTicketAsync(TicketInput input)
    {
        _ = await CreateTicketAsync(input);
        return 1;
    }

    public Task<long> TicketOfJobAsync(string jobId) => throw Tickets.JobNotFound();

    public Task<TicketPage> SearchTicketsAsync(ContactQuery query, int perPage, string? startingAfter) =>
        Task.FromResult(new TicketPage([], 0, 1, perPage, null));

    public Task<TicketRecord> UpdateTicketAsync(string id, TicketChange change) => throw Tickets.NotFound();

    public Task<TicketRecord> DeleteTicketAsync(string id) => throw Tickets.NotFound();

    public Task<TicketPartRecord> ReplyTicketAsync(string id, TicketReply reply) => throw Tickets.ReplyNotFound();

    public Task<AppliedTag> TagTicketAsync(string id, long tagId, string adminId) => throw Tickets.NotFound();

    public Task<AppliedTag> UntagTicketAsync(string id, long tagId, string adminId) => throw Tickets.NotFound();
}
