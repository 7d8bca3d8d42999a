using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

namespace IntercomPS.Internal
{
    /// <summary>
    /// The session Connect-Intercom made, one per runspace: two runspaces in one process (a host running
    /// scripts side by side, parallel test runs) each keep their own connection.
    /// </summary>
    internal static class CurrentSession
    {
        private sealed class Holder
        {
            public IntercomSession? Session;
        }

        private static readonly ConditionalWeakTable<Runspace, Holder> Sessions = new ConditionalWeakTable<Runspace, Holder>();

        public static IntercomSession? Get() => Sessions.GetOrCreateValue(Runspace.DefaultRunspace).Session;

        public static void Set(IntercomSession? session) => Sessions.GetOrCreateValue(Runspace.DefaultRunspace).Session = session;
    }
}
