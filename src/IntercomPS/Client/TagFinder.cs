using System.Threading;
using System.Threading.Tasks;

namespace IntercomPS.Client
{
    /// <summary>Finds a tag by name, as one of a batch of names; see <see cref="IIntercomApi.NewTagFinder"/>.</summary>
    public delegate Task<Tag> TagFinder(string name, CancellationToken cancellationToken);

    /// <summary>A user's tags with their names, for one command's users; see <see cref="IIntercomApi.NewTagNamer"/>.</summary>
    public delegate Task<UserTags> TagNamer(User user, CancellationToken cancellationToken);
}
