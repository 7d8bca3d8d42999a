using System.Threading;
using System.Threading.Tasks;

namespace IntercomPS.Client
{
    /// <summary>A workspace's data attributes, which only REST API 2.x has (v1 made custom data keys on first use).</summary>
    public interface IDataAttributes
    {
        /// <summary>The attributes of a model (contact or company; null: both), archived ones too when asked.</summary>
        Task<DataAttribute[]> ListDataAttributesAsync(string? model, bool includeArchived, CancellationToken cancellationToken = default);

        /// <summary>Defines a custom attribute. Not repeated after a failure that may have been applied: a second would meet "already exists".</summary>
        Task<DataAttribute> CreateDataAttributeAsync(NewDataAttribute attribute, CancellationToken cancellationToken = default);

        /// <summary>Changes a custom attribute's description, options or archived flag (never its type).</summary>
        Task<DataAttribute> UpdateDataAttributeAsync(long id, DataAttributeChanges changes, CancellationToken cancellationToken = default);
    }

    /// <summary>A custom attribute to define: its name, model and data type, and optionally a description and (a list attribute's) options.</summary>
    public sealed class NewDataAttribute
    {
        public NewDataAttribute(string name, string model, string dataType)
        {
            Name = name;
            Model = model;
            DataType = dataType;
        }

        public string Name { get; }
        public string Model { get; }
        public string DataType { get; }
        public string? Description { get; set; }

        /// <summary>A list attribute's values (a string attribute; at least two); null for any other.</summary>
        public string[]? Options { get; set; }
    }

    /// <summary>What to change of a custom attribute; null leaves a field as it is.</summary>
    public sealed class DataAttributeChanges
    {
        public string? Description { get; set; }
        public string[]? Options { get; set; }
        public bool? Archived { get; set; }
    }

    /// <summary>2.16's conversation attributes (/conversations/attributes), a list attribute's options by their ids, and macros.</summary>
    public interface IConversationAttributes
    {
        Task<DataAttribute[]> ListConversationAttributesAsync(bool includeArchived, CancellationToken cancellationToken = default);

        Task<DataAttribute> GetConversationAttributeAsync(long id, CancellationToken cancellationToken = default);

        /// <summary>Defines one: data type as 2.16 names it (string, integer, list, decimal, boolean, datetime); a list's option labels. Not repeated after a failure that may have been applied.</summary>
        Task<DataAttribute> CreateConversationAttributeAsync(NewDataAttribute attribute, CancellationToken cancellationToken = default);

        /// <summary>PUT: a new name and/or description; null leaves each as it is.</summary>
        Task<DataAttribute> UpdateConversationAttributeAsync(long id, string? name, string? description, CancellationToken cancellationToken = default);

        /// <summary>DELETE, which archives it (the API cannot bring it back).</summary>
        Task<DataAttribute> ArchiveConversationAttributeAsync(long id, CancellationToken cancellationToken = default);

        /// <summary>POST .../options: not repeated after a failure that may have been applied (a second option would be made).</summary>
        Task<DataAttribute> AddConversationAttributeOptionAsync(long id, string label, CancellationToken cancellationToken = default);

        Task<DataAttribute> RenameConversationAttributeOptionAsync(long id, string optionId, string label, CancellationToken cancellationToken = default);

        Task<DataAttribute> ArchiveConversationAttributeOptionAsync(long id, string optionId, CancellationToken cancellationToken = default);

        /// <summary>Every macro the token's admin may see, newest update first, every page; only those updated after <paramref name="updatedSince"/> when given.</summary>
        Task<Macro[]> ListMacrosAsync(System.DateTime? updatedSince, CancellationToken cancellationToken = default);

        Task<Macro> GetMacroAsync(string id, CancellationToken cancellationToken = default);
    }
}
