using Xunit;

namespace IntercomPS.V2.Tests.Conformance;

/// <summary>
/// A test about Intercom's description itself (its examples, the validator, what it lists): run where the description
/// is found, reported as skipped with <see cref="OpenApiContract.SkipReason"/> where it is not. Behaviour tests use
/// plain [Fact]s: they run everywhere, and <see cref="Infrastructure.V2Client"/> validates their answers when it can.
/// </summary>
public sealed class DescriptionFactAttribute : FactAttribute
{
    public DescriptionFactAttribute()
    {
        if (!OpenApiContract.Available)
        {
            Skip = OpenApiContract.SkipReason;
        }
    }
}

/// <summary>The <see cref="DescriptionFactAttribute"/> of a theory; skipped whole, its data (read from the description) never asked for.</summary>
public sealed class DescriptionTheoryAttribute : TheoryAttribute
{
    public DescriptionTheoryAttribute()
    {
        if (!OpenApiContract.Available)
        {
            Skip = OpenApiContract.SkipReason;
        }
    }
}
