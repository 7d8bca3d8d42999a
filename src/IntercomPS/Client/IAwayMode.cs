using System.Threading;
using System.Threading.Tasks;

namespace IntercomPS.Client
{
    /// <summary>Admins' away mode (REST API 2.x; reasons from Intercom-Version 2.14): setting an admin away or back.</summary>
    public interface IAwayMode
    {
        /// <summary>
        /// Sets the admin away (<paramref name="away"/>) or back; <paramref name="reassign"/> reassigns new replies to the
        /// default inbox meanwhile, <paramref name="reasonId"/> says why (an <see cref="AwayReason"/>'s id). Answers the
        /// admin as it now is. Idempotent: the same call leaves the same state.
        /// </summary>
        Task<Admin> SetAwayAsync(string adminId, bool away, bool reassign, long? reasonId, CancellationToken cancellationToken = default);

        /// <summary>Every away status reason of the workspace, the deleted ones too, in the workspace's order.</summary>
        Task<AwayReason[]> ListAwayReasonsAsync(CancellationToken cancellationToken = default);
    }
}
