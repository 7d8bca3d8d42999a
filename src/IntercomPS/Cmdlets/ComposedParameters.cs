using System;
using System.Collections.ObjectModel;
using System.Management.Automation;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Declares a parameter that several cmdlets share into a cmdlet's own dictionary (what its
    /// <see cref="IDynamicParameters.GetDynamicParameters"/> returns), so it is declared once, where it is read, and each
    /// cmdlet can still take it in its own shape (a parameter set, a position) or with values known only at run time.
    /// </summary>
    internal static class ComposedParameters
    {
        public static RuntimeDefinedParameter Add(RuntimeDefinedParameterDictionary parameters, string name, Type type, params Attribute[] attributes)
        {
            var parameter = new RuntimeDefinedParameter(name, type, new Collection<Attribute>(attributes));
            parameters.Add(name, parameter);
            return parameter;
        }
    }
}
