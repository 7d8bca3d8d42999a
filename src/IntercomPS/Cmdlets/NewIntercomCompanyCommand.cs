using System;
using System.Collections;
using System.Management.Automation;
using IntercomPS.Client;
using IntercomPS.Internal;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Creates a company, or updates the one with the same -CompanyId (REST API 2.x's POST /companies). Every field
    /// binds by property name, from Company objects and from CSV rows with the API's snake_case columns; fields left
    /// out, or blank in a cell, keep their value.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "IntercomCompany", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(Company))]
    public sealed class NewIntercomCompanyCommand : IntercomCmdlet
    {
        private readonly PipedObject _piped;

        public NewIntercomCompanyCommand()
        {
            ThrottleLimit.Declare(Composed);
            _piped = new PipedObject(Composed, PipedKind.Company);
        }

        /// <summary>The id your workspace gives the company: it finds the company, and cannot be changed once set.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("company_id")]
        [ValidateNotNullOrEmpty]
        public string CompanyId { get; set; } = string.Empty;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Name { get; set; }

        /// <summary>The name of the company's plan.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Plan { get; set; }

        /// <summary>How many employees the company has.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [WholeNumberTransformation]
        public long? Size { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Website { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Industry { get; set; }

        /// <summary>The company's revenue to you, in whole units (Intercom drops a fraction).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("monthly_spend")]
        [WholeNumberTransformation]
        public long? MonthlySpend { get; set; }

        /// <summary>When the company was created in your systems.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("remote_created_at")]
        [DateTimeTransformation]
        public DateTime? RemoteCreatedAt { get; set; }

        /// <summary>Flat key/value data (the company's custom attributes); JSON text (a CSV cell) works too.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("custom_attributes", "custom_data")]
        [CustomDataTransformation]
        public Hashtable? CustomData { get; set; }

        protected override void ProcessRecord()
        {
            if (_piped.Refuses(Requests)) return;
            var companyId = CompanyId;
            if (!ShouldProcess(companyId, "Create or update Intercom company")) return;
            var changes = new CompanyChanges(companyId)
            {
                Name = Blank(Name),
                Plan = Blank(Plan),
                Size = Size,
                Website = Blank(Website),
                Industry = Blank(Industry),
                MonthlySpend = MonthlySpend,
                RemoteCreatedAt = RemoteCreatedAt,
                CustomData = CustomData is null ? null : ParameterValues.Plain(CustomData),
            };
            Requests.Submit(companyId, token => Client.As<ICompanies>().SaveCompanyAsync(changes, token), WriteObject);
        }

        private static string? Blank(string? text) => string.IsNullOrEmpty(text) ? null : text;
    }
}
