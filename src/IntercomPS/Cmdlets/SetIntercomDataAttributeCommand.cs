using System;
using System.Linq;
using System.Management.Automation;
using IntercomPS.Client;
using IntercomPS.Internal;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Changes a custom data attribute of a REST API 2.x workspace: its description, a list attribute's options, or
    /// whether it is archived. Found by id (piped attributes carry it), else by name, with one listing per command.
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

        [Parameter]
        public string? Description { get; set; }

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
            try
            {
                if (AttributeId is null && string.IsNullOrEmpty(Name)) throw new ArgumentException("Name the attribute: -Name, -AttributeId, or pipe it from Get-IntercomDataAttribute.");
                if (Description is null && Options is null && Archived is null) throw new ArgumentException("Nothing to change: give -Description, -Options or -Archived.");
            }
            catch (ArgumentException refused)
            {
                Requests.WriteFailure(refused, target);
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
