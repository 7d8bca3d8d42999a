using System;

namespace IntercomPS
{
    /// <summary>
    /// A data attribute of a REST API 2.x workspace: a standard one (no Id) or a custom one the workspace defined, of the
    /// contact or company model, or (2.16) of the conversation model. Custom contact attributes are a user's CustomData keys.
    /// </summary>
    public sealed class DataAttribute
    {
        /// <summary>The data types a custom attribute can be defined with.</summary>
        public static readonly string[] DataTypes = { "string", "integer", "float", "boolean", "date" };

        /// <summary>The attribute's id (custom attributes only): what Set-IntercomDataAttribute changes it by.</summary>
        public long? Id { get; set; }
        /// <summary>contact (users and leads), company or conversation.</summary>
        public string? Model { get; set; }
        public string? Name { get; set; }
        /// <summary>How the API names its value: custom_attributes.plan for a custom contact attribute.</summary>
        public string? FullName { get; set; }
        public string? Label { get; set; }
        public string? Description { get; set; }
        /// <summary>string, integer, float, boolean or date; a conversation attribute's as 2.16 names them (list, decimal, datetime, ...).</summary>
        public string? DataType { get; set; }
        /// <summary>A list attribute's values (a conversation attribute's active labels); empty for any other.</summary>
        public string[] Options { get; set; } = Array.Empty<string>();
        /// <summary>A conversation list attribute's options with their ids, archived ones too; empty for any other.</summary>
        public DataAttributeOption[] ListOptions { get; set; } = Array.Empty<DataAttributeOption>();
        /// <summary>Whether a conversation attribute must be filled in before a conversation closes.</summary>
        public bool Required { get; set; }
        public bool Custom { get; set; }
        public bool Archived { get; set; }
        public bool ApiWritable { get; set; }
        public DateTime? CreatedAt { get; set; }
        public DateTime? UpdatedAt { get; set; }

        public override string ToString() => Name ?? string.Empty;
    }
}
