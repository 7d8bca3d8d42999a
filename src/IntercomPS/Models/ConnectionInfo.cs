namespace IntercomPS
{
    /// <summary>Whom a credential connects as: the v1 app, or the 2.x workspace and the admin the token belongs to.</summary>
    public sealed class ConnectionInfo
    {
        /// <summary>The v1 app id, or the 2.x workspace's id (its app id_code).</summary>
        public string? WorkspaceId { get; set; }

        public string? WorkspaceName { get; set; }

        /// <summary>The admin the 2.x token acts as (notes are written by them unless -AdminId says otherwise).</summary>
        public string? AdminId { get; set; }

        public string? AdminName { get; set; }

        public string? AdminEmail { get; set; }

        /// <summary>The 2.x workspace's time zone (an IANA name such as Europe/Dublin): contact searches match dates by its days.</summary>
        public string? TimeZone { get; set; }
    }
}
