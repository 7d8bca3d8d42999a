using System;
using System.Collections;

namespace IntercomPS
{
    /// <summary>
    /// A company (REST API 2.x): Id is the id Intercom gives it, CompanyId the one your workspace gave it (set once, at
    /// creation). Dates are UTC; CustomData is a case-insensitive hashtable whose text is its JSON, as a user's is.
    /// </summary>
    public sealed class Company
    {
        public string? Id { get; set; }
        public string? CompanyId { get; set; }
        public string? Name { get; set; }
        /// <summary>The name of the company's plan.</summary>
        public string? Plan { get; set; }
        /// <summary>How many employees it has.</summary>
        public long? Size { get; set; }
        public string? Website { get; set; }
        public string? Industry { get; set; }
        /// <summary>Its revenue to you, in whole units: Intercom drops the fraction.</summary>
        public long? MonthlySpend { get; set; }
        /// <summary>How many users (and leads) are attached to it.</summary>
        public long? UserCount { get; set; }
        public long? SessionCount { get; set; }
        /// <summary>When you say it was created (remote_created_at).</summary>
        public DateTime? RemoteCreatedAt { get; set; }
        /// <summary>When Intercom first saw it.</summary>
        public DateTime? CreatedAt { get; set; }
        public DateTime? UpdatedAt { get; set; }
        public DateTime? LastRequestAt { get; set; }

        /// <summary>A <see cref="IntercomPS.CustomData"/>, whose text (what Export-Csv writes) is its JSON.</summary>
        public Hashtable CustomData
        {
            get => _customData ??= new CustomData();
            set => _customData = value;
        }

        private Hashtable? _customData;

        public override string ToString() => Name ?? CompanyId ?? Id ?? string.Empty;
    }
}
