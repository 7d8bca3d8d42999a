using System;
using System.Collections;

namespace IntercomPS.Client
{
    /// <summary>
    /// A company to create or update by its <see cref="CompanyId"/> (the id your workspace gives it, which never
    /// changes). Only the fields that are set are sent, so an update never blanks what it does not mention.
    /// </summary>
    public sealed class CompanyChanges
    {
        public CompanyChanges(string companyId)
        {
            if (string.IsNullOrWhiteSpace(companyId)) throw new ArgumentException("A company needs its CompanyId (the company_id your workspace gives it).");
            CompanyId = companyId;
        }

        public string CompanyId { get; }
        public string? Name { get; set; }
        public string? Plan { get; set; }
        public long? Size { get; set; }
        public string? Website { get; set; }
        public string? Industry { get; set; }
        public long? MonthlySpend { get; set; }
        public DateTime? RemoteCreatedAt { get; set; }
        public IDictionary? CustomData { get; set; }
    }
}
