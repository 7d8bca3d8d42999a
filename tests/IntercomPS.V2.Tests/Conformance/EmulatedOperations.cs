using System.Collections.Generic;
using System.Linq;
using IntercomPS.Emulator.Endpoints;
using IntercomPS.Emulator.Endpoints.V2;

namespace IntercomPS.V2.Tests.Conformance;

/// <summary>
/// The 2.x operations the emulator serves, read from its one route table (Endpoints/ApiRoutes): the conformance suite
/// holds every one of them to the description, and <see cref="ServedOperationsTests"/> compares the table with it.
/// </summary>
public static class EmulatedOperations
{
    public static IReadOnlyList<(string Method, string Template)> All { get; } =
        [.. ApiRoutes.All.Where(route => !route.IsV1).Select(route => (route.Method, route.Template))];

    /// <summary>Those the contract (2.14) has: all but the operations a later version brought (ApiVersions).</summary>
    public static IReadOnlyList<(string Method, string Template)> InContract { get; } =
        [.. All.Where(o => !(ApiVersions.IntroducedIn($"{o.Method} {o.Template}") > System.Version.Parse(OpenApiContract.Version)))];
}
