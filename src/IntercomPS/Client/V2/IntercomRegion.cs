using System;

namespace IntercomPS.Client.V2
{
    /// <summary>The regions Intercom hosts workspaces in, each with its own API host (a token works only at its own).</summary>
    public static class IntercomRegion
    {
        public const string US = "US";
        public const string EU = "EU";
        public const string AU = "AU";

        public static readonly string[] All = { US, EU, AU };

        /// <summary>The REST API root of a region: api.intercom.io, api.eu.intercom.io or api.au.intercom.io.</summary>
        public static Uri BaseUriFor(string region) => region?.ToUpperInvariant() switch
        {
            US => new Uri("https://api.intercom.io/"),
            EU => new Uri("https://api.eu.intercom.io/"),
            AU => new Uri("https://api.au.intercom.io/"),
            _ => throw new ArgumentException($"'{region}' is not an Intercom region: use {string.Join(", ", All)}."),
        };
    }
}
