using System.Management.Automation;

namespace IntercomPS.Cmdlets
{
    /// <summary>Gets tags by name, with their id, colour and how many users carry them.</summary>
    [Cmdlet(VerbsCommon.Get, "IntercomTag")]
    [OutputType(typeof(Tag))]
    public sealed class GetIntercomTagCommand : IntercomCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] Name { get; set; } = System.Array.Empty<string>();

        protected override void ProcessRecord()
        {
            foreach (var name in Name)
            {
                var tag = Invoke(name, token => Client.GetTagAsync(name, token));
                if (tag is not null) WriteObject(tag);
            }
        }
    }
}
