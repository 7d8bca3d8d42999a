using System;
using System.Linq;
using System.Management.Automation;
using IntercomPS.Client;
using IntercomPS.Internal;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Changes a custom data attribute of a REST API 2.x workspace: its description, a list attribute's options, or
    /// whether it is archived; with -Model conversation (2.16), a conversation attribute: its name and description, its
    /// list options one by one (-AddOption, -RenameOption, -ArchiveOption), or archived (the API's DELETE). Found by id (piped attributes carry it), else by name, with one listing per command.
    /// Its name and data type cannot be changed through the API.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "IntercomDataAttribute", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(DataAttribute))]
    public sealed class SetIntercomDataAttributeCommand : IntercomCmdlet
    {
        private readonly PipedObject _piped;

        public SetIntercomDataAttributeCommand() => _piped = new PipedObject(Composed, PipedKind.DataAttribute);

        private DataAttribute[]? _listing;

        /// <summary>The attribute's id, as Get-IntercomDataAttribute shows it; binds from piped attributes' Id.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        public long? AttributeId { get; set; }

        /// <summary>The attribute's name, when no id is given.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        public string? Name { get; set; }

        /// <summary>conversation (2.16) changes a conversation attribute, which piped ones carry; contact or company attributes are found without it.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateSet("contact", "company", "conversation")]
        public string? Model { get; set; }

        [Parameter]
        public string? Description { get; set; }

        /// <summary>A conversation attribute's new name (contact and company attributes cannot be renamed).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? NewName { get; set; }

        /// <summary>Labels of options to add to a conversation list attribute, in order.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? AddOption { get; set; }

        /// <summary>A conversation list attribute's options to rename: @{ 'Old label' = 'New label' } (an option's id works as the key too).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public System.Collections.Hashtable? RenameOption { get; set; }

        /// <summary>A conversation list attribute's options to archive, by label or id: they stay, archived; two must stay active.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? ArchiveOption { get; set; }

        /// <summary>A list attribute's values, replacing the ones it had: at least two.</summary>
        [Parameter]
        public string[]? Options { get; set; }

        /// <summary>$true archives it (it leaves lists and forms), $false brings it back.</summary>
        [Parameter]
        [BooleanTransformation]
        public bool? Archived { get; set; }

        /// <summary>Return the attribute as it is now.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            if (_piped.Refuses(Requests)) return;
            var target = (object?)AttributeId ?? Name;
            var conversation = string.Equals(Model, "conversation", StringComparison.OrdinalIgnoreCase);
            try
            {
                if (AttributeId is null && string.IsNullOrEmpty(Name)) throw new ArgumentException("Name the attribute: -Name, -AttributeId, or pipe it from Get-IntercomDataAttribute.");
                if (!conversation && (NewName ?? (object?)AddOption ?? (object?)RenameOption ?? ArchiveOption) is not null)
                    throw new ArgumentException("-NewName, -AddOption, -RenameOption and -ArchiveOption change conversation attributes (REST API 2.16): add -Model conversation, or pipe one from Get-IntercomDataAttribute -Model conversation.");
                if (conversation && Options is not null)
                    throw new ArgumentException("A conversation attribute's options change one at a time: use -AddOption, -RenameOption or -ArchiveOption instead of -Options.");
                if (conversation && Archived == false)
                    throw new ArgumentException("An archived conversation attribute cannot be brought back through the API (it only archives): unarchive it in Intercom's settings.");
                if (Description is null && Options is null && Archived is null && NewName is null && AddOption is null && RenameOption is null && ArchiveOption is null)
                    throw new ArgumentException(conversation
                        ? "Nothing to change: give -NewName, -Description, -AddOption, -RenameOption, -ArchiveOption or -Archived."
                        : "Nothing to change: give -Description, -Options or -Archived.");
            }
            catch (ArgumentException refused)
            {
                Requests.WriteFailure(refused, target);
                return;
            }
            if (conversation)
            {
                SetConversationAttribute(target);
                return;
            }
            var id = AttributeId ?? IdByName(Name!);
            if (id is null || !ShouldProcess($"data attribute {Name ?? id.ToString()} ({id})", "Update Intercom data attribute")) return;
            var changes = new DataAttributeChanges { Description = Description, Archived = Archived };
            var updated = Requests.Invoke(target, token =>
            {
                changes.Options = DataAttributeOptions.Of(Options, null);
                return Client.As<IDataAttributes>().UpdateDataAttributeAsync(id.Value, changes, token);
            });
            if (updated is not null && PassThru) WriteObject(updated);
        }

        /// <summary>
        /// A conversation attribute (2.16): the attribute is read first (by id, or from one listing by name), so every
        /// option named is found, and every fault reported, before anything is sent; then one request per change, in
        /// order (rename, options added, renamed, archived, then the attribute archived), stopping at the first failure.
        /// </summary>
        private void SetConversationAttribute(object? target)
        {
            var api = Client.As<IConversationAttributes>();
            var id = AttributeId;
            DataAttribute? attribute;
            if (id is { } known)
            {
                attribute = Requests.Invoke(target, token => api.GetConversationAttributeAsync(known, token));
            }
            else
            {
                _listing ??= Requests.Invoke<DataAttribute[]>(Name, token => api.ListConversationAttributesAsync(includeArchived: true, token));
                if (_listing is null) return;
                attribute = _listing.FirstOrDefault(a => string.Equals(a.Name, Name, StringComparison.Ordinal))
                    ?? _listing.FirstOrDefault(a => string.Equals(a.Name, Name, StringComparison.OrdinalIgnoreCase));
                if (attribute is null)
                {
                    Requests.WriteFailure(new IntercomLookupException("GET", new Uri(Client.BaseUri, "conversations/attributes"), IntercomApiException.NotFoundType,
                        $"No conversation attribute is named '{Name}'."), Name);
                    return;
                }
            }
            if (attribute?.Id is not { } attributeId) return;

            var renames = new System.Collections.Generic.List<(string OptionId, string Label)>();
            var archives = new System.Collections.Generic.List<string>();
            try
            {
                if ((AddOption ?? (object?)RenameOption ?? ArchiveOption) is not null && attribute.DataType != "list")
                    throw new ArgumentException($"'{attribute.Name}' is a {attribute.DataType} attribute: only list attributes have options.");
                foreach (var label in AddOption ?? Array.Empty<string>())
                    if (string.IsNullOrWhiteSpace(label)) throw new ArgumentException("-AddOption labels cannot be empty.");
                foreach (System.Collections.DictionaryEntry entry in RenameOption ?? new System.Collections.Hashtable())
                {
                    var label = Convert.ToString(entry.Value is PSObject wrapped ? wrapped.BaseObject : entry.Value, System.Globalization.CultureInfo.InvariantCulture);
                    if (string.IsNullOrWhiteSpace(label)) throw new ArgumentException($"-RenameOption gives '{entry.Key}' no new label.");
                    renames.Add((OptionOf(attribute, Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty, "-RenameOption").Id!, label!));
                }
                foreach (var option in ArchiveOption ?? Array.Empty<string>())
                    archives.Add(OptionOf(attribute, option, "-ArchiveOption").Id!);
            }
            catch (ArgumentException refused)
            {
                Requests.WriteFailure(refused, target);
                return;
            }

            if (!ShouldProcess($"conversation attribute {attribute.Name} ({attributeId})", "Update Intercom data attribute")) return;
            var updated = attribute;
            if (NewName is not null || Description is not null)
            {
                var (newName, description) = (NewName, Description);
                if ((updated = Requests.Invoke(target, token => api.UpdateConversationAttributeAsync(attributeId, newName, description, token))) is null) return;
            }
            foreach (var label in AddOption ?? Array.Empty<string>())
                if ((updated = Requests.Invoke(target, token => api.AddConversationAttributeOptionAsync(attributeId, label, token))) is null) return;
            foreach (var (optionId, label) in renames)
                if ((updated = Requests.Invoke(target, token => api.RenameConversationAttributeOptionAsync(attributeId, optionId, label, token))) is null) return;
            foreach (var optionId in archives)
                if ((updated = Requests.Invoke(target, token => api.ArchiveConversationAttributeOptionAsync(attributeId, optionId, token))) is null) return;
            if (Archived == true && (updated = Requests.Invoke(target, token => api.ArchiveConversationAttributeAsync(attributeId, token))) is null) return;
            if (PassThru) WriteObject(updated);
        }

        /// <summary>The option of the attribute with that id, else that label (exact, then ignoring case), else the error naming its options.</summary>
        private static DataAttributeOption OptionOf(DataAttribute attribute, string option, string parameter) =>
            attribute.ListOptions.FirstOrDefault(o => o.Id == option)
            ?? attribute.ListOptions.FirstOrDefault(o => string.Equals(o.Label, option, StringComparison.Ordinal))
            ?? attribute.ListOptions.FirstOrDefault(o => string.Equals(o.Label, option, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"{parameter}: '{attribute.Name}' has no option '{option}' (its options: {string.Join(", ", attribute.ListOptions.Select(o => o.Label))}).");

        /// <summary>The id of the custom attribute with that name (one listing, archived ones included, per command), or null after its error.</summary>
        private long? IdByName(string name)
        {
            _listing ??= Requests.Invoke<DataAttribute[]>(name, token => Client.As<IDataAttributes>().ListDataAttributesAsync(null, includeArchived: true, token));
            if (_listing is null) return null;
            // A custom attribute first: a standard one of the other model may share its name (company's plan, say).
            var found = _listing.Where(attribute => attribute.Custom).FirstOrDefault(attribute => string.Equals(attribute.Name, name, StringComparison.Ordinal))
                ?? _listing.FirstOrDefault(attribute => string.Equals(attribute.Name, name, StringComparison.Ordinal))
                ?? _listing.FirstOrDefault(attribute => string.Equals(attribute.Name, name, StringComparison.OrdinalIgnoreCase));
            if (found?.Id is { } id) return id;
            Requests.WriteFailure(found is null
                ? new IntercomLookupException("GET", new Uri(Client.BaseUri, "data_attributes"), IntercomApiException.NotFoundType, $"No data attribute is named '{name}'.")
                : new ArgumentException($"'{name}' is a standard attribute: only the attributes a workspace defined (custom) can be changed."), name);
            return null;
        }
    }
}
