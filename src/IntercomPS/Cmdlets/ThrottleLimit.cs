using System.Management.Automation;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// -ThrottleLimit, how many of a command's requests run at once (1 to <see cref="Concurrency.MaxThrottleLimit"/>,
    /// <see cref="Concurrency.DefaultThrottleLimit"/> by default), declared here once: the command's
    /// <see cref="RequestScheduler"/> reads it by name. The user-target binder composes it for the cmdlets that act on
    /// users; cmdlets whose inputs are not users (companies) compose it alone.
    /// </summary>
    internal static class ThrottleLimit
    {
        public static void Declare(RuntimeDefinedParameterDictionary parameters, string parameterSet = ParameterAttribute.AllParameterSets) =>
            ComposedParameters.Add(parameters, "ThrottleLimit", typeof(int), new ParameterAttribute { ParameterSetName = parameterSet },
                new ValidateRangeAttribute(1, Concurrency.MaxThrottleLimit)).Value = Concurrency.DefaultThrottleLimit;
    }
}
