using System;
using System.Management.Automation;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Defines a custom data attribute in a REST API 2.x workspace (of a contact or company, or, on 2.16, a conversation:
    /// POST /conversations/attributes, float made decimal and date datetime): its name, data type and model, and optionally a
    /// description and (a list attribute's) options. Binds by property name, so a CSV of definitions can be piped.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "IntercomDataAttribute", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(DataAttribute))]
    public sealed class NewIntercomDataAttributeCommand : IntercomCmdlet
    {
        private readonly PipedObject _piped;

        public NewIntercomDataAttributeCommand() => _piped = new PipedObject(Composed, PipedKind.DataAttribute);

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = string.Empty;

        /// <summary>string (the default), integer, float, boolean or date.</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("data_type")]
        [ValidateSet("string", "integer", "float", "boolean", "date")]
        public string DataType { get; set; } = "string";

        /// <summary>contact (users and leads, the default) or company; or conversation (2.16).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateSet("contact", "company", "conversation")]
        public string Model { get; set; } = "contact";

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Description { get; set; }

        /// <summary>The values of a list attribute (a string attribute): at least two.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string[]? Options { get; set; }

        protected override void ProcessRecord()
        {
            if (_piped.Refuses(Requests)) return;
            // The sets take any case (Contact, Integer), as PowerShell's do; the API takes only its own, lower-case spelling.
            var (model, dataType) = (Model.ToLowerInvariant(), DataType.ToLowerInvariant());
            if (!ShouldProcess($"{model} attribute {Name} ({dataType})", "Define Intercom data attribute")) return;
            var attribute = new NewDataAttribute(Name, model, dataType) { Description = string.IsNullOrEmpty(Description) ? null : Description };
            var options = Options;
            var created = model == "conversation"
                ? Requests.Invoke(Name, token =>
                {
                    // 2.16 names the types its own way, and a list is a type of its own, of labels.
                    var labels = DataAttributeOptions.Of(options, dataType);
                    var conversation = new NewDataAttribute(Name, model, labels is not null ? "list" : ConversationDataType(dataType))
                        { Description = attribute.Description, Options = labels };
                    return Client.As<IConversationAttributes>().CreateConversationAttributeAsync(conversation, token);
                })
                : Requests.Invoke(Name, token =>
                {
                    attribute.Options = DataAttributeOptions.Of(options, attribute.DataType);
                    return Client.As<IDataAttributes>().CreateDataAttributeAsync(attribute, token);
                });
            if (created is not null) WriteObject(created);
        }

        /// <summary>-DataType as 2.16's conversation attributes name it: float is decimal, date is datetime.</summary>
        private static string ConversationDataType(string dataType) => dataType switch
        {
            "float" => "decimal",
            "date" => "datetime",
            _ => dataType,
        };
    }

    /// <summary>A list attribute's options as -Options gives them, checked before anything is sent.</summary>
    internal static class DataAttributeOptions
    {
        /// <summary>The options, or null when none are given; a list attribute holds strings and needs at least two.</summary>
        public static string[]? Of(string[]? options, string? dataType)
        {
            if (options is null || options.Length == 0) return null;
            if (dataType is not null && dataType != "string")
                throw new ArgumentException($"-Options makes a list attribute, whose values are strings, so it cannot be {dataType}: leave -DataType out (or give string).");
            if (options.Length < 2) throw new ArgumentException("A list attribute needs at least two -Options.");
            return options;
        }
    }
}
