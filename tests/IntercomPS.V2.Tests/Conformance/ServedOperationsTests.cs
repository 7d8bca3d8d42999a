using System.Linq;
using IntercomPS.Emulator.Endpoints.V2;
using Xunit;

namespace IntercomPS.V2.Tests.Conformance;

/// <summary>
/// The emulator's route table against Intercom's 2.14 description: every operation it serves is one the description
/// has (or one a later version brought, which that version's description has), and every operation of the description
/// it does not serve is in <see cref="UnservedOperations"/>, with a reason.
/// </summary>
public class ServedOperationsTests
{
    private static readonly string[] Methods = ["GET", "POST", "PUT", "DELETE", "PATCH"];

    [DescriptionFact]
    public void Every_served_operation_is_in_the_description()
    {
        var contract = OpenApiContract.Instance;
        var undescribed = EmulatedOperations.All.Where(o => contract.Operation(o.Template, o.Method) is null).Select(o => $"{o.Method} {o.Template}").ToList();
        var later = undescribed.Where(o => ApiVersions.IntroducedIn(o) is { } since && since > System.Version.Parse(OpenApiContract.Version)).ToList();
        Assert.Empty(undescribed.Except(later));
        Assert.All(later.Where(o => OpenApiContract.IsAvailable(IntroducedName(o))), o =>
        {
            var (method, template) = (o[..o.IndexOf(' ')], o[(o.IndexOf(' ') + 1)..]);
            Assert.True(OpenApiContract.For(IntroducedName(o)).Operation(template, method) is not null, $"{o} is not in the {IntroducedName(o)} description, which ApiVersions says brought it");
        });
    }

    private static string IntroducedName(string operation) => ApiVersions.IntroducedIn(operation)!.ToString(2);

    [DescriptionFact]
    public void Every_operation_of_the_description_is_served_or_listed_as_unserved_with_a_reason()
    {
        var contract = OpenApiContract.Instance;
        var described = contract.Paths.SelectMany(path => Methods.Where(m => contract.Operation(path, m) is not null).Select(m => $"{m} {path}")).ToHashSet();
        var served = EmulatedOperations.All.Select(o => $"{o.Method} {o.Template}").Where(described.Contains).ToHashSet(); // but those of later versions
        var unserved = UnservedOperations.All;

        var unlisted = described.Except(served).Where(o => !unserved.ContainsKey(o)).ToList();
        var listedYetServed = unserved.Keys.Where(served.Contains).ToList();
        var listedYetUndescribed = unserved.Keys.Where(o => !described.Contains(o)).ToList();
        Assert.Empty(unlisted);
        Assert.Empty(listedYetServed);
        Assert.Empty(listedYetUndescribed);
        Assert.All(unserved, u => Assert.False(string.IsNullOrWhiteSpace(u.Value), $"{u.Key} has no reason"));
        Assert.Equal(described.Count, served.Count + unserved.Count);
    }
}
